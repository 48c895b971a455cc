import { expect, test } from '@playwright/test';
import { attachScreenshot, openPortal } from './portal';
import { BACKEND, guestToken } from './waitForDemo';

/**
 * A service of the demo estate without a restore test, so its restore-test
 * check fails until one succeeds. The test voids the restore test it
 * records, which then never counts, so the demo's story holds.
 */
const SERVICE = 'analytics-etl';
const DRILLS = `${BACKEND}/api/disaster-recovery/entities/component/default/${SERVICE}/drills`;

const ago = (minutes: number) =>
  new Date(Date.now() - minutes * 60_000).toISOString();

/** A restore test with the evidence its kind needs, into its own namespace. */
const restoreTest = () => ({
  kind: 'restore-test',
  startedAt: ago(40),
  endedAt: ago(10),
  outcome: 'succeeded',
  achievedRtoMs: 30 * 60_000,
  achievedRpoMs: 60 * 60_000,
  evidence: {
    backup: { name: 'analytics-etl-oneoff', createdAt: ago(100) },
    restoreTargetTime: ago(100),
    namespaceInventory: [
      {
        namespace: 'analytics-etl-restore-test',
        expectedObjects: 12,
        restoredObjects: 12,
      },
    ],
    healthChecks: [{ name: 'pods ready', passed: true }],
  },
});

test('an open Disaster Recovery tab shows a posture change made through the API, without a reload', async ({
  page,
  request,
}, testInfo) => {
  await openPortal(
    page,
    `/catalog/default/component/${SERVICE}/disaster-recovery`,
  );
  const check = page.locator('#check-restore-test');
  await expect(check).toHaveAttribute('data-check-status', 'fail');
  // Gone if the page were reloaded.
  await page.evaluate(() => {
    (window as { openSince?: number }).openSince = Date.now();
  });

  const headers = { Authorization: `Bearer ${await guestToken()}` };
  const recorded = await request.post(DRILLS, { headers, data: restoreTest() });
  expect(recorded.status()).toBe(201);
  const { id } = await recorded.json();

  try {
    // The backend signals the change; the tab refetches by itself.
    await expect(check).toHaveAttribute('data-check-status', 'pass');
    expect(
      await page.evaluate(() => (window as { openSince?: number }).openSince),
    ).toBeDefined();
    await attachScreenshot(page, testInfo, 'tab updated by a signal');
  } finally {
    const voided = await request.post(`${DRILLS}/${id}/void`, {
      headers,
      data: { reason: 'Recorded by the live-posture end-to-end test' },
    });
    expect(voided.status()).toBe(200);
  }
  // Voided, it never counts: the check fails again, still without a reload.
  await expect(check).toHaveAttribute('data-check-status', 'fail');
});
