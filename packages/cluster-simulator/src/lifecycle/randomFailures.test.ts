import { scheduledBackup } from '../scenarios/cnpgBuilders.ts';
import { veleroSchedule } from '../scenarios/objectBuilders.ts';
import { Millis } from '../time/timestamps.ts';
import { decideCnpgRun } from './cnpgBackupRun.ts';
import { decideBackupRun } from './veleroBackupRun.ts';

const CUT_OFF = Date.parse('2026-11-17T12:00:00Z');
const RUNS = [-3, -2, -1, 0, 1, 2, 3].map(
  hours => CUT_OFF + hours * Millis.hour,
);

const schedule = veleroSchedule({
  name: 'orders-hourly',
  namespace: 'velero',
  schedule: '0 * * * *',
  includedNamespaces: ['orders'],
  ttl: '720h0m0s',
  createdAt: CUT_OFF - 30 * Millis.day,
});

const scheduled = scheduledBackup({
  name: 'orders-db-hourly',
  namespace: 'orders',
  cluster: 'orders-db',
  schedule: '0 0 * * * *',
  method: 'plugin',
  createdAt: CUT_OFF - 30 * Millis.day,
});

describe('randomFailuresUntil', () => {
  it('lets Velero runs fail at random only before the cut-off', () => {
    const phases = RUNS.map(
      firedAt =>
        decideBackupRun({
          seed: 'test',
          cluster: 'prod',
          schedule,
          firedAt,
          policy: {
            failureRate: 1,
            partialFailureRate: 0,
            durationMs: [60_000, 60_000],
            itemCount: [10, 10],
            randomFailuresUntil: CUT_OFF,
          },
          storageLocation: 'default',
          locationPhase: 'Available',
        }).phase,
    );
    expect(phases).toEqual([
      'Failed',
      'Failed',
      'Failed',
      'Completed',
      'Completed',
      'Completed',
      'Completed',
    ]);
  });

  it('still fails every run of a broken Velero schedule after the cut-off', () => {
    const run = decideBackupRun({
      seed: 'test',
      cluster: 'prod',
      schedule,
      firedAt: CUT_OFF + Millis.hour,
      policy: {
        failureRate: 0,
        partialFailureRate: 0,
        durationMs: [60_000, 60_000],
        itemCount: [10, 10],
        failingSince: CUT_OFF - Millis.day,
        randomFailuresUntil: CUT_OFF,
      },
      storageLocation: 'default',
      locationPhase: 'Available',
    });
    expect(run.phase).toBe('Failed');
  });

  it('lets CloudNativePG runs fail at random only before the cut-off', () => {
    const phases = RUNS.map(
      firedAt =>
        decideCnpgRun({
          seed: 'test',
          cluster: 'prod',
          scheduledBackup: scheduled,
          firedAt,
          policy: {
            failureRate: 1,
            durationMs: [60_000, 60_000],
            randomFailuresUntil: CUT_OFF,
          },
          archivingWorks: true,
        }).phase,
    );
    expect(phases).toEqual([
      'failed',
      'failed',
      'failed',
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
  });
});
