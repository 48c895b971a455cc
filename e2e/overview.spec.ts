import { readFile } from 'node:fs/promises';
import { DEMO_INTENDED_POSTURE } from '@dr-posture/cluster-simulator';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { attachScreenshot, openPortal, STATUS_WORDS } from './portal';

const TABLE = 'Entities by disaster-recovery posture';

/** The cells of the column headed `header`, wherever the layout puts it. */
async function columnCells(table: Locator, header: string): Promise<Locator> {
  const headers = await table.locator('thead th').allTextContents();
  const index = headers.indexOf(header);
  expect(index, `a column headed ${header}`).toBeGreaterThanOrEqual(0);
  return table.locator(`tbody tr td:nth-child(${index + 1})`);
}

function rowOf(page: Page, service: string): Locator {
  return page
    .getByRole('table', { name: TABLE })
    .locator('tbody tr')
    .filter({
      has: page.locator(`a[href$="/component/${service}/disaster-recovery"]`),
    });
}

test('lists every demo service with its intended status', async ({
  page,
}, testInfo) => {
  await openPortal(page, '/disaster-recovery');
  const table = page.getByRole('table', { name: TABLE });
  await expect(table.getByRole('link').first()).toBeVisible();

  const services = Object.entries(DEMO_INTENDED_POSTURE);
  await expect(table.locator('tbody tr')).toHaveCount(services.length);
  for (const [service, intended] of services) {
    await expect(
      rowOf(page, service).locator('td:nth-child(2)'),
      service,
    ).toHaveText(STATUS_WORDS[intended.status]);
  }
  await attachScreenshot(page, testInfo, 'overview');
});

test('filters the overview by status', async ({ page }) => {
  await openPortal(page, '/disaster-recovery');
  const table = page.getByRole('table', { name: TABLE });
  await expect(table.getByRole('link').first()).toBeVisible();

  await page.getByLabel('Status', { exact: true }).click();
  await page.getByRole('option', { name: STATUS_WORDS.warn }).click();
  await page.keyboard.press('Escape');

  const warning = Object.entries(DEMO_INTENDED_POSTURE)
    .filter(([, intended]) => intended.status === 'warn')
    .map(([service]) => service);
  await expect(table.locator('tbody tr')).toHaveCount(warning.length);
  for (const service of warning) {
    await expect(rowOf(page, service)).toBeVisible();
  }
});

test('filters the overview by tier and exports the view as CSV', async ({
  page,
}, testInfo) => {
  await openPortal(page, '/disaster-recovery');
  const table = page.getByRole('table', { name: TABLE });
  await expect(table.getByRole('link').first()).toBeVisible();

  await page.getByLabel('Tier', { exact: true }).click();
  await page.getByRole('option', { name: 'Tier 1', exact: true }).click();
  await page.keyboard.press('Escape');

  const tierCells = await columnCells(table, 'Tier');
  await expect(tierCells.first()).toHaveText('1');
  for (const tier of await tierCells.allTextContents()) {
    expect(tier).toBe('1');
  }
  const shownRows = await tierCells.count();
  await attachScreenshot(page, testInfo, 'overview filtered to tier 1');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV' }).click();
  const file = await (await download).path();
  const lines = (await readFile(file, 'utf8')).trim().split('\r\n');
  expect(lines[0]).toMatch(/^entityRef,title,owner,system,tier,status,/);
  expect(lines.length - 1).toBeGreaterThanOrEqual(shownRows);
  for (const line of lines.slice(1)) {
    expect(line.split(',')[4]).toBe('1');
  }
});

