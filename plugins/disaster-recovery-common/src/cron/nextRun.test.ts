import { nextScheduledRun } from './nextRun';

const NOW = new Date('2025-06-11T12:07:00Z');

describe('nextScheduledRun', () => {
  it.each([
    [
      'a Velero cron schedule',
      '*/15 * * * *',
      'velero',
      '2025-06-11T12:15:00.000Z',
    ],
    [
      'a CRON_TZ prefix',
      'CRON_TZ=Europe/Berlin 0 2 * * *',
      'velero',
      '2025-06-12T00:00:00.000Z',
    ],
    [
      'a CloudNativePG schedule, seconds first',
      '30 0 13 * * *',
      'cloudnative-pg',
      '2025-06-11T13:00:30.000Z',
    ],
  ] as const)(
    'reads %s as its controller does',
    (_case, schedule, dialect, next) => {
      expect(nextScheduledRun({ schedule, paused: false }, dialect, NOW)).toBe(
        next,
      );
    },
  );

  it('counts an @every schedule from its last backup, and knows nothing before one', () => {
    const every = { schedule: '@every 6h', paused: false };
    expect(nextScheduledRun(every, 'velero', NOW)).toBeUndefined();
    expect(
      nextScheduledRun(
        { ...every, lastBackupAt: '2025-06-11T10:00:00Z' },
        'velero',
        NOW,
      ),
    ).toBe('2025-06-11T16:00:00.000Z');
  });

  it('has no next run for a paused or unreadable schedule', () => {
    expect(
      nextScheduledRun({ schedule: '0 * * * *', paused: true }, 'velero', NOW),
    ).toBeUndefined();
    expect(
      nextScheduledRun(
        { schedule: 'every tuesday', paused: false },
        'velero',
        NOW,
      ),
    ).toBeUndefined();
  });
});
