import { parseRobfigSpec, type RobfigSpec } from './robfigSpec';
import { dayMatches, robfigNext } from './robfigNext';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  SECOND_MS,
  ZoneOffsets,
  civilFromDays,
  floorMod,
} from './zoneOffsets';

/**
 * A parsed spec with what the gap search needs: the times of day it runs
 * at, and the longest step from each of them to the day's last run.
 *
 * @internal
 */
export interface RobfigSchedule {
  readonly spec: RobfigSpec;
  readonly zone: ZoneOffsets;
  /** Seconds of the day the schedule runs at, ascending. */
  readonly timesOfDay: Int32Array;
  /** Longest step (seconds) between neighbours of `timesOfDay` from index i on; 0 for the last. */
  readonly longestStepFrom: Int32Array;
}

function timesOfDay(spec: RobfigSpec): Int32Array {
  const times: number[] = [];
  for (let hour = 0; hour < 24; hour++) {
    if (!spec.hour.matches[hour]) continue;
    for (let minute = 0; minute < 60; minute++) {
      if (!spec.minute.matches[minute]) continue;
      for (let second = 0; second < 60; second++) {
        if (spec.second.matches[second]) {
          times.push(hour * 3600 + minute * 60 + second);
        }
      }
    }
  }
  return Int32Array.from(times);
}

const MAX_CACHED_SPECS = 256;
const specs = new Map<string, Omit<RobfigSchedule, 'zone'>>();

/**
 * Reads a six-field spec (seconds first) in an IANA zone as robfig/cron v3
 * does. Throws `RobfigSpecError` with robfig's message when robfig would
 * refuse the spec or the zone.
 *
 * @internal
 */
export function robfigSchedule(
  expression: string,
  timeZone: string,
): RobfigSchedule {
  const zone = ZoneOffsets.of(timeZone);
  let compiled = specs.get(expression);
  if (!compiled) {
    const spec = parseRobfigSpec(expression);
    const times = timesOfDay(spec);
    const longestStepFrom = new Int32Array(times.length);
    for (let i = times.length - 2; i >= 0; i--) {
      longestStepFrom[i] = Math.max(
        longestStepFrom[i + 1],
        times[i + 1] - times[i],
      );
    }
    compiled = { spec, timesOfDay: times, longestStepFrom };
    if (specs.size >= MAX_CACHED_SPECS) {
      specs.delete(specs.keys().next().value!);
    }
    specs.set(expression, compiled);
  }
  return { ...compiled, zone };
}

/** How far a search from one run to the next can reach: see `walkStretch`. */
const STRETCH_MARGIN_MS = 2 * DAY_MS;

const YEAR_MS = 365 * DAY_MS;

interface Progress {
  /** The last run reached, a true robfig run. */
  run: number;
  /** The longest gap between runs passed on the way. */
  longest: number;
}

/** The index of a run's time of day (every run's time of day is listed). */
function indexOfTime(times: Int32Array, secondOfDay: number): number {
  let low = 0;
  let high = times.length - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (times[middle] < secondOfDay) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

function isRunDay(spec: RobfigSpec, day: number): boolean {
  const [, month, dayOfMonth] = civilFromDays(day);
  return (
    spec.month.matches[month] &&
    dayMatches(spec, dayOfMonth, floorMod(day + 4, 7))
  );
}

/**
 * Far from any offset change, robfig's runs are the wall-clock runs of a
 * fixed-offset zone, so they can be counted from the calendar instead of
 * searched one by one.
 *
 * Why two days is far enough: a search from run R to the next run R' only
 * looks at instants in [start of R's day, R'] (it resets at most to the
 * start of the day or hour it is in), and each `time.Date` there probes the
 * offset at the wall clock read as UTC, one offset (under a day) away. With
 * no transition from two days before R to two days after R', every lookup
 * sees the same offset, so `Date`, `AddDate` and real-time adds all
 * agree with the fixed-offset wall clock.
 */
function walkStretch(
  schedule: RobfigSchedule,
  run: number,
  end: number,
): Progress | undefined {
  const { zone, spec, timesOfDay: times, longestStepFrom } = schedule;
  const offset = zone.offsetAt(run);
  // Go truncates minutes in UTC; only whole-minute offsets agree with the
  // wall clock. The margin covers offsets of less than a day.
  if (offset % MINUTE_MS !== 0 || Math.abs(offset) >= DAY_MS) return undefined;
  if (zone.firstTransitionIn(run - STRETCH_MARGIN_MS - 1, run) !== undefined) {
    return undefined;
  }
  const nextTransition = zone.firstTransitionIn(run, end + STRETCH_MARGIN_MS);
  const bound =
    nextTransition === undefined
      ? end
      : Math.min(end, nextTransition - STRETCH_MARGIN_MS);
  if (run >= bound) return undefined;

  const localBound = bound + offset;
  const local = run + offset;
  const firstDay = Math.floor(local / DAY_MS);
  const startIndex = indexOfTime(
    times,
    (local - firstDay * DAY_MS) / SECOND_MS,
  );
  const last = times.length - 1;
  let longest = 0;
  let lastLocal = local;
  // The runs of one day from index `from` on that fall before the bound.
  const walkDay = (day: number, from: number): boolean => {
    const base = day * DAY_MS;
    if (base + times[last] * SECOND_MS < localBound) {
      longest = Math.max(longest, longestStepFrom[from] * SECOND_MS);
      lastLocal = base + times[last] * SECOND_MS;
      return true;
    }
    for (let j = from + 1; base + times[j] * SECOND_MS < localBound; j++) {
      longest = Math.max(longest, (times[j] - times[j - 1]) * SECOND_MS);
      lastLocal = base + times[j] * SECOND_MS;
    }
    return false;
  };
  if (walkDay(firstDay, startIndex)) {
    for (let day = firstDay + 1; ; day++) {
      const firstRun = day * DAY_MS + times[0] * SECOND_MS;
      if (firstRun >= localBound) break;
      if (!isRunDay(spec, day)) continue;
      longest = Math.max(longest, firstRun - lastLocal);
      lastLocal = firstRun;
      if (!walkDay(day, 0)) break;
    }
  }
  return { run: lastLocal - offset, longest };
}

/**
 * Near an offset change, the runs of the rest of `run`'s day that come
 * before the change are still wall-clock runs, provided every `time.Date`
 * a search among them makes (the start of each hour it passes) resolves to
 * the same offset. Checked hour by hour rather than argued, so ambiguous
 * and skipped hours fall to the exact search.
 */
function walkDayBeforeTransition(
  schedule: RobfigSchedule,
  run: number,
  end: number,
): Progress | undefined {
  const { zone, timesOfDay: times } = schedule;
  const offset = zone.offsetAt(run);
  if (offset % MINUTE_MS !== 0) return undefined;
  const local = run + offset;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const startIndex = indexOfTime(times, (local - dayStart) / SECOND_MS);
  // A search resets at most to the start of the hour it is in.
  const transition = zone.firstTransitionIn(
    run - HOUR_MS,
    dayStart - offset + DAY_MS,
  );
  const bound = Math.min(end, transition ?? Infinity);
  const hourResolves = (hour: number) => {
    const wall = dayStart + hour * HOUR_MS;
    return zone.instantOf(wall) === wall - offset;
  };
  let checkedHour = Math.floor(times[startIndex] / 3600);
  if (!hourResolves(checkedHour)) return undefined;
  let longest = 0;
  let reached = startIndex;
  for (let j = startIndex + 1; j < times.length; j++) {
    if (run + (times[j] - times[startIndex]) * SECOND_MS >= bound) break;
    const hour = Math.floor(times[j] / 3600);
    let resolves = true;
    while (resolves && checkedHour < hour) {
      checkedHour++;
      resolves = hourResolves(checkedHour);
    }
    if (!resolves) break;
    longest = Math.max(longest, (times[j] - times[j - 1]) * SECOND_MS);
    reached = j;
  }
  if (reached === startIndex) return undefined;
  return {
    run: run + (times[reached] - times[startIndex]) * SECOND_MS,
    longest,
  };
}

function requireValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) {
    throw new RangeError('The time to search from is not a valid date');
  }
}

