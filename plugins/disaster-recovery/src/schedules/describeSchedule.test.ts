import type { EntitySchedule } from '@dr-posture/plugin-disaster-recovery-common';
import { describeSchedule } from './describeSchedule';

const NOW = new Date('2025-06-11T12:07:00Z');

function schedule(overrides: Partial<EntitySchedule>): EntitySchedule {
  return {
    ref: { kind: 'Schedule', cluster: 'prod', namespace: 'velero', name: 's' },
    schedule: '*/15 * * * *',
    paused: false,
    overdue: false,
    ...overrides,
  };
}

describe('describeSchedule', () => {
  it('puts a Velero cron in words with its zone and next run', () => {
    expect(describeSchedule(schedule({}), NOW)).toEqual({
      inWords: 'Every 15 minutes (UTC)',
      nextRunAt: '2025-06-11T12:15:00.000Z',
    });
  });

  it('reads a CloudNativePG schedule with seconds first', () => {
    expect(
      describeSchedule(
        schedule({
          ref: {
            kind: 'ScheduledBackup',
            cluster: 'prod',
            namespace: 'db',
            name: 'nightly',
          },
          schedule: '0 0 2 * * *',
        }),
        NOW,
      ),
    ).toEqual({
      inWords: 'At 02:00 (UTC)',
      nextRunAt: '2025-06-12T02:00:00.000Z',
    });
  });

  it('has no next run while paused', () => {
    expect(describeSchedule(schedule({ paused: true }), NOW).nextRunAt).toBe(
      undefined,
    );
  });

  it('counts an @every schedule from its last backup', () => {
    const description = describeSchedule(
      schedule({
        schedule: '@every 6h',
        lastBackupAt: '2025-06-11T10:00:00Z',
      }),
      NOW,
    );
    expect(description.nextRunAt).toBe('2025-06-11T16:00:00.000Z');
  });

  it('says why a schedule cannot be read', () => {
    expect(
      describeSchedule(schedule({ schedule: 'every tuesday' }), NOW).inWords,
    ).toMatch(/^Unreadable schedule: /);
  });
});
