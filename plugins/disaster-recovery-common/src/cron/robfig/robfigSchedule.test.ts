import fc from 'fast-check';
import { longestGapMs, nextRobfigRun, robfigSchedule } from './robfigSchedule';
import { robfigNext } from './robfigNext';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/**
 * The definition `longestGapMs` must equal: walk robfig's runs one by one
 * from `from` until the first run at or past a year later.
 */
function walkedLongestGap(expression: string, zone: string, from: Date) {
  const { spec, zone: offsets } = robfigSchedule(expression, zone);
  const end = from.getTime() + YEAR;
  let run = robfigNext(spec, offsets, from.getTime());
  let longest = 0;
  while (run !== undefined) {
    const following = robfigNext(spec, offsets, run);
    if (following === undefined) return Infinity;
    longest = Math.max(longest, following - run);
    if (following >= end) return longest;
    run = following;
  }
  return Infinity;
}

function runs(expression: string, zone: string, from: string, count: number) {
  const found: string[] = [];
  let after = new Date(from);
  for (let i = 0; i < count; i++) {
    const next = nextRobfigRun(expression, zone, after);
    if (!next) break;
    found.push(next.toISOString());
    after = next;
  }
  return found;
}

// Every expected instant below was reasoned from robfig/cron v3's spec.go
// and also checked against robfig/cron v3.0.1 itself, built with Go.
describe('nextRobfigRun', () => {
  it.each([
    [
      // 02:30 does not exist on 29 March in Berlin (01:59 CET is followed by
      // 03:00 CEST): the hour loop adds real hours from midnight, reads
      // 00, 01, 03, ... and wraps to the next day.
      'a skipped local time is skipped that day',
      '0 30 2 * * *',
      'Europe/Berlin',
      '2026-03-28T00:00:00Z',
      ['2026-03-28T01:30:00.000Z', '2026-03-30T00:30:00.000Z'],
    ],
    [
      // West of UTC the same night: 8 March 2026 in New York has no 02:30.
      'a skipped local time west of UTC',
      '0 30 2 * * *',
      'America/New_York',
      '2026-03-07T12:00:00Z',
      ['2026-03-09T06:30:00.000Z'],
    ],
    [
      // 1 November 2026: 01:59 EDT is followed by 01:00 EST. The minute
      // loop adds real minutes, reaches 01:00 EST, wraps, and finds 01:30
      // again: two runs an hour apart.
      'a repeated local time runs twice',
      '0 30 1 * * *',
      'America/New_York',
      '2026-10-31T12:00:00Z',
      [
        '2026-11-01T05:30:00.000Z',
        '2026-11-01T06:30:00.000Z',
        '2026-11-02T06:30:00.000Z',
      ],
    ],
    [
      // 6 September 2026 in Santiago: 23:59 on the 5th (-04) is followed by
      // 01:00 (-03), so midnight does not exist. The day loop's AddDate
      // lands on 23:00 of the 5th, and robfig's midnight fix adds an hour:
      // 01:00 on Sunday, which the hour field matches.
      'the DST midnight fix (Santiago)',
      '0 0 1 * * 0',
      'America/Santiago',
      '2026-09-05T16:00:00Z',
      ['2026-09-06T04:00:00.000Z', '2026-09-13T04:00:00.000Z'],
    ],
    [
      // Same fix, Havana (8 March 2026, midnight -05 becomes 01:00 -04).
      'the DST midnight fix (Havana)',
      '0 0 1 * * 0',
      'America/Havana',
      '2026-03-07T12:00:00Z',
      ['2026-03-08T05:00:00.000Z', '2026-03-15T05:00:00.000Z'],
    ],
    [
      // Midnight itself is skipped on that Sunday: after the fix the hour
      // is 1, so the hour loop runs on to the next Sunday.
      'a midnight that does not exist is skipped',
      '0 0 0 * * 0',
      'America/Santiago',
      '2026-08-29T16:00:00Z',
      ['2026-08-30T04:00:00.000Z', '2026-09-13T03:00:00.000Z'],
    ],
    [
      // Lord Howe moves 30 minutes (02:00 +10:30 becomes 02:30 +11:00): from
      // 01:00 the minute loop adds real minutes, reads 02:30, and the next
      // minute 0 is 03:00, 90 minutes after 01:00.
      'a half-hour shift (Lord Howe)',
      '0 0 * * * *',
      'Australia/Lord_Howe',
      '2026-10-03T14:30:00Z',
      ['2026-10-03T16:00:00.000Z', '2026-10-03T17:00:00.000Z'],
    ],
    [
      // robfig's five-year limit: no 30 February ever.
      'nothing within five years',
      '0 0 0 30 2 *',
      'UTC',
      '2026-01-01T00:00:00Z',
      [],
    ],
    [
      // Either day field with the star bit makes the day rule an AND: here
      // day-of-month is `*`, so only Mondays run.
      'dom * and dow MON is Mondays only',
      '0 0 12 * * MON',
      'UTC',
      '2026-06-01T12:00:00Z', // a Monday, at the run itself
      ['2026-06-08T12:00:00.000Z'],
    ],
    [
      // Neither has the star: an OR, the 1st and every Monday.
      'dom 1 and dow MON is the 1st or a Monday',
      '0 0 12 1 * MON',
      'UTC',
      '2026-06-22T13:00:00Z', // a Monday, after its run
      ['2026-06-29T12:00:00.000Z', '2026-07-01T12:00:00.000Z'],
    ],
  ])('%s', (_, expression, zone, from, expected) => {
    expect(runs(expression, zone, from, expected.length || 1)).toEqual(
      expected,
    );
  });

  it('is strictly after the given time, to the second', () => {
    expect(
      nextRobfigRun('* * * * * *', 'UTC', new Date('2026-01-01T00:00:00.999Z')),
    ).toEqual(new Date('2026-01-01T00:00:01Z'));
  });

  it('refuses an invalid start time', () => {
    expect(() => nextRobfigRun('0 0 0 * * *', 'UTC', new Date(NaN))).toThrow(
      RangeError,
    );
    expect(() => longestGapMs('0 0 0 * * *', 'UTC', new Date(NaN))).toThrow(
      RangeError,
    );
  });

  it('refuses a zone the runtime does not know, as Go would', () => {
    expect(() =>
      nextRobfigRun('0 0 0 * * *', 'Mars/Olympus', new Date()),
    ).toThrow(
      'provided bad location Mars/Olympus: unknown time zone Mars/Olympus',
    );
  });
});

