import { backupScopeIncludesKind } from '../coverage';
import { formatDuration } from '../durations';
import type { VeleroBackupRecord } from '../records';
import {
  describeRef,
  millisecondsSince,
  plural,
  refOf,
  type PostureContext,
  veleroCoverageProblem,
} from './context';
import { defineCheck, verdict } from './definition';
import { archivingStoppedAt, postgresBackupSetup } from './postgresBackups';
import { CONTINUOUS_ARCHIVING } from './postgresScope';
import {
  backupTime,
  FINISHED_BACKUP_PHASES,
  isCleanRecoveryPoint,
  newestFirst,
} from './veleroBackupPhases';
import {
  backupVolumeData,
  entityHasVolumeData,
  holdsVolumeData,
} from './veleroVolumeData';

const DAY = 24 * 3_600_000;

/** Finished phases that are a backup failure (any failure is critical). */
const FAILURE_PHASES = new Set([
  'Failed',
  'PartiallyFailed',
  'FailedValidation',
]);

/** Phases of a backup Velero is still working on, which may refresh the recovery point. */
const RUNNING_PHASES = new Set([
  'New',
  'Queued',
  'ReadyToStart',
  'InProgress',
  'WaitingForPluginOperations',
  'WaitingForPluginOperationsPartiallyFailed',
  'Finalizing',
  'FinalizingPartiallyFailed',
]);

function describeFailure(backup: VeleroBackupRecord): string {
  if (backup.phase === 'PartiallyFailed') {
    return `partially failed (${plural(backup.errors, 'error')})`;
  }
  const reason = backup.failureReason ? ` (${backup.failureReason})` : '';
  return backup.phase === 'FailedValidation'
    ? `failed validation${reason}`
    : `failed${reason}`;
}

/**
 * The latest finished run of each covering schedule, and the newest finished
 * backup of all (an ad hoc one, or one of a schedule since deleted), each once.
 */
function latestRuns(
  context: PostureContext,
  finished: readonly VeleroBackupRecord[],
): Array<{ schedule?: string; backup: VeleroBackupRecord }> {
  const runs: Array<{ schedule?: string; backup: VeleroBackupRecord }> = [];
  for (const schedule of context.coverage.schedules) {
    const backup = finished.find(
      b =>
        b.scheduleName === schedule.name &&
        b.cluster === schedule.cluster &&
        b.namespace === schedule.namespace,
    );
    if (backup) runs.push({ schedule: describeRef(schedule), backup });
  }
  if (finished[0] && !runs.some(run => run.backup === finished[0])) {
    runs.unshift({ backup: finished[0] });
  }
  return runs;
}

export const backupFreshness = defineCheck<
  'backup-freshness',
  {
    rpoMs: number;
    lastCleanBackupAt: string | null;
    lastCleanBackupAgeMs: number | null;
    latestBackupPhase: string | null;
    warnAfterMs: number;
    failedLatestRuns: string[];
    failuresLast24h: string[];
    volumeDataRequired: boolean;
    walArchivingStoppedAt: string | null;
  }
