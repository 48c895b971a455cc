import { expect, test } from '@playwright/test';
import { attachScreenshot, BREACHING_SERVICE, openPortal } from './portal';

test('a breaching service shows its failing check on the Disaster Recovery tab', async ({
  page,
}, testInfo) => {
  await openPortal(page, '/');
  await expect(page.getByRole('heading', { name: /Catalog/ })).toBeVisible();
  await page
    .getByRole('link', { name: BREACHING_SERVICE, exact: true })
    .click();
  // The entity page's tab, not the sidebar item of the same name.
  await page
    .locator(`a[href$="/component/${BREACHING_SERVICE}/disaster-recovery"]`)
    .click();

  await expect(page.getByText('Disaster-recovery posture')).toBeVisible();
  const freshness = page.getByRole('button', {
    name: /^Failing: Backup freshness/,
  });
  await expect(freshness).toBeVisible();
  await expect(
    page.getByText('Past RPO or no clean recovery point'),
  ).toBeVisible();

  await freshness.click();
  await expect(page.getByText('Objects it read').first()).toBeVisible();
  await attachScreenshot(page, testInfo, 'entity tab (breaching service)');
});

test('a service within its RPO shows it at a glance', async ({
  page,
}, testInfo) => {
  await openPortal(page, '/disaster-recovery');
  const rows = page
    .getByRole('table', { name: 'Entities by disaster-recovery posture' })
    .locator('tbody tr');
  await expect(rows.first().getByRole('link')).toBeVisible();
  // A row whose failing checks do not include backup freshness.
  const fresh = rows.filter({ hasNotText: 'Backup freshness' }).first();
  test.skip(
    (await fresh.count()) === 0,
    'every entity of the demo estate is past its RPO',
  );
  await fresh.getByRole('link').click();

  await expect(page.getByText(/Pass: (Within|Close to) RPO/)).toBeVisible();
  await expect(
    page.getByRole('button', { name: /^Pass: Backup freshness/ }),
  ).toBeVisible();
  await attachScreenshot(page, testInfo, 'entity tab (service within its RPO)');
});
