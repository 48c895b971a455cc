import type { ParsedBackupSchedule } from './parseBackupSchedule';
import { longestGapMs, nextRobfigRun, RobfigSpecError } from './robfig';

const SECOND = 1000;
/** robfig/cron gives up looking for a next run after five years. */
const FIVE_YEARS_MS = 5 * 366 * 86_400 * SECOND;

/**
 * How a schedule runs around `now`.
 *
 * @public
 */
export interface ScheduleTiming {
  /**
   * The longest real gap between two runs over the coming year: what bounds
   * the data a restore can lose. For a schedule that runs hourly on weekdays
   * only, this is the weekend; for a `CRON_TZ=` schedule whose run time a
   * spring-forward night skips, it is the two days around that night.
   */
  cadenceMs: number;
  /**
   * The last run due strictly before `now`, ISO 8601. Absent for `@every`
   * schedules, whose runs count from the previous run rather than the clock.
   */
  previousRunAt?: string;
}

/**
 * The last run strictly before `now`: look back over a growing span until
 * a run is found, then step forward to the last one before `now`.
 */
function previousRun(
  expression: string,
  timeZone: string,
  now: number,
  cadenceMs: number,
): number | undefined {
  let span = Math.min(cadenceMs, FIVE_YEARS_MS) + SECOND;
  for (;;) {
    const first = nextRobfigRun(expression, timeZone, new Date(now - span));
    if (first && first.getTime() < now) {
      let last = first.getTime();
      for (;;) {
        const next = nextRobfigRun(expression, timeZone, new Date(last));
        if (!next || next.getTime() >= now) return last;
        last = next.getTime();
      }
    }
    if (span >= FIVE_YEARS_MS) return undefined;
    span = Math.min(span * 2, FIVE_YEARS_MS);
  }
}

/**
 * Works out the cadence and the previous due run of a parsed schedule as
 * the controllers' cron library (robfig/cron) runs it, daylight-saving
 * shifts included. Returns a reason instead of throwing when robfig would
 * refuse a field (`61` minutes, a weekday `7`) or the schedule never runs
 * (a 30th of February).
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
    const cadenceMs = longestGapMs(schedule.expression, schedule.timeZone, now);
    if (!Number.isFinite(cadenceMs)) {
      return {
        error:
          'The schedule is accepted but never runs: no date matches it within five years.',
      };
    }
    const previous = previousRun(
      schedule.expression,
      schedule.timeZone,
      now.getTime(),
      cadenceMs,
    );
    return {
      cadenceMs,
      ...(previous === undefined
        ? {}
        : { previousRunAt: new Date(previous).toISOString() }),
    };
  } catch (error) {
    if (error instanceof RobfigSpecError) {
      return { error: `The schedule cannot be read: ${error.message}.` };
    }
    throw error;
  }
}