>({
  id: 'backup-freshness',
  title: 'Backup freshness',
  appliesTo: 'Entities protected by Velero (not PostgreSQL-only entities).',
  docs: 'The age of the last clean (`Completed`, unexpired) Velero backup covering the entity against the RPO — not whether backup jobs exited well. For an entity with PVCs only a backup that captured their data counts (a file-system backup of a pod mounting them, a data-mover upload, or volume snapshots that all completed); a manifests-only backup is named as such. Any backup failure is critical: the latest finished run of every covering schedule is judged, and a `Failed`, `PartiallyFailed` or `FailedValidation` one fails even when another schedule succeeded. The age warns past a share of the RPO (`disasterRecovery.posture.freshnessWarnShare`, default 75 %) unless a backup is running that may refresh it. While WAL archiving of one of the CloudNativePG databases of the entity fails, the recovery point is the older of the last clean backup and when archiving stopped: nothing the database wrote since can be recovered.',
  scorecard: {
    id: 'disasterRecoveryBackupsWithinRpo',
    name: 'Backups within RPO',
    description:
      "The last clean (Completed) backup holding the volume data is younger than the RPO and no covering schedule's latest run failed.",
    fact: 'backupWithinRpo',
  },
  evaluate: context => {
    const problem = veleroCoverageProblem(context);
    if (problem) return problem.verdict;
    const { rpoMs } = context.policy;
    if (!rpoMs.ok) return verdict('unknown', rpoMs.reason);

    const { now } = context;
    const rpo = formatDuration(rpoMs.value);
    const needsData = entityHasVolumeData(context);
    const finished = newestFirst(
      context.coverage.backups.filter(
        b => b.phase && FINISHED_BACKUP_PHASES.has(b.phase),
      ),
    );
    const latest = finished[0];
    const clean = finished.filter(b => isCleanRecoveryPoint(b, now));
    const captureOf = (b: VeleroBackupRecord) =>
      backupVolumeData(context, b).capture;
    const lastClean = clean.find(b => holdsVolumeData(context, b));
    const newerManifestsOnly = clean
      .slice(0, lastClean ? clean.indexOf(lastClean) : clean.length)
      .find(b => captureOf(b) === 'manifests-only');
    const failedRuns = latestRuns(context, finished).filter(run =>
      FAILURE_PHASES.has(run.backup.phase!),
    );
    const recentFailures = finished.filter(
      b =>
        FAILURE_PHASES.has(b.phase!) &&
        millisecondsSince(now, backupTime(b)!) <= DAY,
    );
    const ageMs = lastClean
      ? millisecondsSince(now, backupTime(lastClean)!)
      : undefined;
    // A database whose WAL archiving fails cannot be recovered past the
    // moment it stopped, however fresh the Velero backups of its namespace.
    const stopped = context.postgres.clusters
      .map(cluster => ({ cluster, at: archivingStoppedAt(cluster) }))
      .filter((s): s is { cluster: typeof s.cluster; at: string } => !!s.at)
      .sort((a, b) => Date.parse(a.at) - Date.parse(b.at))[0];
    const stoppedAgeMs = stopped
      ? millisecondsSince(now, stopped.at)
      : undefined;
    // A database that archives WAL but does not say how it goes, or failing
    // since an unknown time, has an unknown recovery point.
    const archivingUnknown = context.postgres.clusters.find(cluster => {
      const condition = cluster.conditions.find(
        c => c.type === CONTINUOUS_ARCHIVING,
      );
      return (
        postgresBackupSetup(cluster) !== 'none' &&
        condition?.status !== 'True' &&
        !(condition?.status === 'False' && condition.lastTransitionTime)
      );
    });
    const notBackedUp = context.postgres.clusters.find(
      cluster => postgresBackupSetup(cluster) === 'none',
    );
    const warnAfterMs = Math.floor(rpoMs.value * context.freshnessWarnShare);
    const refs = [
      latest,
      lastClean,
      newerManifestsOnly,
      ...failedRuns.map(run => run.backup),
    ]
      .filter((b, i, all) => b !== undefined && all.indexOf(b) === i)
      .map(b => refOf('Backup', b!));
    const values = {
      rpoMs: rpoMs.value,
      lastCleanBackupAt: lastClean ? backupTime(lastClean)! : null,
      lastCleanBackupAgeMs: ageMs ?? null,
      latestBackupPhase: latest?.phase ?? null,
      warnAfterMs,
      failedLatestRuns: failedRuns.map(run => describeRef(run.backup)),
      failuresLast24h: recentFailures.map(describeRef),
      volumeDataRequired: needsData,
      walArchivingStoppedAt: stopped?.at ?? null,
    };
    const missing = newerManifestsOnly
      ? backupVolumeData(context, newerManifestsOnly).missing
      : [];
    const manifestsNote = newerManifestsOnly
      ? ` ${describeRef(newerManifestsOnly)} ${
          lastClean ? 'is newer but holds' : 'holds'
        } manifests only: ${missing.join(', ')} ${
          missing.length === 1 ? 'was' : 'were'
        } not captured (no file-system backup, volume snapshot or data-mover upload).`
      : '';
    const noCleanPart = needsData
      ? 'no completed backup holding its volume data covers it'
      : 'no completed backup covers it';
    const cleanPart =
      ageMs === undefined
        ? noCleanPart
        : `the last clean backup was ${formatDuration(ageMs)} ago`;
    // The sentence names the latest failed runs; of the other failures of
    // the last 24 h (a schedule failing every 5 minutes fails 288 times a
    // day) it names two at most and counts the rest: all are in the evidence.
    const namedRuns = new Set(failedRuns.map(run => run.backup));
    const earlier = recentFailures.filter(b => !namedRuns.has(b));
    const failureText = (b: VeleroBackupRecord) =>
      `${describeRef(b)} ${describeFailure(b)}`;
    let recentPart = '';
    if (earlier.length === 1) {
      recentPart = ` One earlier failure in the last 24 h: ${failureText(
        earlier[0],
      )}.`;
    } else if (earlier.length > 1) {
      recentPart = ` ${earlier.length} earlier failures in the last 24 h, ${
        earlier.length === 2
          ? earlier.map(failureText).join(' and ')
          : `the newest ${failureText(earlier[0])}`
      }.`;
    }

    if (!latest) {
      return verdict(
        'fail',
        `No finished Velero backup covers this entity, so there is no recovery point within the ${rpo} RPO.`,
        refs,
        values,
      );
    }
    if (failedRuns.length > 0) {
      const named = failedRuns.map(({ schedule, backup }) =>
        schedule
          ? `schedule ${schedule}'s latest run ${describeRef(
              backup,
            )} ${describeFailure(backup)}`
          : `the latest backup ${describeRef(backup)} ${describeFailure(
              backup,
            )}`,
      );
      return verdict(
        'fail',
        `${named.join(
          '; ',
        )}, so it is not a clean recovery point; ${cleanPart}.${recentPart}`.replace(
          /^./,
          first => first.toUpperCase(),
        ),
        refs,
        values,
      );
    }
    if (ageMs === undefined) {
      const undecided = clean.find(b => captureOf(b) === 'unknown');
      if (undecided && !newerManifestsOnly) {
        return verdict(
          'unknown',
          `Whether ${describeRef(
            undecided,
          )} captured this entity's volume data is unknown: it was collected before volume snapshot counts were kept.`,
          refs,
        );
      }
      if (needsData && clean.length > 0) {
        return verdict(
          'fail',
          `No clean backup holds this entity's volume data, so its only recovery point is of manifests.${manifestsNote}`,
          refs,
          values,
        );
      }
      return verdict(
        'fail',
        `No clean (Completed, unexpired) backup covers this entity; the latest, ${describeRef(
          latest,
        )}, is ${latest.phase}.`,
        refs,
        values,
      );
    }
    if (ageMs > rpoMs.value) {
      return verdict(
        'fail',
        `Last clean backup ${formatDuration(ageMs)} ago is ${formatDuration(
          ageMs - rpoMs.value,
        )} older than the ${rpo} RPO.${manifestsNote}`,
        refs,
        values,
      );
    }
    if (stopped && stoppedAgeMs! > rpoMs.value) {
      return verdict(
        'fail',
        `WAL archiving of database ${describeRef(
          stopped.cluster,
        )} has failed since ${
          stopped.at
        }, so nothing it wrote in the last ${formatDuration(
          stoppedAgeMs!,
        )} can be recovered: ${formatDuration(
          stoppedAgeMs! - rpoMs.value,
        )} past the ${rpo} RPO, though the last clean backup was ${formatDuration(
          ageMs,
        )} ago. Fix archiving (see postgres-wal-archiving).`,
        [...refs, refOf('Cluster', stopped.cluster)],
        values,
      );
    }
    if (notBackedUp) {
      return verdict(
        'fail',
        `Database ${describeRef(
          notBackedUp,
        )} has no backup configured (no barman object store, volume snapshots or barman-cloud plugin), so its data has no recovery point at all, whatever the Velero backups hold (see postgres-base-backup).`,
        [...refs, refOf('Cluster', notBackedUp)],
        values,
      );
    }
    if (archivingUnknown) {
      return verdict(
        'unknown',
        `Database ${describeRef(
          archivingUnknown,
        )} does not report since when its WAL archiving works or fails (no dated ContinuousArchiving condition), so how much of its data a restore would lose is unknown; the last clean backup was ${formatDuration(
          ageMs,
        )} ago.`,
        [...refs, refOf('Cluster', archivingUnknown)],
        values,
      );
    }
    if (stopped && stoppedAgeMs! > warnAfterMs) {
      return verdict(
        'warn',
        `WAL archiving of database ${describeRef(
          stopped.cluster,
        )} has failed since ${stopped.at} (${formatDuration(
          stoppedAgeMs!,
        )} ago): its recovery point passes the ${rpo} RPO in ${formatDuration(
          rpoMs.value - stoppedAgeMs!,
        )}. Fix archiving (see postgres-wal-archiving).`,
        [...refs, refOf('Cluster', stopped.cluster)],
        values,
      );
    }
    if (ageMs > warnAfterMs) {
      const refreshing = context.coverage.backups.find(
        b =>
          b.phase !== undefined &&
          RUNNING_PHASES.has(b.phase) &&
          (!needsData || backupScopeIncludesKind(b, 'PersistentVolumeClaim')) &&
          Date.parse(b.startedAt ?? b.createdAt ?? '') >
            Date.parse(backupTime(lastClean!)!),
      );
      if (!refreshing) {
        return verdict(
          'warn',
          `Last clean backup ${formatDuration(ageMs)} ago is past ${Math.round(
            context.freshnessWarnShare * 100,
          )} % of the ${rpo} RPO (${formatDuration(
            warnAfterMs,
          )}) and no backup is running that would refresh it; the RPO is breached in ${formatDuration(
            rpoMs.value - ageMs,
          )}.${manifestsNote}`,
          refs,
          values,
        );
      }
    }
    return verdict(
      'pass',
      `Last clean backup ${formatDuration(
        ageMs,
      )} ago is within the ${rpo} RPO.${manifestsNote}`,
      refs,
      values,
    );
  },
});
