import {
  parseBackupSchedule,
  type EntitySchedule,
  type ScheduleDialect,
} from '@dr-posture/plugin-disaster-recovery-common';
import { CronExpressionParser } from 'cron-parser';
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
 * controller does (`parseBackupSchedule` from -common), then puts the cron
 * expression in words and works out its next run after `now`.
 */
export function describeSchedule(
  schedule: EntitySchedule,
  now: Date = new Date(),
): ScheduleDescription {
  const parsed = parseBackupSchedule(schedule.schedule, dialectOf(schedule));
  if ('error' in parsed) {
    return { inWords: `Unreadable schedule: ${parsed.error}` };
  }
  if (parsed.kind === 'every') {
    const last = schedule.lastBackupAt
      ? Date.parse(schedule.lastBackupAt)
      : undefined;
    return {
      inWords: parsed.interpretation,
      nextRunAt:
        last === undefined || schedule.paused
          ? undefined
          : new Date(last + parsed.intervalMs).toISOString(),
    };
  }
  const inWords = `${cronstrue.toString(parsed.expression, {
    use24HourTimeFormat: true,
    verbose: false,
  })} (${parsed.timeZone})`;
  if (schedule.paused) return { inWords };
  const next = CronExpressionParser.parse(parsed.expression, {
    currentDate: now,
    tz: parsed.timeZone,
  })
    .next()
    .toISOString();
  return { inWords, nextRunAt: next ?? undefined };
}
