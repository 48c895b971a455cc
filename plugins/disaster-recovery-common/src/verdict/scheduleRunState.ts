import type { BackupHistoryItem, EntitySchedule } from '../api';
import { FINISHED_POSTGRES_BACKUP_PHASES } from '../checks/postgresBaseBackup';
import { FINISHED_BACKUP_PHASES } from '../checks/veleroBackupPhases';

/**
 * The phases of a finished run of a Velero Schedule or a CloudNativePG
 * ScheduledBackup: the filter to ask the backup history for.
 *
 * @public
 */
export const FINISHED_RUN_PHASES: readonly string[] = [
  ...FINISHED_BACKUP_PHASES,
  ...FINISHED_POSTGRES_BACKUP_PHASES,
];

/** The one finished phase of each controller that is a success. */
const SUCCEEDED_PHASES = new Set(['Completed', 'completed']);

/**
 * How a schedule is doing, as its table row says it: `paused`; `failing`
 * while its latest finished runs failed (`failedRuns` of them in a row);
 * `overdue` when it missed its last run; `running` only when its latest
 * finished run succeeded; `no-runs` when the history read holds no
 * finished run of it, so whether its runs succeed is not known.
 *
 * @public
 */
export type ScheduleRunState =
  | { state: 'paused'; lastRunAt?: string }
  | {
      state: 'failing';
      failedRuns: number;
      lastRunAt: string;
      overdue: boolean;
    }
  | { state: 'overdue'; lastRunAt?: string }
  | { state: 'running'; lastRunAt: string }
  | { state: 'no-runs' };

function finishedAt(item: BackupHistoryItem): number {
  return Date.parse(item.completedAt ?? item.startedAt ?? '');
}

function runsOf(
  schedule: EntitySchedule,
  history: readonly BackupHistoryItem[],
): BackupHistoryItem[] {
  const source =
    schedule.ref.kind === 'ScheduledBackup' ? 'cloudnativepg' : 'velero';
  return history
    .filter(
      item =>
        item.source === source &&
        item.scheduleName === schedule.ref.name &&
        item.ref.cluster === schedule.ref.cluster &&
        item.ref.namespace === schedule.ref.namespace &&
        item.phase !== undefined &&
        FINISHED_RUN_PHASES.includes(item.phase) &&
        !Number.isNaN(finishedAt(item)),
    )
    .sort((a, b) => finishedAt(b) - finishedAt(a));
}

/**
 * The state of a schedule from its row of the posture and the entity's
 * recent backup history (newest first, finished runs, as many as one page
 * holds). A schedule is `running` only when its latest finished run
 * succeeded; a failed or partially failed latest run is `failing`, as
 * backup-freshness judges the latest run of each covering schedule.
 *
 * @public
 */
export function scheduleRunStateOf(
  schedule: EntitySchedule,
  history: readonly BackupHistoryItem[],
): ScheduleRunState {
  const runs = runsOf(schedule, history);
  const latest = runs[0];
  const lastRunAt = latest
    ? latest.completedAt ?? latest.startedAt
    : schedule.lastBackupAt;
  if (schedule.paused) return { state: 'paused', lastRunAt };
  const failedRuns = runs.findIndex(run => SUCCEEDED_PHASES.has(run.phase!));
  const failed = failedRuns === -1 ? runs.length : failedRuns;
  if (failed > 0) {
    return {
      state: 'failing',
      failedRuns: failed,
      lastRunAt: lastRunAt!,
      overdue: schedule.overdue,
    };
  }
  if (schedule.overdue) return { state: 'overdue', lastRunAt };
  return latest
    ? { state: 'running', lastRunAt: lastRunAt! }
    : { state: 'no-runs' };
}
