import { renderInTestApp } from '@backstage/test-utils';
import type { PostureCheck } from '@dr-posture/plugin-disaster-recovery-common';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { check } from '../../__testUtils__/fixtures';
import { PostureChecksList } from './PostureChecksList';

const HOUR = 3_600_000;

const policy = {
  runbookUrl: {
    ok: true as const,
    value: 'https://runbooks.example.com/payments',
    source: 'annotation' as const,
  },
};

const checks: PostureCheck[] = [
  check('tier-declared', 'Tier declared', 'pass', 'Tier 1 is declared.'),
  check('runbook', 'Runbook linked', 'pass', 'The runbook is linked.'),
  check(
    'restore-test',
    'Restore test within policy',
    'warn',
    'The last restore test was 6 days ago.',
  ),
  check(
    'drill-objectives',
    'Drill met RTO and RPO',
    'unknown',
    'No recorded drill has measured an achieved RTO or RPO.',
  ),
  check(
    'backup-freshness',
    'Backup freshness',
    'fail',
    `Last clean backup of ${new Date(
      Date.now() - 3 * HOUR,
    ).toISOString()} is older than the 1 h RPO.`,
    {
      rpoMs: HOUR,
      lastCleanBackupAgeMs: 3 * HOUR,
      lastCleanBackupAt: new Date(Date.now() - 3 * HOUR).toISOString(),
      latestBackupPhase: 'Completed',
    },
  ),
  check('retention', 'Retention meets policy', 'pass', 'Kept 30 days.', {
    ttl: '720h0m0s',
  }),
];

function itemOf(id: string) {
  return document.getElementById(`check-${id}`)!;
}

describe('PostureChecksList', () => {
  it('shows failing, warning and unknown checks first and open, passes folded into one line', async () => {
    await renderInTestApp(
      <PostureChecksList checks={checks} policy={policy} />,
    );

    const open = screen.getByRole('list', {
      name: 'Checks that need attention',
    });
    expect(
      within(open)
        .getAllByRole('listitem')
        .map(item => item.getAttribute('data-check-status')),
    ).toEqual(['fail', 'warn', 'unknown']);
    expect(
      within(open).getByText(
        'No recorded drill has measured an achieved RTO or RPO.',
      ),
    ).toBeVisible();
    // What to do is a click away.
    const fix = within(itemOf('backup-freshness')).getByText(
      /^Find why the latest backup failed/,
    );
    expect(fix).not.toBeVisible();
    await userEvent.click(
      within(itemOf('backup-freshness')).getByRole('button', {
        name: 'Details of Backup freshness',
      }),
    );
    expect(fix).toBeVisible();
    // Unknown says why, without a fix it cannot have.
    expect(
      within(itemOf('drill-objectives')).queryByText('What to do:'),
    ).not.toBeInTheDocument();
    expect(screen.getByText('3 need attention, 3 pass')).toBeInTheDocument();

    const fold = screen.getByRole('button', { name: /3 checks pass/ });
    expect(fold).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('The runbook is linked.')).not.toBeVisible();
    await userEvent.click(fold);
    expect(fold).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText('The runbook is linked.')).toBeVisible();
  });

  it('shows times in sentences and values in words, the objects behind a toggle', async () => {
    await renderInTestApp(
      <PostureChecksList checks={checks} policy={policy} />,
    );

    const item = within(itemOf('backup-freshness'));
    expect(item.getByText(/^Last clean backup of/)).toHaveTextContent(
      /^Last clean backup of 3 h ago is older than the 1 h RPO\.$/,
    );
    expect(
      item.getByText('Backup prod-eu/velero/backup-freshness'),
    ).not.toBeVisible();

    await userEvent.click(
      item.getByRole('button', { name: 'Details of Backup freshness' }),
    );

    expect(
      item.getByText('Backup prod-eu/velero/backup-freshness'),
    ).toBeVisible();
    expect(item.getByRole('row', { name: 'RPO 1 h' })).toBeVisible();
    expect(
      item.getByRole('row', { name: 'Last clean backup age 3 h' }),
    ).toBeVisible();
    expect(
      item.getByRole('row', { name: 'Last clean backup at 3 h ago' }),
    ).toBeVisible();
    expect(document.body).not.toHaveTextContent(
      /rpoMs|lastCleanBackupAgeMs|720h0m0s/,
    );

    await userEvent.click(
      screen.getByRole('button', { name: /3 checks pass/ }),
    );
    await userEvent.click(
      within(itemOf('retention')).getByRole('button', {
        name: 'Details of Retention meets policy',
      }),
    );
    expect(
      within(itemOf('retention')).getByRole('row', { name: 'TTL 30 days' }),
    ).toBeVisible();
  });

  it('shows the scorecard result on the check it mirrors, never a warning as passed', async () => {
    await renderInTestApp(
      <PostureChecksList checks={checks} policy={policy} />,
    );

    expect(itemOf('backup-freshness')).toHaveTextContent(
      'Scorecard “Backups within RPO”:Failing: Failed',
    );
    expect(itemOf('restore-test')).toHaveTextContent(
      'Scorecard “Restore tested within policy”:Warning: Warning',
    );
    expect(itemOf('restore-test')).not.toHaveTextContent('Passed');
    // Unknown gives scorecards no fact.
    expect(itemOf('drill-objectives')).toHaveTextContent(
      'Scorecard “Drill met RTO and RPO”:Unknown: No result',
    );
    // No scorecard check mirrors the runbook check.
    expect(itemOf('runbook')).not.toHaveTextContent('Scorecard');
    expect(
      screen.getByText(/^Scorecard “No DR warnings”:/).closest('p'),
    ).toHaveTextContent('Failing: Failed (1 check warns)');
    // No second table of scorecard checks.
    expect(
      screen.queryByRole('table', { name: /Scorecard/ }),
    ).not.toBeInTheDocument();
  });

  it('passes "No DR warnings" only when no check warns, and says when all checks pass', async () => {
    await renderInTestApp(
      <PostureChecksList
        checks={[
          check('backup-freshness', 'Backup freshness', 'pass', 'Fresh.'),
          check('runbook', 'Runbook linked', 'pass', 'Linked.'),
        ]}
        policy={policy}
      />,
    );

    expect(
      screen.getByRole('button', { name: /All 2 checks pass/ }),
    ).toBeVisible();
    expect(
      screen.queryByRole('list', { name: 'Checks that need attention' }),
    ).not.toBeInTheDocument();
    expect(
      screen.getByText(/^Scorecard “No DR warnings”:/).closest('p'),
    ).toHaveTextContent('Pass: Passed');
  });
});
