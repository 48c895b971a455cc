import type { Entity } from '@backstage/catalog-model';
import { entityRouteRef } from '@backstage/plugin-catalog-react';
import {
  entityVerdictOf,
  verdictInputOf,
} from '@dr-posture/plugin-disaster-recovery-common';
import { screen, within } from '@testing-library/react';
import {
  ago,
  breachingPosture,
  healthyPosture,
} from '../../__testUtils__/fixtures';

const DAY = 24 * 60 * 60 * 1000;
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { EntitySystemDisasterRecoveryContent } from './EntitySystemDisasterRecoveryContent';

const shop: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'shop', namespace: 'default' },
  spec: { owner: 'team-a' },
};

const API = 'component:default/api';
const DB = 'component:default/db';
const CART = 'component:default/cart';

/** The names the restore order links to, in order. */
async function restoreOrderNames() {
  const order = await screen.findByRole('list', { name: 'Restore order' });
  return within(order)
    .getAllByRole('link')
    .map(l => l.textContent);
}

async function renderSystem(options: { titles?: boolean } = {}) {
  const { titles = true } = options;
  const getSystemPosture = jest.fn(async () => ({
    entityRef: 'system:default/shop',
    status: 'fail' as const,
    components: [
      { entityRef: API, status: 'pass' as const },
      { entityRef: DB, status: 'fail' as const },
      { entityRef: CART, status: 'pass' as const },
    ],
    counts: { pass: 2, warn: 0, fail: 1, unknown: 0 },
  }));
  const getRestorePlan = jest.fn(async () => ({
    system: 'system:default/shop',
    steps: [
      { position: 1, entityRef: DB, tier: '1', reason: 'Tier 1; api needs it' },
      { position: 2, entityRef: API, tier: '1', reason: 'Tier 1' },
      { position: 3, entityRef: CART, tier: '2', reason: 'Tier 2' },
    ],
    cycles: [],
    unknownDependencies: [],
    entities: {
      [DB]: {
        title: titles ? 'Orders DB' : undefined,
        status: 'fail' as const,
      },
      [API]: {
        title: titles ? 'Shop API' : undefined,
        status: 'pass' as const,
      },
      [CART]: { title: titles ? 'Cart' : undefined, status: 'pass' as const },
    },
  }));
  const getEntityPosture = jest.fn(async ({ name }: { name: string }) => {
    if (name === 'cart') throw await responseError(500, 'store down');
    return name === 'db' ? breachingPosture : healthyPosture;
  });
  const getPostureHistory = jest.fn(async ({ name }: { name: string }) => ({
    items:
      name === 'db'
        ? [
            {
              at: ago(2 * DAY),
              status: 'fail' as const,
              previousStatus: 'pass' as const,
              checks: [],
            },
          ]
        : [],
  }));
  await renderWithApi(<EntitySystemDisasterRecoveryContent />, {
    api: mockDisasterRecoveryApi({
      getSystemPosture,
      getRestorePlan,
      getEntityPosture,
      getPostureHistory,
    }),
    entity: shop,
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return { getSystemPosture, getRestorePlan };
}

describe('EntitySystemDisasterRecoveryContent', () => {
  it('lists each component with its verdict, worst first', async () => {
    const { getSystemPosture, getRestorePlan } = await renderSystem();

    const table = await screen.findByRole('table', {
      name: 'Components of the system by verdict',
    });
    expect(getSystemPosture).toHaveBeenCalledWith({
      namespace: 'default',
      name: 'shop',
    });
    expect(getRestorePlan).toHaveBeenCalledWith({
      system: 'system:default/shop',
    });
    const breaching = entityVerdictOf(verdictInputOf(breachingPosture));
    await within(table).findByText(breaching.topReason!.title);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map(r => within(r).getAllByRole('link')[0].textContent),
    ).toEqual(['Orders DB', 'Cart', 'Shop API']);
    expect(within(rows[0]).getByText(breaching.nextAction!.text)).toBeVisible();
    expect(
      within(rows[1]).getByText(/Verdict unavailable: .*500/),
    ).toBeVisible();
  });

  it("shows each component's last 90 days and since when it fails", async () => {
    await renderSystem();

    const table = await screen.findByRole('table', {
      name: 'Components of the system by verdict',
    });
    const db = (
      await within(table).findByRole('link', { name: 'Orders DB' })
    ).closest('tr')!;
    expect(await within(db).findByText(/^Failing since/)).toHaveTextContent(
      /^Failing since 2 .* ago$/,
    );
    expect(
      within(db).getByRole('img', {
        // Two days ago falls on the second or third UTC day back.
        name: /^Last 90 days: Pass 8[78] d, Failing [23] d$/,
      }),
    ).toBeInTheDocument();
  });

  it('gives the restore order and no estimate while a posture is unreadable', async () => {
    await renderSystem();

    expect(await restoreOrderNames()).toEqual([
      'Orders DB',
      'Shop API',
      'Cart',
    ]);
    // Each step: why it is there, then what a drill measured, as sentences.
    const steps = within(
      screen.getByRole('list', { name: 'Restore order' }),
    ).getAllByRole('listitem');
    for (const step of steps) {
      expect(step).toHaveTextContent(
        /(Its last measured drill restored it in .+|No drill measured its restore time)\.$/,
      );
    }
    expect(steps[2]).toHaveTextContent(
      'Tier 2 No drill measured its restore time.',
    );
    expect(
      await screen.findByText('The posture of Cart could not be read.'),
    ).toBeVisible();
    expect(
      screen.getByText(/^Estimated restore time unknown against RTO unknown$/),
    ).toBeVisible();
  });

  it('names untitled components as the catalog does, without kind and namespace', async () => {
    await renderSystem({ titles: false });

    expect(await restoreOrderNames()).toEqual(['db', 'api', 'cart']);
    expect(
      await screen.findByText('The posture of cart could not be read.'),
    ).toBeVisible();
  });

  it('says when the system has no evaluated component', async () => {
    await renderWithApi(<EntitySystemDisasterRecoveryContent />, {
      api: mockDisasterRecoveryApi({
        getSystemPosture: async () => ({
          entityRef: 'system:default/shop',
          status: 'unknown',
          components: [],
          counts: { pass: 0, warn: 0, fail: 0, unknown: 0 },
        }),
        getRestorePlan: async () => ({
          steps: [],
          cycles: [],
          unknownDependencies: [],
          entities: {},
        }),
      }),
      entity: shop,
    });

    expect(
      await screen.findByText(/No component of this system has/),
    ).toBeVisible();
  });
});
