import { readFile } from 'node:fs/promises';
import { DEMO_INTENDED_POSTURE } from '@dr-posture/cluster-simulator';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { attachScreenshot, openPortal, STATUS_WORDS } from './portal';

const TABLE = 'Entities by disaster-recovery posture';

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

  const tierCells = table.locator('tbody tr td:nth-child(5)');
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
