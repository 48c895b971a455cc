import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { attachScreenshot, openPortal } from './portal';

const FIRST_PAGE_BUDGET_MS = 2_000;

test('the overview shows its first page quickly', async ({
  page,
}, testInfo) => {
  // Load the app first: the budget is for the overview, not the bundle.
  await openPortal(page, '/');
  await page.getByRole('link', { name: 'Disaster Recovery' }).first().click();
  const started = Date.now();
  const table = page.getByRole('table', {
    name: 'Entities by disaster-recovery posture',
  });
  await expect(table.getByRole('link').first()).toBeVisible();
  const elapsed = Date.now() - started;
  const matching = await page.getByText(/ matching$/).textContent();
  testInfo.annotations.push({
    type: 'first page',
    description: `${elapsed} ms for ${matching}`,
  });
  await attachScreenshot(page, testInfo, 'overview');
  expect(elapsed).toBeLessThan(FIRST_PAGE_BUDGET_MS);
});

test('filters the overview by tier and exports the view as CSV', async ({
  page,
}, testInfo) => {
  await openPortal(page, '/disaster-recovery');
  const table = page.getByRole('table', {
    name: 'Entities by disaster-recovery posture',
  });
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
