import type { RobfigSpec } from './robfigSpec';
import {
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  SECOND_MS,
  ZoneOffsets,
  civilFromDays,
  floorMod,
  wallClock,
} from './zoneOffsets';

/**
 * An instant read on a zone's wall clock, as Go's `t.In(loc)` accessors.
 * The calendar fields are worked out only when asked for: the second and
 * minute loops, where robfig spends most steps, never need them.
 */
class WallTime {
  readonly wall: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  private readonly days: number;
  private calendar: [number, number, number] | undefined;

  constructor(readonly instant: number, zone: ZoneOffsets) {
    this.wall = instant + zone.offsetAt(instant);
    this.days = Math.floor(this.wall / DAY_MS);
    const secondOfDay = (this.wall - this.days * DAY_MS) / SECOND_MS;
    this.hour = Math.floor(secondOfDay / 3600);
    this.minute = Math.floor(secondOfDay / 60) % 60;
    this.second = Math.floor(secondOfDay) % 60;
  }

  private date(): [number, number, number] {
    this.calendar ??= civilFromDays(this.days);
    return this.calendar;
  }

  get year(): number {
    return this.date()[0];
  }

  get month(): number {
    return this.date()[1];
  }

  get day(): number {
    return this.date()[2];
  }

  /** 0 is Sunday; 1970-01-01 was a Thursday. */
  get weekday(): number {
    return floorMod(this.days + 4, 7);
  }
}

/** robfig's `dayMatches`: AND when either day field has the star, else OR. */
export function dayMatches(
  spec: RobfigSpec,
  day: number,
  weekday: number,
): boolean {
  const domMatch = spec.dayOfMonth.matches[day];
  const dowMatch = spec.dayOfWeek.matches[weekday];
  if (spec.dayOfMonth.star || spec.dayOfWeek.star) {
    return domMatch && dowMatch;
  }
  return domMatch || dowMatch;
}

/**
 * Whether robfig's search could ever end: with no second, minute, hour or
 * month, or no possible day, it walks to its five-year limit and gives up.
 * Answering at once is the same answer, without millions of steps.
 */
export function canEverRun(spec: RobfigSpec): boolean {
  const any = (field: { matches: ReadonlyArray<boolean> }) =>
    field.matches.some(Boolean);
  const days =
    spec.dayOfMonth.star || spec.dayOfWeek.star
      ? any(spec.dayOfMonth) && any(spec.dayOfWeek)
      : any(spec.dayOfMonth) || any(spec.dayOfWeek);
  return (
    days &&
    any(spec.second) &&
    any(spec.minute) &&
    any(spec.hour) &&
    any(spec.month)
  );
}

/**
 * robfig/cron v3's `SpecSchedule.Next(t)`, statement for statement: the
 * first activation strictly after `after` (epoch milliseconds), or
 * `undefined` (Go's zero time) when none is found within five years.
 *
 * What makes it robfig rather than any cron: months and days advance by the
 * calendar (`AddDate`), hours, minutes and seconds by adding real time. So
 * in a spring-forward gap the wall-clock times that do not exist are
 * skipped, a fall-back hour that repeats is seen twice, and a midnight that
 * does not exist is patched back to the hour nearest midnight.
 *
 * @internal
 */
export function robfigNext(
  spec: RobfigSpec,
  zone: ZoneOffsets,
  after: number,
): number | undefined {
  if (!canEverRun(spec)) {
    return undefined;
  }
  // Go: t.Add(1*time.Second - time.Duration(t.Nanosecond())).
  let t = new WallTime(after - floorMod(after, SECOND_MS) + SECOND_MS, zone);
  const at = (instant: number) => new WallTime(instant, zone);
  // Go's time.Date(y, m, d, h, min, s, 0, loc).
  const date = (
    year: number,
    month: number,
    day: number,
    hour: number,
    minute: number,
    second: number,
  ) => at(zone.instantOf(wallClock(year, month, day, hour, minute, second)));
  // Go's t.AddDate(0, months, days): the calendar moves, the clock is kept.
  const addDate = (from: WallTime, months: number, days: number) =>
    date(
      from.year,
      from.month + months,
      from.day + days,
      from.hour,
      from.minute,
      from.second,
    );
  // Go's Truncate counts from the zero time, which is minute-aligned with
  // the Unix epoch: this is truncation in UTC, not on the wall clock.
  const truncate = (from: WallTime, unit: number) =>
    at(from.instant - floorMod(from.instant, unit));

  let added = false;
  const yearLimit = t.year + 5;

  // One pass of robfig's field loops from `WRAP:`; `undefined` stands for
  // its `goto WRAP` (a field wrapped round, so earlier fields are checked
  // again).
  const pass = (): number | undefined => {
    while (!spec.month.matches[t.month]) {
      if (!added) {
        added = true;
        t = date(t.year, t.month, 1, 0, 0, 0);
      }
      t = addDate(t, 1, 0);
      if (t.month === 1) {
        return undefined;
      }
    }

    while (!dayMatches(spec, t.day, t.weekday)) {
      if (!added) {
        added = true;
        t = date(t.year, t.month, t.day, 0, 0, 0);
      }
      t = addDate(t, 0, 1);
      // robfig's fix for zones whose midnight does not exist on DST days
      // (Sao Paulo): land back on the hour nearest midnight.
      if (t.hour !== 0) {
        t = at(t.instant + (t.hour > 12 ? 24 - t.hour : -t.hour) * HOUR_MS);
      }
      if (t.day === 1) {
        return undefined;
      }
    }

    while (!spec.hour.matches[t.hour]) {
      if (!added) {
        added = true;
        t = date(t.year, t.month, t.day, t.hour, 0, 0);
      }
      t = at(t.instant + HOUR_MS);
      if (t.hour === 0) {
        return undefined;
      }
    }

    while (!spec.minute.matches[t.minute]) {
      if (!added) {
        added = true;
        t = truncate(t, MINUTE_MS);
      }
      t = at(t.instant + MINUTE_MS);
      if (t.minute === 0) {
        return undefined;
      }
    }

    while (!spec.second.matches[t.second]) {
      if (!added) {
        added = true;
        t = truncate(t, SECOND_MS);
      }
      t = at(t.instant + SECOND_MS);
      if (t.second === 0) {
        return undefined;
      }
    }
    return t.instant;
  };

  while (t.year <= yearLimit) {
    const found = pass();
    if (found !== undefined) {
      return found;
    }
  }
  return undefined;
}
