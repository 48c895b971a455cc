import type {
  VeleroBackupRecord,
  VeleroRestoreRecord,
  VeleroScheduleRecord,
} from '../records';

/**
 * The label that marks a Velero Restore as a drill even when it restores
 * into the source namespace (for example into a scratch cluster's copy of
 * it): `disaster-recovery/drill: "true"`.
 *
 * @public
 */
export const DRILL_LABEL = 'disaster-recovery/drill';

/**
 * A Velero Restore that tested a backup without overwriting production.
 *
 * @public
 */
export interface VeleroRestoreTest {
  restore: { cluster: string; namespace: string; name: string };
  backupName: string;
  /** Why it counts as a test rather than a production restore. */
  because: 'another-namespace' | 'another-cluster' | 'drill-label';
  succeeded: boolean;
  phase: string;
  startedAt?: string;
  completedAt?: string;
  /** Completion minus start: how long the restore itself took. */
  durationMs?: number;
  /** Restore start minus backup completion: how old the restored data was. */
  restoredPointAgeMs?: number;
}

const FINISHED_PHASES: Record<string, boolean> = {
  Completed: true,
  PartiallyFailed: false,
  Failed: false,
  FailedValidation: false,
};

function whyATest(
  restore: VeleroRestoreRecord,
  sourceCluster: string,
): VeleroRestoreTest['because'] | undefined {
  if (
    Object.entries(restore.namespaceMapping).some(([from, to]) => from !== to)
  ) {
    return 'another-namespace';
  }
  if (sourceCluster !== restore.cluster) return 'another-cluster';
  if (restore.labels[DRILL_LABEL] === 'true') return 'drill-label';
  // Restored over the source in the source cluster: a production restore.
  return undefined;
}

/** Velero names the backups a schedule makes `<schedule>-<yyyyMMddHHmmss>`. */
const SCHEDULED_BACKUP_NAME = /^(.+)-\d{14}$/;

/**
 * The schedule that made a restored backup which is no longer there (it
 * expired after the restore): named by the restore's `scheduleName`, or read
 * from the backup's name. A schedule in the restore's own cluster wins.
 */
function scheduleOfRestoredBackup(
  restore: VeleroRestoreRecord,
  schedules: readonly VeleroScheduleRecord[],
): VeleroScheduleRecord | undefined {
  const name =
    restore.scheduleName ??
    SCHEDULED_BACKUP_NAME.exec(restore.backupName ?? '')?.[1];
  const named = schedules.filter(s => s.name === name);
  return named.find(s => s.cluster === restore.cluster) ?? named[0];
}

function millisecondsBetween(from?: string, to?: string): number | undefined {
  return from && to ? Date.parse(to) - Date.parse(from) : undefined;
}

/**
 * Finds the finished Velero Restores of the entity's backups that count as
 * restore tests: restored into another namespace (a `namespaceMapping` entry
 * to a different name), in another cluster than the backup was taken in (a
 * DR cluster sharing the storage location), or labelled with
 * {@link DRILL_LABEL}. A restore is the entity's when it restored one of the
 * covering backups, or — once that backup has expired, which for short TTLs
 * is long before the next weekly test — a backup of one of the covering
 * schedules. A `Completed` restore succeeded; `PartiallyFailed`, `Failed`
 * and `FailedValidation` did not.
 *
 * @public
 */
export function findVeleroRestoreTests(
  restores: readonly VeleroRestoreRecord[],
  coveringBackups: readonly VeleroBackupRecord[],
  coveringSchedules: readonly VeleroScheduleRecord[] = [],
): VeleroRestoreTest[] {
  const tests: VeleroRestoreTest[] = [];
  for (const restore of restores) {
    const succeeded = restore.phase
      ? FINISHED_PHASES[restore.phase]
      : undefined;
    if (succeeded === undefined || !restore.backupName) continue;
    const candidates = coveringBackups.filter(
      b => b.name === restore.backupName,
    );
    const backup =
      candidates.find(candidate => candidate.cluster === restore.cluster) ??
      candidates[0];
    const sourceCluster =
      backup?.cluster ??
      scheduleOfRestoredBackup(restore, coveringSchedules)?.cluster;
    if (sourceCluster === undefined) continue;
    const because = whyATest(restore, sourceCluster);
    if (!because) continue;
    tests.push({
      restore: {
        cluster: restore.cluster,
        namespace: restore.namespace,
        name: restore.name,
      },
      backupName: restore.backupName,
      because,
      succeeded,
      phase: restore.phase!,
      startedAt: restore.startedAt,
      completedAt: restore.completedAt,
      durationMs: millisecondsBetween(restore.startedAt, restore.completedAt),
      // Unknown once the backup has expired: its completion time went with it.
      restoredPointAgeMs: millisecondsBetween(
        backup?.completedAt,
        restore.startedAt,
      ),
    });
  }
  return tests;
}
