import { renderInTestApp } from '@backstage/test-utils';
import type {
  Check,
  CheckId,
  CheckStatus,
} from '@dr-posture/plugin-disaster-recovery-common';
import { screen, within } from '@testing-library/react';
import { ScorecardChecksCard } from './ScorecardChecksCard';

function check(id: CheckId, status: CheckStatus): Check {
  return {
    id,
    title: id,
    status,
    summary: `${id} is ${status}`,
    evidence: { refs: [], values: {} },
  };
}

function rowOf(name: string) {
  return within(screen.getByRole('row', { name: new RegExp(`^${name}`) }));
}

describe('ScorecardChecksCard', () => {
  it('shows each scorecard check with the result its posture check gives', async () => {
    await renderInTestApp(
      <ScorecardChecksCard
        checks={[
          check('backup-freshness', 'fail'),
          check('schedule-active', 'warn'),
          check('restore-test', 'pass'),
          check('drill-objectives', 'unknown'),
        ]}
      />,
    );

    expect(rowOf('Backups within RPO').getByText('Failed')).toBeVisible();
    expect(
      rowOf('Backups within RPO').getByText('Backup freshness'),
    ).toBeVisible();
    // The default check passes a warning, but it is never shown as "Passed".
    expect(rowOf('Backup schedule active').getByText('Warning')).toBeVisible();
    expect(
      rowOf('Backup schedule active').queryByText('Passed'),
    ).not.toBeInTheDocument();
    expect(rowOf('No DR warnings').getByText('Failed')).toBeVisible();
    expect(
      rowOf('No DR warnings').getByText('1 posture check warns'),
    ).toBeVisible();
    expect(
      rowOf('Restore tested within policy').getByText('Passed'),
    ).toBeVisible();
    // Unknown, and not applicable (no PostgreSQL check here): no result.
    expect(rowOf('Drill met RTO and RPO').getByText('No result')).toBeVisible();
    expect(
      rowOf('PostgreSQL WAL archiving healthy').getByText('No result'),
    ).toBeVisible();
  });

  it('passes "No DR warnings" only when no posture check warns', async () => {
    await renderInTestApp(
      <ScorecardChecksCard
        checks={[
          check('backup-freshness', 'fail'),
          check('restore-test', 'pass'),
        ]}
      />,
    );
    expect(rowOf('No DR warnings').getByText('Passed')).toBeVisible();
    expect(
      rowOf('No DR warnings').getByText('No posture check warns'),
    ).toBeVisible();
  });
});
