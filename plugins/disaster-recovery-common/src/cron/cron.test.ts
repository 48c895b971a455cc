import { parseBackupSchedule } from './parseBackupSchedule';
import { scheduleTiming } from './scheduleTiming';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = new Date('2025-06-11T10:30:00Z'); // a Wednesday

describe('parseBackupSchedule and scheduleTiming', () => {
  it.each([
    [
      'hourly Velero cron',
      '0 * * * *',
      'velero',
      HOUR,
      '2025-06-11T10:00:00.000Z',
    ],
    [
      'every 15 minutes, a run due exactly now is not yet previous',
      '*/15 * * * *',
      'velero',
      15 * MINUTE,
      '2025-06-11T10:15:00.000Z',
    ],
    [
      'weekdays 9–17: the longest gap is the weekend',
      '0 9-17 * * 1-5',
      'velero',
      64 * HOUR,
      '2025-06-11T10:00:00.000Z',
    ],
    ['Sundays', '0 3 * * 0', 'velero', 7 * DAY, '2025-06-08T03:00:00.000Z'],
    [
      // 02:30 does not exist in Berlin on 2026-03-29: robfig skips that
      // day's run, so the gap is from 02:30 CET on the 28th to 02:30 CEST
      // on the 30th, 48 h less the hour the clocks jumped.
      'CRON_TZ: a run time the spring-forward night skips',
      'CRON_TZ=Europe/Berlin 30 2 * * *',
      'velero',
      47 * HOUR,
      '2025-06-11T00:30:00.000Z',
    ],
    [
      // 02:00 is the very time Berlin's clocks skip in spring: that run is
      // skipped too.
      'CRON_TZ: 02:00 in Berlin is 00:00 UTC in summer',
      'CRON_TZ=Europe/Berlin 0 2 * * *',
      'velero',
      47 * HOUR,
      '2025-06-11T00:00:00.000Z',
    ],
    [
      // The fall-back day has 25 real hours between two 06:30 runs.
      'TZ prefix',
      'TZ=America/New_York 30 6 * * *',
      'velero',
      25 * HOUR,
      '2025-06-10T10:30:00.000Z',
    ],
    ['a descriptor', '@daily', 'velero', DAY, '2025-06-11T00:00:00.000Z'],
    [
      'monthly: the longest month',
      '0 0 1 * *',
      'velero',
      31 * DAY,
      '2025-06-01T00:00:00.000Z',
    ],
    [
      'first half of each month: the gap after the 15th of a 31-day month',
      '0 * 1-15 * *',
      'velero',
      16 * DAY + HOUR,
      '2025-06-11T10:00:00.000Z',
    ],
    [
      'CNPG six fields, seconds first',
      '0 0 0 * * *',
      'cloudnative-pg',
      DAY,
      '2025-06-11T00:00:00.000Z',
    ],
    [
      'CNPG five fields read seconds first: hourly, not daily',
      '0 0 * * *',
      'cloudnative-pg',
      HOUR,
      '2025-06-11T10:00:00.000Z',
    ],
    [
      'CNPG at 30 seconds past every half hour',
      '30 */30 * * * *',
      'cloudnative-pg',
      30 * MINUTE,
      '2025-06-11T10:00:30.000Z',
    ],
  ] as const)('%s: "%s"', (_case, text, dialect, cadenceMs, previousRunAt) => {
    const parsed = parseBackupSchedule(text, dialect);
    if ('error' in parsed) throw new Error(parsed.error);
    expect(scheduleTiming(parsed, NOW)).toEqual({ cadenceMs, previousRunAt });
  });

  it.each([
    ['@every 6h', 6 * HOUR],
    ['@every 1h30m', 90 * MINUTE],
    ['CRON_TZ=UTC @every 15m', 15 * MINUTE],
    // robfig/cron runs at least once a second, in whole seconds.
    ['@every 500ms', 1000],
    ['@every 90.5s', 90 * 1000],
  ])(
    '@every: "%s" runs every %d ms counted from the last run',
    (text, intervalMs) => {
      const parsed = parseBackupSchedule(text, 'velero');
      expect(parsed).toMatchObject({ kind: 'every', intervalMs });
      if ('error' in parsed) throw new Error(parsed.error);
      expect(scheduleTiming(parsed, NOW)).toEqual({ cadenceMs: intervalMs });
    },
  );

  it('notes how CloudNativePG reads five fields', () => {
    expect(parseBackupSchedule('0 0 * * *', 'cloudnative-pg')).toMatchObject({
      expression: '0 0 * * * *',
      interpretation: expect.stringContaining(
        'five fields as second minute hour',
      ),
    });
  });

  it.each([
    ['0 0 * * * *', 'velero', 'Velero schedules have 5 fields'],
    ['* * * *', 'cloudnative-pg', 'CloudNativePG schedules have 6 fields'],
    [
      'CRON_TZ=Mars/Olympus 0 2 * * *',
      'velero',
      '"Mars/Olympus" is not a known time zone',
    ],
    ['@every soon', 'velero', 'time: invalid duration "soon"'],
    // Go durations have no days: Velero refuses the schedule.
    ['@every 1d', 'velero', 'time: unknown unit "d" in duration "1d"'],
    ['@fortnightly', 'velero', 'not a cron descriptor'],
    [
      'CRON_TZ=Europe/Berlin 0 0 2 * * *',
      'cloudnative-pg',
      'robfig/cron v1, which has no CRON_TZ=/TZ= prefix',
    ],
  ] as const)('rejects "%s" (%s)', (text, dialect, error) => {
    expect(parseBackupSchedule(text, dialect)).toEqual({
      error: expect.stringContaining(error),
    });
  });

  it.each([
    ['61 * * * *', 'The schedule cannot be read: '],
    // robfig/cron's weekdays are 0–6: Velero refuses Sunday written as 7.
    ['0 3 * * 7', 'The schedule cannot be read: '],
    ['0 0 30 2 *', 'never runs'],
  ])('reports a schedule the controller cannot run: "%s"', (text, error) => {
    const parsed = parseBackupSchedule(text, 'velero');
    if ('error' in parsed) throw new Error(parsed.error);
    expect(scheduleTiming(parsed, NOW)).toEqual({
      error: expect.stringContaining(error),
    });
  });
});
