import {
  parseBackupSchedule,
  type ScheduleDialect,
} from './parseBackupSchedule';
import { nextRobfigRun } from './robfig';

/**
 * When a Velero Schedule or CloudNativePG ScheduledBackup runs next after
 * `now`, read as its controller reads it. Undefined when that is unknown: an
 * unreadable or paused schedule, or an `@every` schedule that never ran
 * (its runs count from the previous one).
 *
 * @public
 */
export function nextScheduledRun(
  schedule: { schedule: string; paused: boolean; lastBackupAt?: string },
  dialect: ScheduleDialect,
  now: Date,
): string | undefined {
  const parsed = parseBackupSchedule(schedule.schedule, dialect);
  if ('error' in parsed || schedule.paused) return undefined;
  if (parsed.kind === 'every') {
    return schedule.lastBackupAt
      ? new Date(
          Date.parse(schedule.lastBackupAt) + parsed.intervalMs,
        ).toISOString()
      : undefined;
  }
  try {
    return nextRobfigRun(
      parsed.expression,
      parsed.timeZone,
      now,
    )?.toISOString();
  } catch {
    // An unreadable field: the controller never runs it.
    return undefined;
  }
}