test('keeps filters, search and sort in the URL, through reload, back and forward', async ({
  page,
}) => {
  await openPortal(page, '/disaster-recovery');
  const table = page.getByRole('table', { name: TABLE });
  await expect(table.getByRole('link').first()).toBeVisible();
  await expect(
    page.getByText('The whole estate', { exact: true }),
  ).toBeVisible();

  await page.getByLabel('Status', { exact: true }).click();
  await page.getByRole('option', { name: STATUS_WORDS.fail }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/[?&]status=fail(&|$)/);
  await expect(
    page.getByText(/^Filtered: counting only entities with status Failing$/),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Last clean backup' }).click();
  await expect(page).toHaveURL(/sort=lastCleanBackupAt&order=asc/);

  const failing = Object.entries(DEMO_INTENDED_POSTURE).filter(
    ([, intended]) => intended.status === 'fail',
  );
  await page.reload();
  await expect(table.locator('tbody tr')).toHaveCount(failing.length);
  await expect(page.getByLabel('Status', { exact: true })).toHaveText(
    STATUS_WORDS.fail,
  );

  await page.goBack();
  await expect(page).not.toHaveURL(/sort=/);
  await expect(page).toHaveURL(/status=fail/);
  await page.goBack();
  await expect(page).not.toHaveURL(/status=/);
  await expect(table.locator('tbody tr')).toHaveCount(
    Object.keys(DEMO_INTENDED_POSTURE).length,
  );
  await page.goForward();
  await expect(table.locator('tbody tr')).toHaveCount(failing.length);
});

test('finds an owner by the display name the catalog gives it', async ({
  page,
}) => {
  await openPortal(page, '/disaster-recovery');
  const table = page.getByRole('table', { name: TABLE });
  await expect(table.getByRole('link').first()).toBeVisible();

  await page.getByLabel('Owner', { exact: true }).fill('Payments');
  await page
    .getByRole('option', { name: 'Payments (team-payments)', exact: true })
    .click();

  await expect(page).toHaveURL(/owner=group%3Adefault%2Fteam-payments/);
  // At 1440 px the owner is the first part of the line under the entity.
  const entities = await columnCells(table, 'Entity');
  await expect(entities).toHaveCount(3);
  for (const entity of await entities.all()) {
    await expect(entity).toContainText('team-payments · ');
  }
});

for (const width of [1920, 1440, 1024]) {
  test(`fits every column of the overview in its card at ${width} px`, async ({
    page,
  }) => {
    await page.setViewportSize({ width, height: 1000 });
    await openPortal(page, '/disaster-recovery');
    const table = page.getByRole('table', { name: TABLE });
    await expect(table.getByRole('link').first()).toBeVisible();

    // The table's container scrolls sideways only when a column overflows.
    const overflow = await table.evaluate(element => {
      const container = element.parentElement!;
      return container.scrollWidth - container.clientWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
    const lastHeader = table.locator('thead th').last();
    await expect(lastHeader).toHaveText('Failing checks');
    const box = (await lastHeader.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(width);
  });
}

test('shows a card per entity on a phone', async ({ page }, testInfo) => {
  // Signed in at the default size: on a phone the sidebar, whose Settings
  // link tells a finished sign-in, is folded away.
  await openPortal(page, '/disaster-recovery');
  await page.setViewportSize({ width: 390, height: 844 });

  const cards = page
    .getByRole('list', { name: TABLE })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(cards).toHaveCount(Object.keys(DEMO_INTENDED_POSTURE).length);
  await expect(page.getByRole('table', { name: TABLE })).toHaveCount(0);
  await attachScreenshot(page, testInfo, 'overview phone');
});

test('shows the restore plan and the collection health', async ({
  page,
}, testInfo) => {
  await openPortal(page, '/disaster-recovery');
  await page.getByRole('tab', { name: 'Restore plan' }).click();
  await expect(page.getByText('Restore order of the estate')).toBeVisible();
  await attachScreenshot(page, testInfo, 'restore plan');

  await page.getByRole('tab', { name: 'Collection health' }).click();
  await expect(
    page.getByRole('heading', { name: 'Collection health' }),
  ).toBeVisible();
  await attachScreenshot(page, testInfo, 'collection health');
});
