import { parseBackupSchedule, type ScheduleDialect } from '../cron';
import type { EvidenceRef } from './types';
import { oncePerContext, refOf, type PostureContext } from './context';

/** A Velero Schedule or CloudNativePG ScheduledBackup, seen the same way. */
export interface ScheduleView {
  ref: EvidenceRef;
  dialect: ScheduleDialect;
  schedule: string;
  paused: boolean;
  /** When it was first seen paused after running; absent when unknown. */
  pausedSince?: string;
  /** Velero marks a schedule it cannot read `FailedValidation`; CloudNativePG's spec cannot be parsed. */
  failedValidation: boolean;
  /**
   * Whether the controller accepted it: a Velero Schedule runs only once
   * Velero has validated it (`Enabled`); one still `New`, or without a
   * status, is not known to run. CloudNativePG reports no such phase.
   */
  validated: boolean;
  createdAt?: string;
  /** When the schedule last started a backup, however that backup ended. */
  lastRunAt?: string;
  /**
   * Its newest backup still `New` or `InProgress`: Velero starts no run of
   * a schedule while one is (checkIfBackupInNewOrProgress), so a hung
   * backup stops the schedule.
   */
  unfinishedBackup?: { ref: EvidenceRef; startedAt?: string };
}

const UNFINISHED_PHASES = new Set(['New', 'InProgress']);

function latest(times: Array<string | undefined>): string | undefined {
  let newest: string | undefined;
  let newestMs = -Infinity;
  for (const time of times) {
    const ms = time === undefined ? NaN : Date.parse(time);
    if (ms > newestMs) {
      newest = time;
      newestMs = ms;
    }
  }
  return newest;
}

/** The entity's Velero schedules and the ScheduledBackups of its PostgreSQL clusters. */
export const entitySchedules = oncePerContext(
  (context: PostureContext): ScheduleView[] => {
    const velero = context.coverage.schedules.map<ScheduleView>(schedule => {
      const runs = context.coverage.backups.filter(
        b =>
          b.scheduleName === schedule.name &&
          b.cluster === schedule.cluster &&
          b.namespace === schedule.namespace,
      );
      const startOf = (b: (typeof runs)[number]) => b.startedAt ?? b.createdAt;
      const unfinishedAt = latest(
        runs.filter(b => UNFINISHED_PHASES.has(b.phase ?? '')).map(startOf),
      );
      const unfinished =
        unfinishedAt === undefined
          ? undefined
          : runs.find(
              b =>
                UNFINISHED_PHASES.has(b.phase ?? '') &&
                startOf(b) === unfinishedAt,
            );
      return {
        ref: refOf('Schedule', schedule),
        dialect: 'velero',
        schedule: schedule.schedule,
        paused: schedule.paused,
        pausedSince: schedule.paused ? schedule.pausedSince : undefined,
        failedValidation: schedule.phase === 'FailedValidation',
        validated: schedule.phase === 'Enabled',
        createdAt: schedule.createdAt,
        lastRunAt: latest([schedule.lastBackupAt, ...runs.map(startOf)]),
        ...(unfinished
          ? {
              unfinishedBackup: {
                ref: refOf('Backup', unfinished),
                startedAt: unfinishedAt,
              },
            }
          : {}),
      };
    });
    const postgres = context.postgres.scheduledBackups.map<ScheduleView>(
      scheduled => ({
        ref: refOf('ScheduledBackup', scheduled),
        dialect: 'cloudnative-pg',
        schedule: scheduled.schedule,
        paused: scheduled.suspended,
        pausedSince: scheduled.suspended ? scheduled.pausedSince : undefined,
        // CloudNativePG reports no phase: a spec its cron library cannot
        // read (a CRON_TZ= prefix, a bad field) never runs.
        failedValidation:
          'error' in parseBackupSchedule(scheduled.schedule, 'cloudnative-pg'),
        validated: true,
        createdAt: scheduled.createdAt,
        lastRunAt: latest([
          scheduled.lastScheduleAt,
          ...context.postgres.backups
            .filter(
              b =>
                b.scheduledBackupName === scheduled.name &&
                b.cluster === scheduled.cluster &&
                b.namespace === scheduled.namespace,
            )
            .map(b => b.startedAt ?? b.createdAt),
        ]),
      }),
    );
    return [...velero, ...postgres];
  },
);
