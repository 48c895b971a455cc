import type { ClusterCollectionHealth } from '@dr-posture/plugin-disaster-recovery-common';
import { screen, within } from '@testing-library/react';
import { ago } from '../../__testUtils__/fixtures';
import {
  mockDisasterRecoveryApi,
  renderWithApi,
  responseError,
} from '../../__testUtils__/renderWithApi';
import { ClusterHealthTab } from './ClusterHealthTab';

const HOUR = 3_600_000;

const clusters: ClusterCollectionHealth[] = [
  {
    name: 'prod-eu',
    configured: true,
    lastRunStartedAt: ago(60_000),
    lastSuccessAt: ago(60_000),
    lastRun: {
      id: 7,
      startedAt: ago(60_000),
      finishedAt: ago(50_000),
      durationMs: 10_000,
      status: 'succeeded',
      counts: { seen: 120, written: 4, skipped: 1, deleted: 0 },
    },
  },
  {
    name: 'prod-us',
    configured: true,
    lastSuccessAt: ago(4 * HOUR),
    staleSince: ago(3 * HOUR),
    lastError: 'connection refused',
    lastErrorDetail:
      'request to https://10.0.0.1:6443/apis failed, reason: connect ECONNREFUSED',
  },
  { name: 'staging', configured: false },
];

async function renderClusters(items: ClusterCollectionHealth[] | Error) {
  await renderWithApi(<ClusterHealthTab />, {
    api: mockDisasterRecoveryApi({
      getClusters: async () => {
        if (items instanceof Error) throw items;
        return { items };
      },
    }),
  });
}

describe('ClusterHealthTab', () => {
  it('shows per cluster its freshness, last success, last run and error', async () => {
    await renderClusters(clusters);

    const fresh = (await screen.findByText('prod-eu')).closest('tr')!;
    expect(within(fresh).getByText('Fresh')).toBeVisible();
    expect(
      within(fresh).getByText(/120 seen, 4 written, 1 skipped/),
    ).toBeVisible();
    expect(within(fresh).getByText(/took 10 s/)).toBeVisible();

    const stale = screen.getByText('prod-us').closest('tr')!;
    expect(within(stale).getByText(/Stale since .* \(3 h ago\)/)).toBeVisible();
    expect(within(stale).getByText('connection refused')).toBeVisible();
    expect(within(stale).getByText('Detail')).toBeVisible();
    expect(
      within(stale).getByText(/reason: connect ECONNREFUSED/),
    ).toBeInTheDocument();
    expect(within(stale).getByTestId('status-error')).toBeInTheDocument();

    const retired = screen.getByText('staging').closest('tr')!;
    expect(within(retired).getByText('Never collected')).toBeVisible();
    expect(within(retired).getByTestId('status-aborted')).toBeInTheDocument();
    expect(within(retired).getByText(/no longer configured/)).toBeVisible();
  });

  it('explains when no cluster was collected', async () => {
    await renderClusters([]);

    expect(
      await screen.findByText(/No cluster has been collected yet/),
    ).toBeVisible();
  });

  it('tells a user without disaster-recovery.clusters.read where to look instead', async () => {
    await renderClusters(
      await responseError(
        403,
        'Reading collection health needs ...',
        'NotAllowedError',
      ),
    );

    expect(
      await screen.findByText('Collection health is for the platform team'),
    ).toBeVisible();
    expect(
      screen.getByText(/needs the disaster-recovery.clusters.read permission/),
    ).toBeVisible();
    expect(screen.getByText(/Disaster Recovery tab/)).toBeVisible();
    expect(screen.queryByText(/Request failed/)).not.toBeInTheDocument();
  });

  it('shows errors', async () => {
    await renderClusters(await responseError(503, 'down'));

    expect(await screen.findByText(/Request failed with 503/)).toBeVisible();
  });
});
