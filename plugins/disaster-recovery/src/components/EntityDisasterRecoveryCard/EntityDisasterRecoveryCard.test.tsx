import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen } from '@testing-library/react';
import {
  breachingPosture,
  healthyPosture,
  paymentsEntity,
  unknownPosture,
} from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import type { DisasterRecoveryApi } from '../../api';
import { EntityDisasterRecoveryCard } from './EntityDisasterRecoveryCard';

async function renderCard(
  getEntityPosture: DisasterRecoveryApi['getEntityPosture'],
  entity = paymentsEntity,
) {
  await renderWithApi(<EntityDisasterRecoveryCard />, {
    api: mockDisasterRecoveryApi({ getEntityPosture }),
    entity,
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
}

describe('EntityDisasterRecoveryCard', () => {
  it('shows progress while loading', async () => {
    await renderCard(() => new Promise(() => {}));

    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows status, tier, backup age against the RPO and the last drill', async () => {
    await renderCard(async () => healthyPosture);

    expect(await screen.findByText('Pass')).toBeVisible();
    expect(screen.getByText('Tier 1')).toBeVisible();
    expect(
      screen.getByText(/^5 min( \d+ s)? ago \(RPO 15 min\)$/),
    ).toBeVisible();
    expect(screen.getByText('10 days ago, succeeded')).toBeVisible();
    expect(
      screen.getByRole('link', { name: /View disaster recovery/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/disaster-recovery',
    );
  });

  it('shows a breach with the failing freshness', async () => {
    await renderCard(async () => breachingPosture);

    expect(await screen.findByText('Failing')).toBeVisible();
    expect(
      screen.getByText('2 h 10 min ago (RPO 15 min)').closest('span'),
    ).toContainElement(screen.getAllByTestId('status-error')[1]);
  });

  it('shows unknown without claiming health', async () => {
    await renderCard(async () => unknownPosture);

    expect(await screen.findByText('Unknown')).toBeVisible();
    expect(screen.getByText('none (RPO 15 min)')).toBeVisible();
    // The overall status and the backup age; only the last drill succeeded.
    expect(screen.getAllByTestId('status-aborted')).toHaveLength(2);
    expect(screen.getAllByTestId('status-ok')).toHaveLength(1);
  });

  it('says a mapped entity is not evaluated yet', async () => {
    await renderCard(async () => {
      throw await responseError(404, 'not evaluated', 'NotEvaluatedError');
    });

    expect(await screen.findByText(/Not evaluated yet/)).toBeVisible();
    expect(screen.queryByText(/Add the disaster-recovery\/tier/)).toBeNull();
  });

  it('says how to declare a tier when the backend does not know the entity', async () => {
    await renderCard(
      async () => {
        throw await responseError(404, 'not found', 'NotFoundError');
      },
      {
        ...paymentsEntity,
        metadata: { ...paymentsEntity.metadata, annotations: {} },
      },
    );

    expect(
      await screen.findByText(/Add the disaster-recovery\/tier annotation/),
    ).toBeVisible();
  });

  it('shows errors', async () => {
    await renderCard(async () => {
      throw await responseError(500, 'boom');
    });

    expect(await screen.findByText(/Request failed with 500/)).toBeVisible();
  });
});
