import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DisasterRecoveryApi } from '../../api';
import {
  breachingPosture,
  drillList,
  healthyPosture,
  noTierPosture,
  paymentsEntity,
  recordedDrill,
  unknownPosture,
} from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { EntityDisasterRecoveryContent } from './EntityDisasterRecoveryContent';

async function renderTab(
  overrides: Partial<DisasterRecoveryApi>,
  entity = paymentsEntity,
) {
  const api = mockDisasterRecoveryApi({
    getDrills: async () => drillList,
    ...overrides,
  });
  await renderWithApi(<EntityDisasterRecoveryContent />, { api, entity });
  return api;
}

describe('EntityDisasterRecoveryContent', () => {
  it('shows progress while the posture loads', async () => {
    await renderTab({ getEntityPosture: () => new Promise(() => {}) });

    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('shows a healthy service with its targets and their sources', async () => {
    const api = await renderTab({
      getEntityPosture: async () => healthyPosture,
    });

    expect(await screen.findByText('Disaster-recovery posture')).toBeVisible();
    expect(api.getEntityPosture).toBeDefined();
    const header = screen
      .getByText('Disaster-recovery posture')
      .closest('.MuiCard-root') as HTMLElement;
    expect(within(header).getByText('Pass')).toBeVisible();
    expect(within(header).getByText('Tier 1')).toBeVisible();
    expect(within(header).getByText('15 min')).toBeVisible();
    expect(within(header).getByText('4 h')).toBeVisible();
    expect(within(header).getByText('tier default')).toBeVisible();
    expect(within(header).getAllByText('set by annotation')).toHaveLength(4);
    expect(within(header).getByText('hot-warm')).toBeVisible();
    expect(
      within(header).getByRole('link', { name: /Open runbook/ }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/payments');
    expect(screen.getByText('Within RPO')).toBeVisible();
    expect(screen.getByText('Every 15 minutes (UTC)')).toBeVisible();
    expect(screen.getByText('Available')).toBeVisible();
    expect(
      screen.getByText('2880 completed, 0 partially failed, 0 failed'),
    ).toBeVisible();
    expect(screen.getByText(/Can be restored to any point from/)).toBeVisible();
  });

  it('shows other environments apart, only when there are any', async () => {
    await renderTab({
      getEntityPosture: async () => ({
        ...healthyPosture,
        otherEnvironments: [
          {
            cluster: 'staging',
            role: 'staging',
            schedules: 1,
            backups: 2,
            postgresClusters: 0,
            workloads: 1,
          },
        ],
      }),
    });

    const list = await screen.findByRole('list', {
      name: 'Other environments',
    });
    expect(list).toHaveTextContent('staging (staging)');
  });

  it('leaves the other environments card out without any', async () => {
    await renderTab({ getEntityPosture: async () => healthyPosture });

    expect(await screen.findByText('Disaster-recovery posture')).toBeVisible();
    expect(screen.queryByText('Other environments')).not.toBeInTheDocument();
  });

  it('puts the failing checks of a breaching service first', async () => {
    await renderTab({ getEntityPosture: async () => breachingPosture });

    const checks = await screen.findByText('Checks');
    const card = checks.closest('.MuiCard-root') as HTMLElement;
    const titles = within(card)
      .getAllByRole('button')
      .map(button => button.textContent);
    expect(titles[0]).toMatch(/^Failing: Backup freshness/);
    expect(titles[1]).toMatch(/^Warning: Restore test within policy/);
    expect(titles[2]).toMatch(/^Pass: Tier declared/);
    expect(
      within(card).getByText(/is 1 h 55 min older than the 15 min RPO/),
    ).toBeVisible();
    expect(
      screen.getByText('Past RPO or no clean recovery point'),
    ).toBeVisible();
    expect(screen.getByText('2 checks need attention')).toBeVisible();
    expect(screen.getByText('Paused')).toBeVisible();
  });

  it('shows the evidence of a check a click away', async () => {
    await renderTab({ getEntityPosture: async () => breachingPosture });

    await userEvent.click(
      await screen.findByRole('button', { name: /Failing: Backup freshness/ }),
    );

    expect(
      await screen.findByText('Backup prod-eu/velero/backup-freshness'),
    ).toBeVisible();
    const ageRow = screen.getByText('lastCleanBackupAgeMs').closest('tr')!;
    expect(ageRow).toHaveTextContent('lastCleanBackupAgeMs2 h 10 min');
  });

  it('never shows an unknown posture as healthy and names the stale cluster', async () => {
    await renderTab({ getEntityPosture: async () => unknownPosture });

    expect(
      await screen.findByText('A cluster this entity runs in cannot be read'),
    ).toBeVisible();
    expect(screen.getByText('prod-eu')).toBeVisible();
    expect(screen.getByText(/connect ETIMEDOUT/)).toBeVisible();
    expect(screen.queryByText('Within RPO')).not.toBeInTheDocument();
    expect(screen.getAllByTestId('status-aborted').length).toBeGreaterThan(0);
    expect(screen.getByText('No clean backup')).toBeVisible();
  });

  it('tells the owner how to declare a missing tier', async () => {
    await renderTab({ getEntityPosture: async () => noTierPosture });

    expect(
      await screen.findByText('No disaster-recovery tier declared'),
    ).toBeVisible();
    expect(document.body).toHaveTextContent('disaster-recovery/tier: "2"');
  });

  it.each([
    ['with a tier', paymentsEntity],
    [
      'mapped through Kubernetes only',
      {
        ...paymentsEntity,
        metadata: {
          ...paymentsEntity.metadata,
          annotations: { 'backstage.io/kubernetes-id': 'payments' },
        },
      },
    ],
  ])('says a mapped entity %s is not evaluated yet', async (_, entity) => {
    await renderTab(
      {
        getEntityPosture: async () => {
          throw await responseError(
            404,
            'not evaluated yet',
            'NotEvaluatedError',
          );
        },
      },
      entity,
    );

    expect(await screen.findByText('Not evaluated yet')).toBeVisible();
    expect(
      screen.queryByText('No disaster-recovery tier declared'),
    ).not.toBeInTheDocument();
  });

  it('shows how to add a tier when the backend knows no mapping of the entity', async () => {
    await renderTab({
      getEntityPosture: async () => {
        throw await responseError(
          404,
          'no disaster-recovery mapping',
          'NotFoundError',
        );
      },
    });

    expect(
      await screen.findByText('No disaster-recovery tier declared'),
    ).toBeVisible();
    expect(screen.queryByText('Not evaluated yet')).not.toBeInTheDocument();
  });

  it('shows other errors', async () => {
    await renderTab({
      getEntityPosture: async () => {
        throw await responseError(500, 'database down');
      },
    });

    expect(await screen.findByText(/Request failed with 500/)).toBeVisible();
    expect(screen.getAllByText(/database down/).length).toBeGreaterThan(0);
  });

  it('lists drills and restore tests with their outcome and details', async () => {
    await renderTab({ getEntityPosture: async () => healthyPosture });

    expect(
      await screen.findByText('Restore test (detected from Velero)'),
    ).toBeVisible();
    expect(screen.getByText('DR drill (recorded)')).toBeVisible();
    expect(screen.getByText('Failed')).toBeVisible();

    await userEvent.click(
      screen.getAllByRole('button', { name: /Details of DR drill/ })[0],
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Counts as failed')).toBeVisible();
    expect(
      within(dialog).getByText(/rotated the database password by hand\)/),
    ).toBeVisible();
    expect(
      within(dialog).getByText('payments-20250601', { exact: false }),
    ).toBeVisible();
    expect(recordedDrill.outcome).toBe('succeeded');
  });

  it('shows an empty drill history with what to do', async () => {
    await renderTab({
      getEntityPosture: async () => healthyPosture,
      getDrills: async () => ({ items: [], restoreTests: [] }),
    });

    expect(await screen.findByText(/No drill has been recorded/)).toBeVisible();
  });
});
