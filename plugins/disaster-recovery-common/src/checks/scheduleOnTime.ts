import { parseBackupSchedule, scheduleTiming } from '../cron';
import { formatDuration } from '../durations';
import { describeRef, millisecondsSince } from './context';
import { defineCheck, verdict } from './definition';
import { entitySchedules, type ScheduleView } from './entitySchedules';

/** Whether a schedule ran when it should have. */
export type ScheduleVerdict =
  | { state: 'on-time' }
  | { state: 'overdue'; expectedAt: string; overdueMs: number }
  | { state: 'unreadable'; reason: string };

/**
 * When the schedule should last have run, given a grace period for the
 * backup to start: for cron schedules the last run due before `now - grace`;
 * for `@every` schedules one interval after the previous run (or the
 * schedule's creation), as Velero counts them.
 */
export function judgeScheduleOnTime(
  view: ScheduleView,
  now: Date,
  graceMs: number,
): ScheduleVerdict {
  const parsed = parseBackupSchedule(view.schedule, view.dialect);
  if ('error' in parsed) return { state: 'unreadable', reason: parsed.error };
  let expectedAt: number;
  if (parsed.kind === 'every') {
    const from = view.lastRunAt ?? view.createdAt;
    if (from === undefined)
      return {
        state: 'unreadable',
        reason: 'it has no creation time or last run to count from',
      };
    expectedAt = Date.parse(from) + parsed.intervalMs;
    if (expectedAt + graceMs >= now.getTime()) return { state: 'on-time' };
  } else {
    const timing = scheduleTiming(parsed, new Date(now.getTime() - graceMs));
    if ('error' in timing) return { state: 'unreadable', reason: timing.error };
    expectedAt = Date.parse(timing.previousRunAt!);
    const createdAfter =
      view.createdAt !== undefined && Date.parse(view.createdAt) > expectedAt;
    const ranSince =
      view.lastRunAt !== undefined && Date.parse(view.lastRunAt) >= expectedAt;
    if (createdAfter || ranSince) return { state: 'on-time' };
  }
  return {
    state: 'overdue',
    expectedAt: new Date(expectedAt).toISOString(),
    overdueMs: now.getTime() - expectedAt,
  };
}

export const scheduleOnTime = defineCheck<
  'schedule-on-time',
  { overdueSchedules: string[]; graceMs: number }
>({
  id: 'schedule-on-time',
  title: 'Schedule on time',
  appliesTo:
    'Entities with active Velero Schedules or CloudNativePG ScheduledBackups.',
  docs: "No active schedule may be overdue: each must have started a backup since its last expected run, once a grace period has passed. Whether that backup succeeded is the freshness check's concern. An overdue Velero schedule with a backup still New or InProgress names it: Velero starts no run of a schedule while one is, so a hung backup stops it. While Velero has not validated a schedule that is not paused (no `Enabled` phase yet), the check cannot pass.",
  scorecard: {
    omitted:
      'Whether the latest backup ran is already judged by backup freshness, which scorecards carry.',
  },
  evaluate: context => {
    const active = entitySchedules(context).filter(
      s => !s.paused && s.validated && !s.failedValidation,
    );
    if (active.length === 0) {
      return verdict(
        'unknown',
        'No active schedule covers this entity, so none can be on time.',
      );
    }
    const refs = active.map(schedule => schedule.ref);
    const verdicts = active.map(view => ({
      view,
      judged: judgeScheduleOnTime(view, context.now, context.scheduleGraceMs),
    }));
    const grace = formatDuration(context.scheduleGraceMs);
    const overdue = verdicts.flatMap(({ view, judged }) =>
      judged.state === 'overdue' ? [{ view, judged }] : [],
    );
    if (overdue.length > 0) {
      const worst = overdue.reduce((a, b) =>
        b.judged.overdueMs > a.judged.overdueMs ? b : a,
      );
      const last = worst.view.lastRunAt
        ? `its last run started at ${worst.view.lastRunAt}`
        : 'it has never run';
      const hung = worst.view.unfinishedBackup;
      const why = hung
        ? ` Its backup ${describeRef(hung.ref)} is still in progress${
            hung.startedAt
              ? ` after ${formatDuration(
                  millisecondsSince(context.now, hung.startedAt),
                )}`
              : ''
          }, and Velero starts no run of a schedule while one is: find out why it hangs (velero backup describe --details) or delete it.`
        : '';
      return verdict(
        'fail',
        `${describeRef(worst.view.ref)} ("${
          worst.view.schedule
        }") should have run at ${worst.judged.expectedAt}, ${formatDuration(
          worst.judged.overdueMs,
        )} ago (more than the ${grace} grace), but ${last}.${why}`,
        hung ? [...refs, hung.ref] : refs,
        {
          overdueSchedules: overdue.map(o => describeRef(o.view.ref)),
          graceMs: context.scheduleGraceMs,
        },
      );
    }
    const unreadable = verdicts.flatMap(({ view, judged }) =>
      judged.state === 'unreadable'
        ? [`${describeRef(view.ref)} ("${view.schedule}"): ${judged.reason}`]
        : [],
    );
    if (unreadable.length > 0) {
      return verdict(
        'unknown',
        `Cannot tell whether every schedule is on time. ${unreadable.join(
          ' ',
        )}`,
        refs,
      );
    }
    // One Velero has not validated yet may run or not: no pass without it.
    const unvalidated = entitySchedules(context).filter(
      s => !s.paused && !s.validated && !s.failedValidation,
    );
    if (unvalidated.length > 0) {
      return verdict(
        'unknown',
        `Velero has not validated ${unvalidated
          .map(s => describeRef(s.ref))
          .join(
            ', ',
          )} yet, so whether every schedule starts its backups on time is not known.`,
        [...refs, ...unvalidated.map(s => s.ref)],
      );
    }
    return verdict(
      'pass',
      `Every active schedule (${active.length}) has started a backup since its last expected run, allowing ${grace} of grace.`,
      refs,
      { overdueSchedules: [], graceMs: context.scheduleGraceMs },
    );
  },
});
