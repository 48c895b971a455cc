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

  it('shows the verdict first, then status, tier and the last drill', async () => {
    await renderCard(async () => healthyPosture);

    const rpo = (await screen.findByText('Recoverable within RPO'))
      .parentElement!;
    expect(rpo).toHaveTextContent(
      /Pass: Yes.*Last clean recovery point \d+ min ago · RPO 15 min/,
    );
    expect(screen.getByText('RTO proven').parentElement).toHaveTextContent(
      /Pass: Yes.*DR drill 10 days ago: achieved 1 h against RTO 4 h/,
    );
    expect(screen.getByText('All 4 checks pass.')).toBeVisible();
    expect(screen.getByText('Tier 1')).toBeVisible();
    expect(screen.getByText(', succeeded').closest('span')).toHaveTextContent(
      '10 days ago, succeeded',
    );
    expect(
      screen.getByRole('link', { name: /View disaster recovery/ }),
    ).toHaveAttribute(
      'href',
      '/catalog/default/component/payments/disaster-recovery',
    );
  });

  it('shows an incomplete last drill as a warning, not as a failure or a success', async () => {
    await renderCard(async () => ({
      ...healthyPosture,
      summary: { ...healthyPosture.summary, lastDrillOutcome: 'incomplete' },
    }));

    expect(
      (await screen.findByText(', incomplete')).closest('span'),
    ).toContainElement(screen.getByTestId('status-warning'));
  });

  it('shows a breach: no to both answers, the top reason and what to do', async () => {
    await renderCard(async () => breachingPosture);

    expect(
      (await screen.findByText('Recoverable within RPO')).parentElement,
    ).toHaveTextContent(/Failing: No.*2 h \d+ min ago · RPO 15 min/);
    expect(screen.getByText('RTO proven').parentElement).toHaveTextContent(
      /Failing: No: a drill missed it/,
    );
    expect(screen.getByText('Top reason').parentElement).toHaveTextContent(
      /Failing: Backup freshnessExplained under Recoverable within RPO\./,
    );
    expect(screen.getByText('Next action').parentElement).toHaveTextContent(
      /Find why the latest backup failed/,
    );
    expect(screen.getByRole('link', { name: /Open runbook/ })).toHaveAttribute(
      'href',
      'https://runbooks.example.com/payments',
    );
  });

  it('shows unknown without claiming health', async () => {
    await renderCard(async () => unknownPosture);

    expect(
      (await screen.findByText('Recoverable within RPO')).parentElement,
    ).toHaveTextContent(/Unknown: Unknown.*No clean recovery point/);
    expect(screen.getByText('RTO proven').parentElement).toHaveTextContent(
      /Unknown: Unknown.*Drill objectives were not judged/,
    );
    expect(screen.queryByText(/Pass: Yes/)).not.toBeInTheDocument();
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
