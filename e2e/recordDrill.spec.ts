import { expect, test, type Page } from '@playwright/test';
import { attachScreenshot, openPortal } from './portal';

/**
 * Drills are recorded on the service without a tier: its drill checks cannot
 * be judged, so the drills these tests leave behind do not change the demo's
 * story that the other tests check.
 */
const DRILL_SERVICE = 'legacy-cron';

function localDateTime(offsetMinutes: number): string {
  const time = new Date(Date.now() + offsetMinutes * 60_000);
  const local = new Date(time.getTime() - time.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

async function openDrillForm(page: Page) {
  await openPortal(
    page,
    `/catalog/default/component/${DRILL_SERVICE}/disaster-recovery`,
  );
  const record = page.getByRole('button', { name: 'Record drill' });
  await expect(record).toBeEnabled();
  await record.click();
  const form = page.getByRole('dialog', { name: 'Record a drill' });
  await form.getByLabel('What was exercised').selectOption('dr-drill');
  return form;
}

test('an invalid drill shows the error on its field and records nothing', async ({
  page,
}, testInfo) => {
  const form = await openDrillForm(page);
  await form.getByLabel(/^Started/).fill(localDateTime(-120));
  await form.getByLabel(/^Ended/).fill(localDateTime(-180));
  await form.getByLabel(/^Achieved RTO/).fill('about an hour');
  await form.getByRole('button', { name: 'Record drill' }).click();

  await expect(form.getByText(/Fix the 2 highlighted fields/)).toBeVisible();
  await expect(form.getByLabel(/^Ended/)).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(form.getByText('endedAt is before startedAt')).toBeVisible();
  await expect(form.getByLabel(/^Achieved RTO/)).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await attachScreenshot(page, testInfo, 'drill form with a validation error');
  await expect(form).toBeVisible();
});

test('a drill recorded through the form is in the history after a reload', async ({
  page,
}, testInfo) => {
  const form = await openDrillForm(page);
  const performer = `e2e-${Date.now()}`;
  await form.getByLabel(/^Started/).fill(localDateTime(-120));
  await form.getByLabel(/^Ended/).fill(localDateTime(-60));
  await form.getByLabel(/^Achieved RTO/).fill('1h');
  await form.getByLabel(/^Achieved RPO/).fill('5m');
  await form.getByLabel(/^Performed by/).fill(performer);
  await form.getByRole('button', { name: 'Record drill' }).click();
  await expect(form).toBeHidden();

  await page.reload();
  // The newest drill is listed first: the one just recorded.
  const row = page.getByRole('row', { name: /DR drill \(recorded\)/ }).first();
  await expect(row).toBeVisible();
  await row.getByRole('button', { name: /Details of DR drill/ }).click();
  const details = page.getByRole('dialog', { name: 'DR drill (recorded)' });
  await expect(details.getByText(performer)).toBeVisible();
  await attachScreenshot(page, testInfo, 'recorded drill in the history');
});
