import {
  nextScheduledRun,
  parseBackupSchedule,
  type EntitySchedule,
  type ScheduleDialect,
} from '@dr-posture/plugin-disaster-recovery-common';
import cronstrue from 'cronstrue';

/** How a schedule runs, for people, and when it runs next. */
export interface ScheduleDescription {
  /** `Every 15 minutes (UTC)`, or why the string could not be read. */
  inWords: string;
  /** Absent when unknown: unreadable, paused, or an `@every` schedule that never ran. */
  nextRunAt?: string;
}

function dialectOf(schedule: EntitySchedule): ScheduleDialect {
  return schedule.ref.kind === 'ScheduledBackup' ? 'cloudnative-pg' : 'velero';
}

/**
 * Reads a Velero Schedule or CloudNativePG ScheduledBackup the way its
 * controller does (`parseBackupSchedule` from -common), puts it in words
 * and asks -common for its next run after `now`.
 */
export function describeSchedule(
  schedule: EntitySchedule,
  now: Date = new Date(),
): ScheduleDescription {
  const dialect = dialectOf(schedule);
  const parsed = parseBackupSchedule(schedule.schedule, dialect);
  if ('error' in parsed) {
    return { inWords: `Unreadable schedule: ${parsed.error}` };
  }
  const inWords =
    parsed.kind === 'every'
      ? parsed.interpretation
      : `${cronstrue.toString(parsed.expression, {
          use24HourTimeFormat: true,
          verbose: false,
        })} (${parsed.timeZone})`;
  const nextRunAt = nextScheduledRun(schedule, dialect, now);
  return nextRunAt ? { inWords, nextRunAt } : { inWords };
}
