import type { BackupHistoryItem, EntitySchedule } from '../api';
import { scheduleRunStateOf, type ScheduleRunState } from './scheduleRunState';

const schedule: EntitySchedule = {
  ref: {
    kind: 'Schedule',
    cluster: 'prod',
    namespace: 'velero',
    name: 'hourly',
  },
  schedule: '0 * * * *',
  paused: false,
  overdue: false,
  lastBackupAt: '2025-06-11T11:00:00Z',
};

function run(
  hour: number,
  phase: string,
  overrides: Partial<BackupHistoryItem> = {},
): BackupHistoryItem {
  const at = `2025-06-11T${String(hour).padStart(2, '0')}:00:00Z`;
  return {
    ref: {
      kind: 'Backup',
      cluster: 'prod',
      namespace: 'velero',
      name: `hourly-${hour}`,
    },
    source: 'velero',
    phase,
    scheduleName: 'hourly',
    startedAt: at,
    completedAt: at,
    errors: 0,
    warnings: 0,
    ...overrides,
  };
}

describe('scheduleRunStateOf', () => {
  it.each<
    [string, Partial<EntitySchedule>, BackupHistoryItem[], ScheduleRunState]
  >([
    [
      'the latest run succeeded',
      {},
      [run(11, 'Completed'), run(10, 'Failed')],
      { state: 'running', lastRunAt: '2025-06-11T11:00:00Z' },
    ],
    [
      'the latest run failed',
      {},
      [run(11, 'Failed'), run(10, 'Completed')],
      {
        state: 'failing',
        failedRuns: 1,
        lastRunAt: '2025-06-11T11:00:00Z',
        overdue: false,
      },
    ],
    [
      'the last three runs failed or partially failed, in any order given',
      {},
      [
        run(9, 'PartiallyFailed'),
        run(8, 'Completed'),
        run(11, 'Failed'),
        run(10, 'FailedValidation'),
      ],
      {
        state: 'failing',
        failedRuns: 3,
        lastRunAt: '2025-06-11T11:00:00Z',
        overdue: false,
      },
    ],
    [
      'every run read failed, and it is overdue',
      { overdue: true },
      [run(11, 'Failed')],
      {
        state: 'failing',
        failedRuns: 1,
        lastRunAt: '2025-06-11T11:00:00Z',
        overdue: true,
      },
    ],
    [
      'overdue after a success',
      { overdue: true },
      [run(9, 'Completed')],
      { state: 'overdue', lastRunAt: '2025-06-11T09:00:00Z' },
    ],
    [
      'paused, whatever its runs did',
      { paused: true },
      [run(11, 'Failed')],
      { state: 'paused', lastRunAt: '2025-06-11T11:00:00Z' },
    ],
    [
      'paused with no run read: the schedule says when it last ran',
      { paused: true },
      [],
      { state: 'paused', lastRunAt: '2025-06-11T11:00:00Z' },
    ],
    ['no run in the history read', {}, [], { state: 'no-runs' }],
    [
      'runs of other schedules, clusters, namespaces and sources do not count',
      {},
      [
        run(11, 'Failed', { scheduleName: 'daily' }),
        run(11, 'Failed', {
          ref: {
            kind: 'Backup',
            cluster: 'standby',
            namespace: 'velero',
            name: 'x',
          },
        }),
        run(11, 'Failed', {
          ref: {
            kind: 'Backup',
            cluster: 'prod',
            namespace: 'other',
            name: 'x',
          },
        }),
        run(11, 'failed', { source: 'cloudnativepg' }),
        run(11, 'Failed', { scheduleName: undefined }),
      ],
      { state: 'no-runs' },
    ],
    [
      'a run still in progress does not count',
      {},
      [run(11, 'InProgress'), run(10, 'Completed')],
      { state: 'running', lastRunAt: '2025-06-11T10:00:00Z' },
    ],
  ])('%s', (_case, overrides, history, expected) => {
    expect(scheduleRunStateOf({ ...schedule, ...overrides }, history)).toEqual(
      expected,
    );
  });

  it.each<[string, ScheduleRunState]>([
    ['completed', { state: 'running', lastRunAt: '2025-06-11T11:00:00Z' }],
    [
      'walArchivingFailing',
      {
        state: 'failing',
        failedRuns: 1,
        lastRunAt: '2025-06-11T11:00:00Z',
        overdue: false,
      },
    ],
    [
      'failed',
      {
        state: 'failing',
        failedRuns: 1,
        lastRunAt: '2025-06-11T11:00:00Z',
        overdue: false,
      },
    ],
  ])(
    'a CloudNativePG ScheduledBackup whose latest Backup is %s',
    (phase, expected) => {
      expect(
        scheduleRunStateOf(
          {
            ...schedule,
            ref: {
              kind: 'ScheduledBackup',
              cluster: 'prod',
              namespace: 'ledger',
              name: 'hourly',
            },
          },
          [
            run(11, phase, {
              source: 'cloudnativepg',
              ref: {
                kind: 'Backup',
                cluster: 'prod',
                namespace: 'ledger',
                name: 'hourly-11',
              },
            }),
          ],
        ),
      ).toEqual(expected);
    },
  );
});
