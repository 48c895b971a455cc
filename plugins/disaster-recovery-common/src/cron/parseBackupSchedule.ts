import { parseGoDuration } from '../durations';

/**
 * Whose cron dialect a schedule string is written in.
 *
 * - `velero`: Velero Schedules, read with robfig/cron's standard parser: five
 *   fields (minute first), descriptors such as `@daily` and `@every 6h`.
 * - `cloudnative-pg`: CloudNativePG ScheduledBackups, read with robfig/cron
 *   v1's default parser: six fields with seconds first, where the day of week
 *   may be left out. A five-field string is therefore read as seconds,
 *   minutes, hours, day of month and month, not as a Kubernetes CronJob
 *   schedule: `0 0 * * *` runs hourly.
 *
 * Velero takes a `CRON_TZ=<zone> ` or `TZ=<zone> ` prefix; without one the
 * schedule runs in the controller's zone, which is UTC in the usual images.
 * CloudNativePG's robfig/cron v1 knows no prefix and refuses such a spec.
 *
 * @public
 */
export type ScheduleDialect = 'velero' | 'cloudnative-pg';

/**
 * A schedule string understood: either a cron expression, always with six
 * fields seconds first whatever the dialect wrote, or a fixed interval.
 *
 * @public
 */
export type ParsedBackupSchedule =
  | {
      kind: 'cron';
      /** Six fields, seconds first. */
      expression: string;
      timeZone: string;
      /** How the string was read, for people: e.g. the CloudNativePG five-field rule. */
      interpretation: string;
    }
  | {
      kind: 'every';
      intervalMs: number;
      timeZone: string;
      interpretation: string;
    };

/**
 * The descriptors robfig/cron knows, as six-field expressions (seconds
 * first); the controllers reject any other.
 */
const DESCRIPTORS: Record<string, string> = {
  '@yearly': '0 0 0 1 1 *',
  '@annually': '0 0 0 1 1 *',
  '@monthly': '0 0 0 1 * *',
  '@weekly': '0 0 0 * * 0',
  '@daily': '0 0 0 * * *',
  '@midnight': '0 0 0 * * *',
  '@hourly': '0 0 * * * *',
};

const ZONE_PREFIX = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/s;

function isTimeZone(zone: string): boolean {
  try {
    // The only isomorphic way to validate an IANA zone name: it throws a
    // RangeError for names the runtime's time-zone data does not know.
    new Intl.DateTimeFormat('en-US', { timeZone: zone }).format(0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Reads a backup schedule string in the given dialect. Returns a reason
 * instead of throwing when the string cannot be read.
 *
 * @public
 */
export function parseBackupSchedule(
  schedule: string,
  dialect: ScheduleDialect,
): ParsedBackupSchedule | { error: string } {
  let text = schedule.trim();
  let timeZone = 'UTC';
  const zoned = ZONE_PREFIX.exec(text);
  if (zoned && dialect === 'cloudnative-pg') {
    // robfig/cron v1, which CloudNativePG uses, knows no zone prefix: the
    // prefix becomes a seventh field and the controller refuses the spec.
    return {
      error: `CloudNativePG reads schedules with robfig/cron v1, which has no CRON_TZ=/TZ= prefix, so it cannot read "${text}"; write the schedule in UTC.`,
    };
  }
  if (zoned) {
    if (!isTimeZone(zoned[1])) {
      return { error: `"${zoned[1]}" is not a known time zone.` };
    }
    timeZone = zoned[1];
    text = zoned[2].trim();
  }
  const zoneNote = zoned ? `in ${timeZone}` : 'in UTC';

  if (text.startsWith('@every ')) {
    // robfig/cron reads the rest with Go's time.ParseDuration (no days),
    // then runs at least every second, in whole seconds.
    const interval = parseGoDuration(text.slice('@every '.length));
    if (!interval.ok) {
      return {
        error: `"${text}" is not a Go duration the controller can read (${interval.reason}).`,
      };
    }
    const intervalMs = Math.max(
      1000,
      interval.milliseconds - (interval.milliseconds % 1000),
    );
    return {
      kind: 'every',
      intervalMs,
      timeZone,
      interpretation:
        intervalMs === interval.milliseconds
          ? `a fixed interval counted from the last run`
          : `a fixed interval counted from the last run, rounded to ${
              intervalMs / 1000
            } s as the controller does`,
    };
  }
  if (text.startsWith('@')) {
    const expression = DESCRIPTORS[text];
    if (!expression) {
      return {
        error: `"${text}" is not a cron descriptor the controller knows.`,
      };
    }
    return {
      kind: 'cron',
      expression,
      timeZone,
      interpretation: `${text} ${zoneNote}`,
    };
  }

  const fields = text.split(/\s+/);
  if (dialect === 'velero') {
    if (fields.length !== 5) {
      return {
        error: `Velero schedules have 5 fields (minute hour day month weekday); "${text}" has ${fields.length}.`,
      };
    }
    return {
      kind: 'cron',
      expression: `0 ${text}`,
      timeZone,
      interpretation: `Velero reads five fields as minute hour day-of-month month day-of-week ${zoneNote}`,
    };
  }
  if (fields.length === 6) {
    return {
      kind: 'cron',
      expression: fields.join(' '),
      timeZone,
      interpretation: `second minute hour day-of-month month day-of-week ${zoneNote}`,
    };
  }
  if (fields.length === 5) {
    return {
      kind: 'cron',
      expression: `${fields.join(' ')} *`,
      timeZone,
      interpretation: `CloudNativePG reads five fields as second minute hour day-of-month month (any day of week) ${zoneNote}`,
    };
  }
  return {
    error: `CloudNativePG schedules have 6 fields (second first) or 5; "${text}" has ${fields.length}.`,
  };
}
