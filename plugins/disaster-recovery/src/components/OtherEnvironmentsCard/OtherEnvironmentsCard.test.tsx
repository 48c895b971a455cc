import { renderInTestApp } from '@backstage/test-utils';
import { screen, within } from '@testing-library/react';
import { OtherEnvironmentsCard } from './OtherEnvironmentsCard';

describe('OtherEnvironmentsCard', () => {
  it('lists each other cluster with its role, what covers the entity there and its last clean backup', async () => {
    const lastClean = new Date(Date.now() - 30 * 60_000).toISOString();
    await renderInTestApp(
      <OtherEnvironmentsCard
        environments={[
          {
            cluster: 'gone',
            schedules: 0,
            backups: 3,
            postgresClusters: 0,
            workloads: 0,
          },
          {
            cluster: 'staging',
            role: 'staging',
            schedules: 1,
            backups: 2,
            postgresClusters: 1,
            workloads: 4,
            lastCleanBackupAt: lastClean,
          },
        ]}
      />,
    );

    expect(
      screen.getByText("Not counted towards this entity's checks"),
    ).toBeVisible();
    const items = within(
      screen.getByRole('list', { name: 'Other environments' }),
    ).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('gone (no longer configured)');
    expect(items[0]).toHaveTextContent('3 backups; no clean backup');
    expect(items[1]).toHaveTextContent('staging (staging)');
    expect(items[1]).toHaveTextContent(
      '1 schedule, 2 backups, 1 database, 4 workloads; last clean backup',
    );
    expect(within(items[1]).getByText(/ago$/)).toHaveAttribute(
      'datetime',
      lastClean,
    );
  });
});
