import { expect, test, type Page } from '@playwright/test';
import { attachScreenshot, openPortal, openSection } from './portal';

/**
 * Drills are recorded on the service without a tier: its drill checks cannot
 * be judged, so the drills these tests leave behind do not change the demo's
 * story that the other tests check.
 */
const DRILL_SERVICE = 'legacy-cron';
/** The team owning the drill service, chosen from the catalog as performer. */
const DRILL_TEAM = 'group:default/team-platform';

/** A `datetime-local` value `offsetMinutes` from now, in UTC (the zone the form is set to). */
function utcDateTime(offsetMinutes: number): string {
  return new Date(Date.now() + offsetMinutes * 60_000)
    .toISOString()
    .slice(0, 16);
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
  await form.getByLabel('Time zone').selectOption('UTC');
  return form;
}

test('an invalid drill shows the error on its field and records nothing', async ({
  page,
}, testInfo) => {
  const form = await openDrillForm(page);
  await form.getByLabel(/^Started/).fill(utcDateTime(-120));
  await form.getByLabel(/^Ended/).fill(utcDateTime(-180));
  await form.getByLabel(/^Achieved RTO/).fill('about an hour');
  await form.getByRole('button', { name: 'Record drill' }).click();

  await expect(form.getByText(/Fix the 2 highlighted fields/)).toBeVisible();
  await expect(form.getByLabel(/^Ended/)).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await expect(form.getByText('Ended is before startedAt')).toBeVisible();
  await expect(form.getByLabel(/^Achieved RTO/)).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  await attachScreenshot(page, testInfo, 'drill form with a validation error');
  await expect(form).toBeVisible();
});

test('a drill recorded through the form can be voided with a reason and stays in the history, struck out', async ({
  page,
}, testInfo) => {
  const form = await openDrillForm(page);
  const started = utcDateTime(-61);
  await form.getByLabel(/^Started/).fill(started);
  await expect(form.getByLabel(/^Started/)).toHaveAccessibleDescription(
    `Stored as ${started.replace('T', ' ')} UTC`,
  );
  // Ended a minute ago: the newest recorded drill of the service.
  await form.getByLabel(/^Ended/).fill(utcDateTime(-1));
  await form.getByLabel(/^Achieved RTO/).fill('1h');
  await form.getByLabel(/^Achieved RPO/).fill('5m');
  await form.getByLabel('Performed by').fill('team-platform');
  await page.getByRole('option', { name: new RegExp(DRILL_TEAM) }).click();
  await form.getByRole('button', { name: 'Add health check' }).click();
  await expect(form.getByLabel('Health check 1: result')).toHaveValue(
    'not-checked',
  );
  await form.getByLabel('Health check 1: name').fill('pods ready');
  await form.getByLabel('Health check 1: result').selectOption('passed');
  await expect(form.getByText('Evidence missing')).toBeVisible();
  await attachScreenshot(page, testInfo, 'drill form with missing evidence');
  await form.getByRole('button', { name: 'Record drill' }).click();
  await expect(form).toBeHidden();
  await expect(
    page.getByText(/^Drill recorded\. It counts as incomplete/),
  ).toBeVisible();

  const row = page
    .getByRole('row')
    .filter({ hasText: 'DR drill (recorded)' })
    .filter({ has: page.getByRole('button', { name: /^Void DR drill/ }) })
    .first();
  await expect(row.getByText('Incomplete')).toBeVisible();
  await row.getByRole('button', { name: /^Void DR drill/ }).click();
  const confirm = page.getByRole('dialog', { name: 'Void this drill?' });
  const reason = `recorded by the e2e test ${Date.now()}`;
  await confirm.getByLabel(/^Reason/).fill(reason);
  await confirm.getByRole('button', { name: 'Void drill' }).click();
  await expect(confirm).toBeHidden();

  await page.reload();
  await openSection(page, 'Drills and restore tests');
  const voided = page.getByRole('row').filter({ hasText: reason });
  await expect(
    voided.getByText(/^Voided by .*: recorded by the e2e/),
  ).toBeVisible();
  await expect(
    voided.locator('s', { hasText: 'DR drill (recorded)' }),
  ).toBeVisible();
  await expect(voided.getByText('Voided: does not count')).toBeVisible();
  await attachScreenshot(page, testInfo, 'voided drill in the history');
});
