import { DEMO_INTENDED_POSTURE } from '@dr-posture/cluster-simulator';
import { expect, test, type Locator } from '@playwright/test';
import { attachScreenshot, openPortal, STATUS_WORDS } from './portal';

/** The demo's commerce system (examples/entities.yaml) and its components. */
const COMMERCE = [
  'checkout-web',
  'payments-api',
  'orders-db',
  'ledger-db',
  'inventory-service',
  'catalog-search',
];
/** The services of team-payments in the demo. */
const PAYMENTS_TEAM = ['payments-api', 'orders-db', 'ledger-db'];

const SEVERITY = ['fail', 'warn', 'unknown', 'pass'];

/**
 * The row of a service in a verdicts table, once checked to show the
 * service's intended demo status.
 */
async function rowWithIntendedStatus(rows: Locator, service: string) {
  const row = rows.filter({
    has: rows.page().locator(`a[href$="/component/${service}"]`),
  });
  const intended =
    DEMO_INTENDED_POSTURE[service as keyof typeof DEMO_INTENDED_POSTURE];
  await expect(row.locator('td:nth-child(2)'), service).toHaveText(
    STATUS_WORDS[intended.status],
  );
  return row;
}

test("a System's Disaster Recovery tab lists its components worst first, the restore order and the estimate", async ({
  page,
}, testInfo) => {
  await openPortal(page, '/catalog/default/system/commerce/disaster-recovery');

  const table = page.getByRole('table', {
    name: 'Components of the system by verdict',
  });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(COMMERCE.length);
  const statuses = await rows.locator('td:nth-child(2)').allTextContents();
  const ranks = statuses.map(text =>
    SEVERITY.findIndex(
      s => STATUS_WORDS[s as keyof typeof STATUS_WORDS] === text,
    ),
  );
  expect(ranks.every(rank => rank >= 0)).toBe(true);
  expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  for (const service of COMMERCE) {
    const row = await rowWithIntendedStatus(rows, service);
    await expect(
      row.getByRole('img', { name: /^Last 90 days: / }),
      service,
    ).toBeVisible();
  }

  const order = page.getByRole('list', { name: 'Restore order' });
  await expect(order.getByRole('listitem')).toHaveCount(COMMERCE.length);
  await expect(
    page.getByText(/Estimated restore time .+ against RTO .+$/),
  ).toBeVisible();
  await attachScreenshot(page, testInfo, 'system tab');
});

test("a team's page lists its services with their verdicts", async ({
  page,
}, testInfo) => {
  await openPortal(page, '/catalog/default/group/team-payments');

  const table = page.getByRole('table', {
    name: 'Services of the team by verdict',
  });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(PAYMENTS_TEAM.length);
  for (const service of PAYMENTS_TEAM) {
    const row = await rowWithIntendedStatus(rows, service);
    // The verdict's answer once each posture is read (after the status
    // words for screen readers).
    await expect(row.locator('td:nth-child(3)'), service).toHaveText(
      /(Yes|No|Unknown)$/,
    );
  }
  await attachScreenshot(page, testInfo, 'team card');
});

test("a member's page lists the services of the member's team", async ({
  page,
}) => {
  await openPortal(page, '/catalog/default/user/grace');

  const rows = page
    .getByRole('table', { name: 'Services of the team by verdict' })
    .locator('tbody tr');
  await expect(rows).toHaveCount(PAYMENTS_TEAM.length);
});