describe('longestGapMs', () => {
  const FROM = new Date('2026-01-01T00:00:00Z');

  it.each([
    // 02:30 CET on 28 March to 02:30 CEST on 30 March: 48 h less the hour
    // the clocks skipped.
    [
      'daily 02:30 in Berlin skips a night',
      '0 30 2 * * *',
      'Europe/Berlin',
      47 * HOUR,
    ],
    // 01:30 repeats in November (1 h apart) but no gap exceeds a day: the
    // spring night only shortens one gap to 23 h.
    ['daily 01:30 in New York', '0 30 1 * * *', 'America/New_York', 24 * HOUR],
    // 01:00 CET to 03:00 CEST is one real hour: hourly stays hourly.
    ['hourly in Berlin', '0 0 * * * *', 'Europe/Berlin', HOUR],
    ['every minute in Berlin', '0 * * * * *', 'Europe/Berlin', MINUTE],
    // See nextRobfigRun: 01:00 to 03:00 across the 30-minute jump; in April
    // 01:00 +11 to 02:00 +10:30 is 90 minutes as well.
    ['hourly on Lord Howe', '0 0 * * * *', 'Australia/Lord_Howe', 90 * MINUTE],
    // No DST: exactly the fields' gap.
    ['six-hourly in Kolkata', '0 0 */6 * * *', 'Asia/Kolkata', 6 * HOUR],
    // In UTC the gap is the fields' gap: Friday 17:00 to Monday 09:00.
    ['weekdays 9–17 in UTC', '0 0 9-17 * * 1-5', 'UTC', 64 * HOUR],
    // Sunday 03:00: the October Sunday's 03:00 CET comes an hour late.
    ['weekly in Berlin', '0 0 3 * * 0', 'Europe/Berlin', 7 * DAY + HOUR],
    // 1 January to 1 February (and others) are 31 days.
    ['monthly in UTC', '0 0 0 1 * *', 'UTC', 31 * DAY],
    // Months without a 31st are skipped: 31 March to 31 May.
    ['the 31st of each month', '0 0 0 31 * *', 'UTC', 61 * DAY],
    // 29 February 2028 to 29 February 2032.
    ['29 February', '0 0 0 29 2 *', 'UTC', 1461 * DAY],
    // The midnight fix skips Sunday 6 September: 30 August 00:00 -04 to
    // 13 September 00:00 -03.
    [
      'Sunday midnight in Santiago',
      '0 0 0 * * 0',
      'America/Santiago',
      14 * DAY - HOUR,
    ],
    ['never', '0 0 0 30 2 *', 'UTC', Infinity],
  ])('%s', (_, expression, zone, expected) => {
    expect(longestGapMs(expression, zone, FROM)).toBe(expected);
    expect(walkedLongestGap(expression, zone, FROM)).toBe(expected);
  });

  it('throws robfig’s message for a spec robfig refuses', () => {
    expect(() => longestGapMs('0 0 0 * * 7', 'UTC', FROM)).toThrow(
      'end of range (7) above maximum (6): 7',
    );
  });

  it('counts the gap that crosses the end of the window', () => {
    // The one run in the 365 days after 1 January 2026 00:00:01 is
    // 1 January 2027; the gap that counts is from it to 1 January 2028.
    expect(
      longestGapMs('0 0 0 1 1 *', 'UTC', new Date('2026-01-01T00:00:01Z')),
    ).toBe(365 * DAY);
  });

  it('is fast for a schedule firing every minute', () => {
    const started = performance.now();
    longestGapMs(
      '0 * * * * *',
      'America/New_York',
      new Date('2027-02-01T00:00:00Z'),
    );
    // 525,600 searches would take seconds.
    expect(performance.now() - started).toBeLessThan(500);
  });

  const ZONES = [
    'UTC',
    'Europe/Berlin',
    'America/New_York',
    'America/Santiago',
    'America/Havana',
    'America/Sao_Paulo',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'Pacific/Chatham',
    'Antarctica/Troll',
    'Asia/Tehran',
  ];
  const value = (min: number, max: number) =>
    fc.integer({ min, max }).map(String);
  const field = (min: number, max: number) =>
    fc.oneof(
      fc.constant('*'),
      fc.constant('?'),
      value(min, max),
      fc
        .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
        .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
      fc
        .tuple(
          fc.integer({ min, max: min + 2 }),
          fc.integer({ min: 1, max: 7 }),
        )
        .map(([start, step]) => `${start}/${step}`),
      fc
        .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
        .map(([a, b]) => `${a},${b}`),
    );
  // At most a few runs an hour, so that the walk stays quick.
  const expression = fc
    .tuple(
      value(0, 59),
      fc.oneof(value(0, 59), fc.constantFrom('0,30', '*/20', '10-12')),
      field(0, 23),
      fc.oneof(fc.constant('*'), field(1, 31)),
      fc.oneof(fc.constant('*'), field(1, 12)),
      fc.oneof(fc.constant('*'), field(0, 6)),
    )
    .map(fields => fields.join(' '));
  const from = fc.date({
    min: new Date('2020-01-01T00:00:00Z'),
    max: new Date('2030-12-31T00:00:00Z'),
    noInvalidDate: true,
  });

  /** Checks `check` on random (spec, zone, start) triples. */
  const forSchedules = (
    numRuns: number,
    check: (spec: string, zone: string, start: Date) => void,
  ) =>
    fc.assert(fc.property(expression, fc.constantFrom(...ZONES), from, check), {
      numRuns,
    });

  it('equals the run-by-run walk', () => {
    forSchedules(60, (spec, zone, start) => {
      expect(longestGapMs(spec, zone, start)).toBe(
        walkedLongestGap(spec, zone, start),
      );
    });
  });

  it('always moves forward', () => {
    forSchedules(300, (spec, zone, start) => {
      const next = nextRobfigRun(spec, zone, start);
      expect(next === undefined || next.getTime() > start.getTime()).toBe(true);
    });
  });
});
