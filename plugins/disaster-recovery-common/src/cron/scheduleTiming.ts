import { CronExpressionParser, type CronExpression } from 'cron-parser';
import type { ParsedBackupSchedule } from './parseBackupSchedule';

const SECOND = 1000;
const DAY = 86_400 * SECOND;

/** Upper bounds of the slow path: enough to see monthly and yearly gaps. */
const MAX_SAMPLED_RUNS = 1000;
const MAX_SAMPLED_SPAN_MS = 400 * DAY;

function numbers(values: ReadonlyArray<number | string>): number[] {
  return [...new Set(values.map(Number))].sort((a, b) => a - b);
}

/** The largest difference between neighbours of a sorted list; -1 for fewer than two. */
function largestStep(sorted: number[]): number {
  let largest = -1;
  for (let i = 1; i < sorted.length; i++) {
    largest = Math.max(largest, sorted[i] - sorted[i - 1]);
  }
  return largest;
}

/**
 * The longest gap between runs of a schedule that repeats every day or every
 * week (any day of month, any month), worked out from its fields rather than
 * by walking runs: walking is slow with cron-parser (tens of microseconds a
 * run) and a schedule firing every second would need a week of runs.
 * Wall-clock time: a daylight-saving shift is not counted.
 */
function gapFromFields(cron: CronExpression): number | undefined {
  const { fields } = cron;
  if (!fields.dayOfMonth.isWildcard || !fields.month.isWildcard) {
    return undefined;
  }
  const seconds = numbers(fields.second.values);
  const minutes = numbers(fields.minute.values);
  const hours = numbers(fields.hour.values);
  const first = hours[0] * 3600 + minutes[0] * 60 + seconds[0];
  const last = hours.at(-1)! * 3600 + minutes.at(-1)! * 60 + seconds.at(-1)!;
  const withinDay = Math.max(
    largestStep(seconds),
    largestStep(minutes) * 60 - (seconds.at(-1)! - seconds[0]),
    largestStep(hours) * 3600 -
      (minutes.at(-1)! * 60 + seconds.at(-1)! - (minutes[0] * 60 + seconds[0])),
  );
  const days = fields.dayOfWeek.isWildcard
    ? [0, 1, 2, 3, 4, 5, 6]
    : numbers(fields.dayOfWeek.values.map(day => Number(day) % 7));
  // Gaps between the last run of one run-day and the first of the next,
  // wrapping round the week.
  const betweenDays = days.map((day, index) => {
    const nextDay = index + 1 < days.length ? days[index + 1] : days[0] + 7;
    return (nextDay - day) * 86_400 - (last - first);
  });
  return Math.max(withinDay, ...betweenDays) * SECOND;
}

function gapFromRuns(expression: string, timeZone: string, now: Date): number {
  const runs = CronExpressionParser.parse(expression, {
    currentDate: now,
    tz: timeZone,
  });
  const start = runs.next().getTime();
  let previous = start;
  let longest = 0;
  for (
    let i = 0;
    i < MAX_SAMPLED_RUNS && previous - start < MAX_SAMPLED_SPAN_MS;
    i++
  ) {
    const next = runs.next().getTime();
    longest = Math.max(longest, next - previous);
    previous = next;
  }
  return longest;
}

/**
 * How a schedule runs around `now`.
 *
 * @public
 */
export interface ScheduleTiming {
  /**
   * The longest gap between two runs: what bounds the data a restore can
   * lose. For a schedule that runs hourly on weekdays only, this is the
   * weekend.
   */
  cadenceMs: number;
  /**
   * The last run due strictly before `now`, ISO 8601. Absent for `@every`
   * schedules, whose runs count from the previous run rather than the clock.
   */
  previousRunAt?: string;
}

/**
 * Works out the cadence and the previous due run of a parsed schedule.
 * Returns a reason instead of throwing when cron-parser rejects a field
 * (`61` minutes, a 30th of February).
 *
 * @public
 */
export function scheduleTiming(
  schedule: ParsedBackupSchedule,
  now: Date,
): ScheduleTiming | { error: string } {
  if (schedule.kind === 'every') {
    return { cadenceMs: schedule.intervalMs };
  }
  try {
    const cron = CronExpressionParser.parse(schedule.expression, {
      currentDate: now,
      tz: schedule.timeZone,
    });
    const cadenceMs =
      gapFromFields(cron) ??
      gapFromRuns(schedule.expression, schedule.timeZone, now);
    return { cadenceMs, previousRunAt: cron.prev().toDate().toISOString() };
  } catch (error) {
    return {
      error: `The schedule cannot be read: ${(error as Error).message}.`,
    };
  }
}
