import {
  nextScheduledRun,
  parseBackupSchedule,
  type ScheduleDialect,
} from '@dr-posture/plugin-disaster-recovery-common';

/**
 * When schedules fire. The strings are read by -common's
 * `parseBackupSchedule`, the reading the posture rules judge them by, so the
 * simulated controllers and the rules never disagree on what a schedule
 * means: Velero's five fields minute-first, descriptors, `@every <Go
 * duration>` and a `CRON_TZ=`/`TZ=` prefix; CloudNativePG's robfig/cron v1
 * `Parse`, six fields seconds-first with the day of week optional (so
 * `0 0 * * *` runs hourly) and no zone prefix.
 */

/** A parsed cadence: the next fire time strictly after `after`. */
export type Cadence = (after: number) => number;

/**
 * Next fire times already computed, per schedule and dialect. Many schedules
 * share an expression (every scale schedule is hourly), so they share the
 * cron arithmetic too.
 */
const nextFireCache = new Map<string, number>();

/**
 * Reads a schedule with -common's `parseBackupSchedule` and times its runs
 * with `nextScheduledRun` (the robfig/cron port), exactly as the posture
 * rules read and time it.
 */
function cadenceOf(schedule: string, dialect: ScheduleDialect): Cadence {
  const parsed = parseBackupSchedule(schedule, dialect);
  if ('error' in parsed) {
    throw new Error(parsed.error);
  }
  if (parsed.kind === 'every') {
    // robfig's ConstantDelaySchedule: the run after `t` is `t` plus the
    // interval, and the controllers pass the previous run as `t`.
    const step = parsed.intervalMs;
    return after => after + step;
  }
  const runAfter = (after: number) => {
    const next = nextScheduledRun(
      { schedule, paused: false },
      dialect,
      new Date(after),
    );
    // No run within robfig's five-year search (e.g. 30 February): never.
    return next === undefined ? Infinity : Date.parse(next);
  };
  if (runAfter(0) === Infinity) {
    throw new Error(`robfig/cron cannot read or never runs: ${schedule}`);
  }
  const prefix = `${dialect}|${schedule}|`;
  return after => {
    const key = prefix + after;
    let next = nextFireCache.get(key);
    if (next === undefined) {
      next = runAfter(after);
      if (nextFireCache.size >= 100_000) {
        nextFireCache.clear();
      }
      nextFireCache.set(key, next);
    }
    return next;
  };
}

/**
 * Parses a Velero Schedule's `spec.schedule`.
 *
 * @throws Error with the reason when the schedule is invalid.
 */
export function veleroCadence(schedule: string): Cadence {
  return cadenceOf(schedule, 'velero');
}

/**
 * Parses a CloudNativePG ScheduledBackup's `spec.schedule`.
 *
 * @throws Error with the reason when the schedule is invalid.
 */
export function cnpgCadence(schedule: string): Cadence {
  return cadenceOf(schedule, 'cloudnative-pg');
}
