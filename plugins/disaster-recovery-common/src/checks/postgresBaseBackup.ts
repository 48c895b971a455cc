import { parseBackupSchedule, scheduleTiming } from '../cron';
import { formatDuration } from '../durations';
import type {
  PostgresClusterRecord,
  PostgresScheduledBackupRecord,
} from '../records';
import {
  describeRef,
  millisecondsSince,
  refOf,
  type PostureContext,
} from './context';
import { defineCheck, verdict } from './definition';
import {
  archivingStoppedAt,
  postgresBackupSetup,
  postgresBackupsOf,
  scheduledBackupsOf,
} from './postgresBackups';
import { recoveryWindowOf } from './postgresRecoveryWindow';
import { postgresClustersToJudge } from './postgresScope';
import type { EvidenceRef } from './types';
import { verdictOfFindings, type Finding } from './findings';

interface ClusterJudgement {
  refs: EvidenceRef[];
  findings: Finding[];
  lastBaseBackupAt?: string;
  /** What a restore can reach: now while WAL archiving works, else when it stopped. */
  recoveryPoint: string;
}

/** Phases after which CloudNativePG does no more work on a Backup. */
export const FINISHED_POSTGRES_BACKUP_PHASES = new Set([
  'completed',
  'failed',
  'walArchivingFailing',
]);

function newest(times: Array<string | undefined>): string | undefined {
  let best: string | undefined;
  for (const time of times) {
    if (time !== undefined && (!best || Date.parse(time) > Date.parse(best)))
      best = time;
  }
  return best;
}

/**
 * robfig/cron v1, which CloudNativePG uses to read ScheduledBackups, knows
 * no `CRON_TZ=` prefix (v3 added it): the whole string is refused and the
 * ScheduledBackup never starts a backup.
 */
function hasCronTz(scheduled: PostgresScheduledBackupRecord): boolean {
  return scheduled.schedule.trimStart().startsWith('CRON_TZ=');
}

function judgeSchedules(
  context: PostureContext,
  scheduled: PostgresScheduledBackupRecord[],
  intervalMs: number,
): { findings: Finding[]; firstDueAt?: number } {
  const policy = formatDuration(intervalMs);
  const findings: Finding[] = scheduled.filter(hasCronTz).map(s => ({
    status: 'fail',
    text: `${describeRef(s)} ("${
      s.schedule
    }") starts with CRON_TZ=, which CloudNativePG's cron library (robfig/cron v1) cannot read, so it never takes a backup; remove the prefix and write the time in the operator's time zone (UTC)`,
  }));
  const active = scheduled.filter(s => !s.suspended && !hasCronTz(s));
  if (active.length === 0) {
    const suspended = scheduled.filter(s => s.suspended);
    if (suspended.length > 0) {
      findings.push({
        status: 'fail',
        text: `${suspended.map(describeRef).join(', ')} ${
          suspended.length === 1 ? 'is' : 'are'
        } suspended, so no base backups are taken; resume ${
          suspended.length === 1 ? 'it' : 'one'
        }`,
      });
    } else if (findings.length === 0) {
      findings.push({
        status: 'fail',
        text: `no ScheduledBackup takes base backups; add one that runs at least every ${policy}`,
      });
    }
    return { findings };
  }
  const timed = active.map(s => {
    const parsed = parseBackupSchedule(s.schedule, 'cloudnative-pg');
    const timing =
      'error' in parsed ? parsed : scheduleTiming(parsed, context.now);
    return { s, timing };
  });
  for (const { s, timing } of timed) {
    if ('error' in timing) {
      findings.push({
        status: 'unknown',
        text: `${describeRef(s)} ("${s.schedule}") cannot be read: ${
          timing.error
        }`,
      });
    }
  }
  const readable = timed.flatMap(({ s, timing }) =>
    'error' in timing ? [] : [{ s, cadenceMs: timing.cadenceMs }],
  );
  if (readable.length === 0) return { findings };
  const quickest = readable.reduce((a, b) =>
    b.cadenceMs < a.cadenceMs ? b : a,
  );
  if (quickest.cadenceMs > intervalMs) {
    findings.push({
      status: 'fail',
      text: `the quickest ScheduledBackup, ${describeRef(quickest.s)} ("${
        quickest.s.schedule
      }"), runs only every ${formatDuration(
        quickest.cadenceMs,
      )}, longer than the ${policy} the policy requires between base backups`,
    });
  }
  // A new ScheduledBackup has not had to run yet: with `immediate` it runs
  // at creation, otherwise at its first tick.
  const firstDue = readable.flatMap(({ s, cadenceMs }) =>
    s.createdAt === undefined
      ? []
      : [Date.parse(s.createdAt) + (s.immediate ? 0 : cadenceMs)],
  );
  return {
    findings,
    firstDueAt: firstDue.length > 0 ? Math.max(...firstDue) : undefined,
  };
}

