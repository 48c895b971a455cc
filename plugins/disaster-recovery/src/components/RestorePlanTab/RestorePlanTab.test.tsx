import { entityRouteRef } from '@backstage/plugin-catalog-react';
import type { RestorePlanResponse } from '@dr-posture/plugin-disaster-recovery-common';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { DisasterRecoveryApi } from '../../api';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { RestorePlanTab } from './RestorePlanTab';

const estatePlan: RestorePlanResponse = {
  steps: [
    {
      position: 1,
      entityRef: 'resource:default/payments-db',
      tier: '2',
      restoredWithTier: '1',
      reason: 'payments (tier 1) depends on it',
    },
    {
      position: 2,
      entityRef: 'component:default/payments',
      tier: '1',
      restoredWithTier: '1',
      reason: 'Tier 1',
    },
  ],
  cycles: [['component:default/a', 'component:default/b']],
  unknownDependencies: [
    {
      entityRef: 'component:default/payments',
      dependsOn: 'resource:default/gone',
    },
  ],
  entities: {
    'resource:default/payments-db': { title: 'Payments DB', status: 'pass' },
    'component:default/payments': { title: 'Payments', status: 'fail' },
  },
};

async function renderPlan(
  getRestorePlan: DisasterRecoveryApi['getRestorePlan'],
) {
  await renderWithApi(<RestorePlanTab />, {
    api: mockDisasterRecoveryApi({ getRestorePlan }),
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
    catalogEntities: [
      {
        apiVersion: 'backstage.io/v1alpha1',
        kind: 'System',
        metadata: { name: 'commerce', namespace: 'default' },
      },
    ],
  });
}

describe('RestorePlanTab', () => {
  it('lists the estate in restore order with cycles and unknown dependencies', async () => {
    await renderPlan(async () => estatePlan);

    expect(
      await screen.findByText('Restore order of the estate'),
    ).toBeVisible();
    const rows = screen.getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('Payments DB')).toBeVisible();
    expect(within(rows[0]).getByText('Pass')).toBeVisible();
    expect(
      within(rows[0]).getByText('payments (tier 1) depends on it'),
    ).toBeVisible();
    expect(within(rows[1]).getByText('Failing')).toBeVisible();
    expect(
      screen.getByText(/component:default\/a ↔ component:default\/b/),
    ).toBeVisible();
    expect(screen.getByText(/resource:default\/gone/)).toBeVisible();
  });

  it('asks for the plan of a chosen system', async () => {
    const getRestorePlan = jest.fn(async (options?: { system?: string }) => ({
      ...estatePlan,
      system: options?.system,
    }));
    await renderPlan(getRestorePlan);

    const select = await screen.findByLabelText('Plan for');
    await screen.findByRole('option', { name: 'system:default/commerce' });
    fireEvent.change(select, { target: { value: 'system:default/commerce' } });

    expect(
      await screen.findByText('Restore order of system:default/commerce'),
    ).toBeVisible();
    expect(getRestorePlan).toHaveBeenLastCalledWith({
      system: 'system:default/commerce',
    });
  });

  it('explains an empty plan', async () => {
    await renderPlan(async () => ({
      steps: [],
      cycles: [],
      unknownDependencies: [],
      entities: {},
    }));

    expect(await screen.findByText(/Nothing to restore/)).toBeVisible();
  });

  it('shows errors', async () => {
    await renderPlan(async () => {
      throw await responseError(404, 'no such system');
    });

    await waitFor(() =>
      expect(screen.getByText(/Request failed with 404/)).toBeVisible(),
    );
  });
});
