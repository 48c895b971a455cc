import { RobfigSpecError } from './robfigSpec';

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** Floor modulo: JavaScript's `%` keeps the dividend's sign. */
export function floorMod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(
  year: number,
  month: number,
  day: number,
): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear =
    Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 +
    Math.floor(yearOfEra / 4) -
    Math.floor(yearOfEra / 100) +
    dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** The date of a day number from {@link daysFromCivil}; month 1–12. */
export function civilFromDays(days: number): [number, number, number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra -
    (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return [yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

/**
 * Wall-clock fields as one number: milliseconds since 1970-01-01T00:00 of
 * the same wall clock. Go's `time.Date` normalises overflowing months and
 * days the same way (linearly), which `addDate` relies on.
 */
export function wallClock(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
): number {
  const monthIndex = month - 1;
  const normalisedYear = year + Math.floor(monthIndex / 12);
  const normalisedMonth = floorMod(monthIndex, 12) + 1;
  return (
    (daysFromCivil(normalisedYear, normalisedMonth, 1) + day - 1) * DAY_MS +
    hour * HOUR_MS +
    minute * MINUTE_MS +
    second * SECOND_MS
  );
}

/** One UTC year of a zone's offsets: `offsets[i]` holds from `starts[i]`. */
interface YearOfOffsets {
  from: number;
  to: number;
  /** Instants where the offset changes, ascending, within [from, to). */
  transitions: number[];
  /** `transitions.length + 1` offsets in milliseconds east of UTC. */
  offsets: number[];
}

/**
 * Sampling step when looking for transitions. Every zone in the IANA
 * database keeps an offset for weeks at a time; two changes that cancel
 * within 12 hours would be missed, and none exist.
 */
const SAMPLE_MS = 12 * HOUR_MS;

const WALL_CLOCK_TEXT = /^(\d+)\/(\d+)\/(\d+), (\d+):(\d+):(\d+)$/;

/**
 * A zone's UTC offset at any instant, from the runtime's IANA data through
 * `Intl.DateTimeFormat` (the isomorphic source: -common runs in browsers).
 * Intl costs microseconds a call, so the transitions of each UTC year are
 * found once (sampled, then bisected to the second) and looked up after.
 *
 * @internal
 */
export class ZoneOffsets {
  private readonly years = new Map<number, YearOfOffsets>();
  private lastYear: YearOfOffsets | undefined;
  private lastSpanFrom = 0;
  private lastSpanTo = 0;
  private lastSpanOffset = 0;

  private constructor(
    readonly timeZone: string,
    private readonly format: Intl.DateTimeFormat,
  ) {}

  private static readonly zones = new Map<string, ZoneOffsets>();

  /**
   * The zone's offsets, shared by every caller; throws robfig's message
   * (from Go's `time.LoadLocation`) for a zone the runtime does not know.
   */
  static of(timeZone: string): ZoneOffsets {
    const known = ZoneOffsets.zones.get(timeZone);
    if (known) {
      return known;
    }
    let format: Intl.DateTimeFormat;
    try {
      format = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new RobfigSpecError(
        `provided bad location ${timeZone}: unknown time zone ${timeZone}`,
      );
    }
    const zone = new ZoneOffsets(timeZone, format);
    ZoneOffsets.zones.set(timeZone, zone);
    return zone;
  }

  /** The offset straight from Intl, for whole seconds (Intl drops milliseconds). */
  private measure(instant: number): number {
    const wholeSecond = instant - floorMod(instant, SECOND_MS);
    const parts = WALL_CLOCK_TEXT.exec(this.format.format(wholeSecond));
    if (!parts) {
      throw new RangeError(
        `Cannot read the wall clock of ${this.timeZone} at ${new Date(
          wholeSecond,
        ).toISOString()}`,
      );
    }
    const [, month, day, year, hour, minute, second] = parts.map(Number);
    return wallClock(year, month, day, hour, minute, second) - wholeSecond;
  }

  private yearOf(instant: number): YearOfOffsets {
    const last = this.lastYear;
    if (last && instant >= last.from && instant < last.to) {
      return last;
    }
    const year = civilFromDays(Math.floor(instant / DAY_MS))[0];
    let found = this.years.get(year);
    if (!found) {
      found = this.scanYear(year);
      this.years.set(year, found);
    }
    this.lastYear = found;
    return found;
  }

  private scanYear(year: number): YearOfOffsets {
    const from = daysFromCivil(year, 1, 1) * DAY_MS;
    const to = daysFromCivil(year + 1, 1, 1) * DAY_MS;
    const transitions: number[] = [];
    // The offset just before the year, so that a change at its first
    // instant is found like any other.
    let current = this.measure(from - SECOND_MS);
    const offsets = [current];
    let cursor = from - SECOND_MS;
    while (cursor < to - SECOND_MS) {
      const sample = Math.min(cursor + SAMPLE_MS, to - SECOND_MS);
      const sampled = this.measure(sample);
      if (sampled === current) {
        cursor = sample;
        continue;
      }
      // Bisect (cursor, sample] to the first second whose offset differs.
      let low = cursor;
      let high = sample;
      while (high - low > SECOND_MS) {
        const middle =
          low + Math.floor((high - low) / 2 / SECOND_MS) * SECOND_MS;
        if (this.measure(middle) === current) {
          low = middle;
        } else {
          high = middle;
        }
      }
      current = this.measure(high);
      transitions.push(high);
      offsets.push(current);
      cursor = high;
    }
    return { from, to, transitions, offsets };
  }

  /** Milliseconds east of UTC at `instant` (Go's `loc.lookup(...).offset`). */
  offsetAt(instant: number): number {
    // robfig's searches step a second or a minute at a time, nearly always
    // within the span of the previous answer.
    if (instant >= this.lastSpanFrom && instant < this.lastSpanTo) {
      return this.lastSpanOffset;
    }
    const year = this.yearOf(instant);
    const { transitions, offsets } = year;
    let low = 0;
    let high = transitions.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (transitions[middle] <= instant) {
        low = middle + 1;
      } else {
        high = middle;
      }
    }
    this.lastSpanFrom = low === 0 ? year.from : transitions[low - 1];
    this.lastSpanTo = low === transitions.length ? year.to : transitions[low];
    this.lastSpanOffset = offsets[low];
    return offsets[low];
  }

  /** The first instant in (after, until] where the offset changes, if any. */
  firstTransitionIn(after: number, until: number): number | undefined {
    let cursor = after;
    while (cursor <= until) {
      const year = this.yearOf(cursor);
      const found = year.transitions.find(at => at > after && at <= until);
      if (found !== undefined) {
        return found;
      }
      cursor = year.to;
    }
    return undefined;
  }

  /**
   * Go's `time.Date(...)` for a wall clock in this zone: the offset at the
   * wall clock read as UTC, then, as Go does, the offset at the instant that
   * guess gives. A skipped or repeated wall clock thus lands on the side of
   * the transition that Go picks, which depends on the offsets' signs.
   */
  instantOf(wall: number): number {
    return wall - this.offsetAt(wall - this.offsetAt(wall));
  }
}
