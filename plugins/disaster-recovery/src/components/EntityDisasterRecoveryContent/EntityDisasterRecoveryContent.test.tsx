import { entityRouteRef } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DisasterRecoveryApi } from '../../api';
import {
  availability,
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
    getDrills: jest.fn(async () => drillList),
    getBackupHistory: jest.fn(async () => ({ items: [] })),
    ...overrides,
  });
  await renderWithApi(<EntityDisasterRecoveryContent />, {
    api,
    entity,
    mountedRoutes: { '/catalog/:namespace/:kind/:name': entityRouteRef },
  });
  return api;
}

/** Opens a folded section of the tab by its title. */
async function expand(title: string) {
  await userEvent.click(
    await screen.findByRole('button', { name: new RegExp(`^${title}`) }),
  );
}

describe('EntityDisasterRecoveryContent', () => {
  it('shows progress while the posture loads', async () => {
    await renderTab({ getEntityPosture: () => new Promise(() => {}) });

    expect(screen.getByTestId('progress')).toBeInTheDocument();
  });

  it('answers the verdict of a healthy service first, with its targets and their sources', async () => {
    await renderTab({ getEntityPosture: async () => healthyPosture });

    expect(await screen.findByText('Disaster-recovery posture')).toBeVisible();
    const header = screen
      .getByText('Disaster-recovery posture')
      .closest('.MuiCard-root') as HTMLElement;
    const rpo = within(header).getByText('Recoverable within RPO')
      .parentElement!;
    expect(rpo).toHaveTextContent('Pass: Yes');
    expect(rpo).toHaveTextContent(
      /Last clean recovery point \d+ min ago · RPO 15 min/,
    );
    const rto = within(header).getByText('RTO proven').parentElement!;
    expect(rto).toHaveTextContent('Pass: Yes');
    expect(rto).toHaveTextContent(
      /DR drill 10 days ago: achieved 1 h against RTO 4 h/,
    );
    expect(header).toHaveTextContent('All 4 checks pass.');
    expect(
      within(header).getByRole('button', { name: /Record drill/ }),
    ).toBeEnabled();
    expect(within(header).getByText('Tier 1')).toBeVisible();
    expect(within(header).getByText('15 min')).toBeVisible();
    expect(within(header).getByText('4 h')).toBeVisible();
    expect(within(header).getByText('tier default')).toBeVisible();
    expect(within(header).getAllByText('set by annotation')).toHaveLength(4);
    expect(within(header).getByText('hot-warm')).toBeVisible();
    expect(
      within(header).getByRole('link', { name: /Open runbook/ }),
    ).toHaveAttribute('href', 'https://runbooks.example.com/payments');
  });

  it('folds the details into sections, each opened on demand', async () => {
    const api = await renderTab({
      getEntityPosture: async () => healthyPosture,
    });

    expect(
      await screen.findByRole('button', {
        name: /^Backup freshness and history.*2880 completed, 0 partially failed, 0 failed in the last 30 days/,
      }),
    ).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText('Within RPO')).not.toBeInTheDocument();
    // Nothing folded is fetched.
    expect(api.getDrills).not.toHaveBeenCalled();
    expect(api.getBackupHistory).not.toHaveBeenCalled();

    await expand('Backup freshness and history');
    expect(await screen.findByText('Within RPO')).toBeVisible();
    expect(
      screen.getByText(
        '2880 completed, 0 partially failed, 0 failed; the RPO of 15 min needs 96 completed a day',
      ),
    ).toBeVisible();
    await expand('Backup schedules');
    expect(await screen.findByText('Every 15 minutes (UTC)')).toBeVisible();
    expect(screen.getByText('30 days')).toBeVisible();
    await expand('Storage locations');
    expect(await screen.findByText('Available')).toBeVisible();
    await expand('PostgreSQL point-in-time recovery');
    expect(
      await screen.findByText(/Can be restored to any point from/),
    ).toBeVisible();
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

    await expand('Other environments');
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

  it('shows the availability section with its workloads and standby parity', async () => {
    await renderTab({
      getEntityPosture: async () => ({ ...healthyPosture, availability }),
    });
    await expand('Availability');

    expect(
      await screen.findByRole('heading', { name: 'Standby parity' }),
    ).toBeVisible();
    const card = screen
      .getByRole('heading', { name: 'Workloads' })
      .closest('.MuiCard-root') as HTMLElement;
    expect(within(card).getByText('Availability')).toBeVisible();
    expect(card).toHaveTextContent('Warning: Image drift');
  });

  it('leaves the availability section out without workloads', async () => {
    await renderTab({ getEntityPosture: async () => healthyPosture });

    expect(await screen.findByText('Disaster-recovery posture')).toBeVisible();
    expect(
      screen.queryByRole('heading', { name: 'Workloads' }),
    ).not.toBeInTheDocument();
  });

  it('answers the verdict of a breaching service with its top reason and next action', async () => {
    await renderTab({ getEntityPosture: async () => breachingPosture });

    const header = (
      await screen.findByText('Disaster-recovery posture')
    ).closest('.MuiCard-root') as HTMLElement;
    expect(
      within(header).getByText('Recoverable within RPO').parentElement,
    ).toHaveTextContent(
      /Failing: No.*Last clean recovery point 2 h \d+ min ago · RPO 15 min.*is 1 h 55 min older than the 15 min RPO/,
    );
    expect(
      within(header).getByText('RTO proven').parentElement,
    ).toHaveTextContent(
      /Failing: No: a drill missed it.*A drill missed its target/,
    );
    expect(header).toHaveTextContent(
      // The reason the RPO answer gives in full is not repeated.
      /Top reasonFailing: Backup freshnessExplained under Recoverable within RPO\./,
    );
    expect(header).toHaveTextContent(
      /Next actionFind why the latest backup failed or is old/,
    );
    expect(screen.getByText('3 checks need attention')).toBeVisible();
  });

  it('puts the failing checks of a breaching service first and folds the passing ones', async () => {
    await renderTab({ getEntityPosture: async () => breachingPosture });

    const open = await screen.findByRole('list', {
      name: 'Checks that need attention',
    });
    expect(
      within(open)
        .getAllByRole('listitem')
        .map(item => item.id),
    ).toEqual([
      'check-backup-freshness',
      'check-drill-objectives',
      'check-restore-test',
    ]);
    expect(
      within(open).getByText(/is 1 h 55 min older than the 15 min RPO/),
    ).toBeVisible();
    expect(
      screen.getByRole('button', { name: /1 check passes/ }),
    ).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows a paused schedule and one whose runs fail in the failing colour, never as running', async () => {
    await renderTab({
      getEntityPosture: async () => ({
        ...breachingPosture,
        schedules: [
          breachingPosture.schedules[0],
          {
            ...breachingPosture.schedules[0],
            ref: { ...breachingPosture.schedules[0].ref, name: 'payments-off' },
            pausedSince: new Date(Date.now() - 3 * 3_600_000).toISOString(),
          },
          {
            ...healthyPosture.schedules[0],
            ref: { ...healthyPosture.schedules[0].ref, name: 'payments-daily' },
          },
        ],
      }),
      getBackupHistory: async () => ({
        items: [
          {
            ref: {
              kind: 'Backup',
              cluster: 'prod-eu',
              namespace: 'velero',
              name: 'payments-daily-2',
            },
            source: 'velero',
            phase: 'PartiallyFailed',
            scheduleName: 'payments-daily',
            startedAt: new Date(Date.now() - 60_000).toISOString(),
            completedAt: new Date(Date.now() - 30_000).toISOString(),
            errors: 2,
            warnings: 0,
          },
        ],
      }),
    });
    await expand('Backup schedules');

    // Paused since when the collector saw it pause, or since before it
    // first collected it.
    const paused = await screen.findByText(
      'Paused, since before it was first collected',
    );
    expect(paused.closest('span')).toContainElement(
      within(paused.closest('tr')!).getByTestId('status-error'),
    );
    const pausedSince = await screen.findByText(/^Paused since/);
    expect(pausedSince).toHaveTextContent(/Paused since 3 h ago$/);
    expect(
      within(pausedSince.closest('tr')!).getByTestId('status-error'),
    ).toBeInTheDocument();
    const failing = await screen.findByText('Running, last run failed');
    expect(
      within(failing.closest('tr')!).queryByTestId('status-ok'),
    ).toBeNull();
    expect(screen.queryByText(/^Running$/)).not.toBeInTheDocument();
  });

  it('records a drill from the header', async () => {
    await renderTab({ getEntityPosture: async () => breachingPosture });

    const header = (
      await screen.findByText('Disaster-recovery posture')
    ).closest('.MuiCard-root') as HTMLElement;
    await userEvent.click(
      within(header).getByRole('button', { name: /Record drill/ }),
    );

    expect(
      await screen.findByRole('dialog', { name: /Record a drill/ }),
    ).toBeVisible();
    // Behind the dialog, the drills section opened.
    expect(
      screen.getByRole('button', {
        name: /^Drills and restore tests/,
        hidden: true,
      }),
    ).toHaveAttribute('aria-expanded', 'true');
  });

  it('shows the evidence of a check a click away, in words', async () => {
    await renderTab({ getEntityPosture: async () => breachingPosture });

    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Details of Backup freshness',
      }),
    );

    expect(
      await screen.findByText('Backup prod-eu/velero/backup-freshness'),
    ).toBeVisible();
    expect(
      screen.getByRole('row', { name: 'Last clean backup age 2 h 10 min' }),
    ).toBeVisible();
    expect(document.body).not.toHaveTextContent('lastCleanBackupAgeMs');
  });

  it('never shows an unknown posture as healthy and names the stale cluster', async () => {
    await renderTab({ getEntityPosture: async () => unknownPosture });

    expect(
      await screen.findByText(
        'Data from a cluster this entity runs in is out of date',
      ),
    ).toBeVisible();
    expect(screen.getByText('prod-eu')).toBeVisible();
    expect(screen.getByText(/was last collected/)).toHaveTextContent(
      // The fixture's times are fixed when the tests load.
      /was last collected 4 h( \d+ min)? ago/,
    );
    expect(
      screen.getByText(/collection fails: timed out after 60 s/),
    ).toBeVisible();
    const header = screen
      .getByText('Disaster-recovery posture')
      .closest('.MuiCard-root') as HTMLElement;
    expect(
      within(header).getByText('Recoverable within RPO').parentElement,
    ).toHaveTextContent(/Unknown: Unknown.*No clean recovery point/);
    expect(screen.queryByText(/Pass: Yes/)).not.toBeInTheDocument();
    await expand('Backup freshness and history');
    expect(screen.queryByText('Within RPO')).not.toBeInTheDocument();
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
    await expand('Drills and restore tests');

    expect(
      await screen.findByText('Restore test (detected from Velero)'),
    ).toBeVisible();
    expect(screen.getByText('DR drill (recorded)')).toBeVisible();
    expect(screen.getByText('Failed')).toBeVisible();

    await userEvent.click(
      screen.getAllByRole('button', { name: /Details of DR drill/ })[0],
    );
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('Failed')).toBeVisible();
    expect(
      within(dialog).getByText(/rotated the database password by hand\)/),
    ).toBeVisible();
    expect(
      within(dialog).getByText('payments-20250601', { exact: false }),
    ).toBeVisible();
    expect(within(dialog).getByRole('link', { name: 'alice' })).toHaveAttribute(
      'href',
      '/catalog/default/user/alice',
    );
    expect(recordedDrill.outcome).toBe('succeeded');
  });

  it('shows an empty drill history with what to do', async () => {
    await renderTab({
      getEntityPosture: async () => healthyPosture,
      getDrills: async () => ({ items: [], restoreTests: [] }),
    });
    await expand('Drills and restore tests');

    expect(await screen.findByText(/No drill has been recorded/)).toBeVisible();
  });
});