/**
 * One posture pass judges every entity at the same `now`, and estates
 * share a handful of schedules: remember exact answers, keyed by all inputs.
 */
const MAX_CACHED_GAPS = 1024;
const gaps = new Map<string, number>();

/**
 * The longest real (UTC) gap between consecutive runs of a robfig/cron v3
 * schedule over the year after `from`: every run in the 365 days from
 * `from`, plus the gap from the last of them to the first run after. This
 * is the cadence a `CRON_TZ=` schedule really keeps: a spring-forward night
 * that skips a run's wall-clock time lengthens the gap, a fall-back night
 * that repeats it shortens one.
 *
 * Equal to walking `robfigNext` run by run, without the walk: stretches
 * away from offset changes are counted from the calendar and only the hours
 * around each change are searched run by run, so a schedule firing every
 * minute costs a few hundred searches a year, not 525,600.
 *
 * Returns `Infinity` when robfig finds no next run (within its five-year
 * limit, as for `0 0 0 30 2 *`). Throws `RobfigSpecError` with robfig's own
 * message when robfig refuses the spec or the zone.
 *
 * @param expression - six fields, seconds first, without a `CRON_TZ=` prefix
 * @param timeZone - IANA zone name, as after `CRON_TZ=`
 * @public
 */
export function longestGapMs(
  expression: string,
  timeZone: string,
  from: Date,
): number {
  requireValidDate(from);
  const key = `${timeZone} ${from.getTime()} ${expression}`;
  const known = gaps.get(key);
  if (known !== undefined) {
    return known;
  }
  const gap = searchLongestGap(robfigSchedule(expression, timeZone), from);
  if (gaps.size >= MAX_CACHED_GAPS) {
    gaps.delete(gaps.keys().next().value!);
  }
  gaps.set(key, gap);
  return gap;
}

function searchLongestGap(schedule: RobfigSchedule, from: Date): number {
  const end = from.getTime() + YEAR_MS;
  let run = robfigNext(schedule.spec, schedule.zone, from.getTime());
  let longest = 0;
  while (run !== undefined) {
    if (run < end) {
      const skipped =
        walkStretch(schedule, run, end) ??
        walkDayBeforeTransition(schedule, run, end);
      if (skipped) {
        longest = Math.max(longest, skipped.longest);
        run = skipped.run;
      }
    }
    const following = robfigNext(schedule.spec, schedule.zone, run);
    if (following === undefined) break;
    longest = Math.max(longest, following - run);
    if (following >= end) return longest;
    run = following;
  }
  return Infinity;
}

/**
 * robfig/cron v3's next activation strictly after `after`, for a six-field
 * spec (seconds first) in an IANA zone; `undefined` when robfig finds none
 * within five years. Throws `RobfigSpecError` as {@link longestGapMs} does.
 *
 * @public
 */
export function nextRobfigRun(
  expression: string,
  timeZone: string,
  after: Date,
): Date | undefined {
  requireValidDate(after);
  const schedule = robfigSchedule(expression, timeZone);
  const next = robfigNext(schedule.spec, schedule.zone, after.getTime());
  return next === undefined ? undefined : new Date(next);
}