function judgeCluster(
  context: PostureContext,
  cluster: PostgresClusterRecord,
  intervalMs: number,
): ClusterJudgement {
  const name = describeRef(cluster);
  const scheduled = scheduledBackupsOf(context, cluster);
  const backups = postgresBackupsOf(context, cluster);
  const refs = [
    refOf('Cluster', cluster),
    ...scheduled.map(s => refOf('ScheduledBackup', s)),
  ];
  const stoppedAt = archivingStoppedAt(cluster);
  const recoveryPoint = stoppedAt ?? context.now.toISOString();
  const setup = postgresBackupSetup(cluster);
  if (setup === 'none') {
    return {
      refs,
      recoveryPoint,
      findings: [
        {
          status: 'fail',
          text: `${name} has no backup configured: no WAL archiving and no base backups, so it cannot be recovered at all; configure spec.backup.barmanObjectStore or the barman-cloud plugin`,
        },
      ],
    };
  }
  const schedules = judgeSchedules(context, scheduled, intervalMs);
  const findings = schedules.findings.map(f => ({
    ...f,
    text: `${name}: ${f.text}`,
  }));
  const { window } = recoveryWindowOf(context, cluster);
  const finished = backups
    .filter(
      b =>
        b.phase !== undefined && FINISHED_POSTGRES_BACKUP_PHASES.has(b.phase),
    )
    .map(b => ({ b, at: b.stoppedAt ?? b.startedAt ?? b.createdAt }))
    .filter((x): x is { b: typeof x.b; at: string } => x.at !== undefined)
    .sort((x, y) => Date.parse(y.at) - Date.parse(x.at));
  const lastBaseBackupAt = newest([
    finished.find(x => x.b.phase === 'completed')?.at,
    window?.lastSuccessfulBackupAt,
  ]);
  const latest = finished[0];
  if (latest && latest.b.phase !== 'completed') {
    refs.push(refOf('Backup', latest.b));
    findings.push({
      status: 'fail',
      text: `${name}: the latest base backup ${describeRef(latest.b)} ${
        latest.b.phase === 'failed'
          ? 'failed'
          : 'ended with WAL archiving failing'
      }${latest.b.error ? ` (${latest.b.error})` : ''}`,
    });
  } else if (
    window?.lastFailedBackupAt !== undefined &&
    (lastBaseBackupAt === undefined ||
      Date.parse(window.lastFailedBackupAt) > Date.parse(lastBaseBackupAt))
  ) {
    findings.push({
      status: 'fail',
      text: `${name}: a base backup failed at ${
        window.lastFailedBackupAt
      }, after the last successful one${
        lastBaseBackupAt ? ` at ${lastBaseBackupAt}` : ''
      }`,
    });
  }
  const allowedMs = intervalMs + context.scheduleGraceMs;
  if (lastBaseBackupAt === undefined) {
    const notDueYet =
      schedules.firstDueAt !== undefined &&
      schedules.firstDueAt + context.scheduleGraceMs >= context.now.getTime();
    findings.push(
      notDueYet
        ? {
            status: 'warn',
            text: `${name} has no completed base backup yet; its first is due by ${new Date(
              schedules.firstDueAt! + context.scheduleGraceMs,
            ).toISOString()}`,
          }
        : {
            status: 'fail',
            text: `${name} has no completed base backup, so there is nothing to restore from`,
          },
    );
  } else {
    const ageMs = millisecondsSince(context.now, lastBaseBackupAt);
    const age = `${name}: the last completed base backup was ${formatDuration(
      ageMs,
    )} ago`;
    findings.push(
      ageMs > allowedMs
        ? {
            status: 'fail',
            text: `${age}, more than the ${formatDuration(
              intervalMs,
            )} the policy allows plus ${formatDuration(
              context.scheduleGraceMs,
            )} grace`,
          }
        : { status: 'pass', text: `${age}` },
    );
  }
  if (stoppedAt !== undefined) {
    findings.push({
      status: 'fail',
      text: `${name}: WAL archiving has failed since ${stoppedAt}, so the database can be recovered only up to then, whatever the base backups`,
    });
  }
  return { refs, findings, lastBaseBackupAt, recoveryPoint };
}

export const postgresBaseBackup = defineCheck<
  'postgres-base-backup',
  {
    baseBackupIntervalMs: number;
    lastBaseBackupAt: string[];
    recoveryPoints: string[];
  }
>({
  id: 'postgres-base-backup',
  title: 'PostgreSQL base backups',
  appliesTo: 'Entities with CloudNativePG clusters.',
  docs: "Each CloudNativePG cluster must back up at all (a barman object store, volume snapshots or the barman-cloud plugin: none fails, there is nothing to restore) and take base backups at least as often as the tier's base backup interval (daily by default): an active (not suspended) ScheduledBackup must run that often, and the last completed base backup must be no older than the interval plus the schedule grace. A latest Backup that failed, or a `lastFailedBackup` newer than `lastSuccessfulBackup`, fails. A ScheduledBackup with a `CRON_TZ=` prefix fails: CloudNativePG reads schedules with robfig/cron v1, which refuses it, so it never runs. A new ScheduledBackup is not yet late before its first run (at creation with `immediate`). While WAL archiving fails, the recovery point is when it stopped.",
  scorecard: {
    omitted:
      'WAL archiving health is the PostgreSQL scorecard statement; base backups are judged on the entity page and in the overview.',
  },
  evaluate: context => {
    const scope = postgresClustersToJudge(context);
    if ('result' in scope) return scope.result;
    const { tier } = context.policy;
    if (!tier.ok)
      return verdict('unknown', `No base backup policy: ${tier.reason}`);
    const intervalMs = tier.value.baseBackupIntervalMs;
    const judged = scope.clusters.map(c =>
      judgeCluster(context, c, intervalMs),
    );
    const refs = judged.flatMap(j => j.refs);
    const all = judged.flatMap(j => j.findings);
    const values = {
      baseBackupIntervalMs: intervalMs,
      lastBaseBackupAt: judged.flatMap((j, i) =>
        j.lastBaseBackupAt
          ? [`${describeRef(scope.clusters[i])}: ${j.lastBaseBackupAt}`]
          : [],
      ),
      recoveryPoints: judged.map(
        (j, i) => `${describeRef(scope.clusters[i])}: ${j.recoveryPoint}`,
      ),
    };
    return verdictOfFindings(
      all,
      refs,
      values,
      `, within the ${formatDuration(intervalMs)} base backup policy`,
    );
  },
});
