import { DEMO_INTENDED_POSTURE } from '@dr-posture/cluster-simulator';
import { expect, test, type Page } from '@playwright/test';
import {
  attachScreenshot,
  BREACHING_SERVICE,
  HEALTHY_SERVICE,
  openPortal,
  openSection,
  STATUS_WORDS,
} from './portal';

/**
 * Checks that the tab shows the service's intended overall status and
 * exactly its intended failing, warning and unknown checks.
 */
async function expectIntendedPosture(page: Page, service: string) {
  const intended = DEMO_INTENDED_POSTURE[service];
  await expect(page.getByText('Disaster-recovery posture')).toBeVisible();
  const status = page.locator('dt', { hasText: /^Status$/ }).locator('+ dd');
  await expect(status).toContainText(STATUS_WORDS[intended.status]);

  const checks = page.locator('[data-check-status]');
  await expect(checks.first()).toBeAttached();
  const findings: string[] = [];
  for (const check of await checks.all()) {
    const id = (await check.getAttribute('id'))!.replace(/^check-/, '');
    const checkStatus = await check.getAttribute('data-check-status');
    if (checkStatus !== 'pass') findings.push(`${id}:${checkStatus}`);
  }
  expect(findings.sort()).toEqual([...intended.findings].sort());
}

test('a breaching service shows its failing checks on the Disaster Recovery tab', async ({
  page,
}, testInfo) => {
  await openPortal(page, '/');
  await expect(
    page.getByRole('heading', { name: 'Catalog', exact: true }),
  ).toBeVisible();
  await page
    .getByRole('link', { name: BREACHING_SERVICE, exact: true })
    .click();
  // The entity page's tab, not the sidebar item of the same name.
  await page
    .locator(`a[href$="/component/${BREACHING_SERVICE}/disaster-recovery"]`)
    .click();

  await expectIntendedPosture(page, BREACHING_SERVICE);
  await page
    .getByRole('button', { name: 'Details of Backup freshness' })
    .click();
  await expect(page.getByText('Objects it read').first()).toBeVisible();
  await openSection(page, 'Backup freshness and history');
  await expect(
    page.getByText('Past RPO or no clean recovery point'),
  ).toBeVisible();
  await attachScreenshot(page, testInfo, 'entity tab (breaching service)');
});

test('a healthy service shows every check passing and its backups within RPO', async ({
  page,
}, testInfo) => {
  await openPortal(
    page,
    `/catalog/default/component/${HEALTHY_SERVICE}/disaster-recovery`,
  );
  await expectIntendedPosture(page, HEALTHY_SERVICE);
  await openSection(page, 'Backup freshness and history');
  await expect(page.getByText(/Pass: (Within|Close to) RPO/)).toBeVisible();
  await page.getByRole('button', { name: /checks pass$/ }).click();
  await expect(page.locator('#check-backup-freshness')).toBeVisible();
  await expect(page.locator('#check-backup-freshness')).toHaveAttribute(
    'data-check-status',
    'pass',
  );
  await attachScreenshot(page, testInfo, 'entity tab (healthy service)');
});
