import { backupScopeIncludesKind } from '../coverage/backupScope';
import type { ClusterFacts } from '../environments';
import type {
  PodVolumeBackupRecord,
  VeleroBackupRecord,
  VeleroRestoreRecord,
  VeleroScheduleRecord,
} from '../records';

/**
 * The label that marks a Velero Restore into the source namespace as a
 * drill, for a restore on a cluster known not to be production (a scratch
 * cluster holding a synced copy of the backup). On a production cluster a
 * restore into the source namespace is a restore into production, never a
 * test, whatever its labels: `disaster-recovery/drill: "true"`.
 *
 * @public
 */
export const DRILL_LABEL = 'disaster-recovery/drill';

/**
 * A finished Velero Restore of the entity's backups: a restore test when it
 * restored away from production (`countsAsTest`), or a restore into
 * production, flagged with a warning.
 *
 * @public
 */
export interface VeleroRestoreTest {
  restore: { cluster: string; namespace: string; name: string };
  backupName: string;
  /** Where it restored to, which decides whether it is a test. */
  because:
    | 'another-namespace'
    | 'another-cluster'
    | 'drill-label'
    | 'restore-into-production';
  /** A restore into production, or of PVCs that brings no data back, tests nothing. */
  countsAsTest: boolean;
  /** A test that ended `Completed` with no errors and restored items. */
  succeeded: boolean;
  phase: string;
  /** Why it did not succeed or is not a test; empty when it succeeded. */
  reasons: string[];
  /** Set for a restore into production. */
  warning?: string;
  errors?: number;
  itemsRestored?: number;
  startedAt?: string;
  completedAt?: string;
  /** Restore duration (completion minus start); not an achieved RTO. */
  durationMs?: number;
  /** Restore start minus backup completion: how old the restored data was. */
  restoredPointAgeMs?: number;
}

/**
 * What besides the restores and backups tells a test from a production
 * restore, and a restore that brings data back from one that does not.
 *
 * @public
 */
export interface RestoreTestInputs {
  /** Configured clusters by name, for their role. */
  clusters?: ReadonlyMap<string, ClusterFacts>;
  /** File-system backups, to tell which backups hold file-system data. */
  podVolumeBackups?: readonly PodVolumeBackupRecord[];
}

const FINISHED_PHASES = new Set([
  'Completed',
  'PartiallyFailed',
  'Failed',
  'FailedValidation',
]);

/**
 * Whether the restore put at least one namespace back under its own name:
 * an included namespace not mapped elsewhere, or, restoring everything the
 * backup holds, no mapping that changes a name.
 */
function restoresInPlace(
  restore: VeleroRestoreRecord,
  backup: VeleroBackupRecord | undefined,
): boolean {
  const named = (list: readonly string[] | undefined) =>
    (list ?? []).filter(namespace => namespace !== '*');
  const restored = named(restore.includedNamespaces);
  const namespaces =
    restored.length > 0 ? restored : named(backup?.includedNamespaces);
  if (namespaces.length > 0) {
    return namespaces.some(
      namespace =>
        (restore.namespaceMapping[namespace] ?? namespace) === namespace,
    );
  }
  return !Object.entries(restore.namespaceMapping).some(
    ([from, to]) => from !== to,
  );
}

function whereItRestored(
  restore: VeleroRestoreRecord,
  backup: VeleroBackupRecord | undefined,
  sourceCluster: string,
  role: ClusterFacts['role'] | undefined,
): VeleroRestoreTest['because'] | undefined {
  const inPlace = restoresInPlace(restore, backup);
  if (inPlace && role === 'production') return 'restore-into-production';
  if (!inPlace) return 'another-namespace';
  if (sourceCluster !== restore.cluster) return 'another-cluster';
  // Over the source: a drill only where the cluster is known not to be production.
  if (role !== undefined && restore.labels[DRILL_LABEL] === 'true') {
    return 'drill-label';
  }
  return undefined;
}

/**
 * Why a restore that restores PVCs without their pods brings no volume
 * data back, if it does not: Velero writes file-system backup data into a
 * restored volume from an init container it adds to the restored pod, so
 * without the pods the PVCs come back empty. Snapshot data comes back with
 * the PV, pods or not.
 */
function pvcsWithoutData(
  restore: VeleroRestoreRecord,
  backup: VeleroBackupRecord | undefined,
  podVolumeBackups: readonly PodVolumeBackupRecord[],
): string | undefined {
  const pvcsWithoutPods =
    backupScopeIncludesKind(restore, 'PersistentVolumeClaim') &&
    !backupScopeIncludesKind(restore, 'Pod');
  if (!pvcsWithoutPods) return undefined;
  if (!backup) {
    return 'it restored PVCs without their pods, and whether its backup (gone since) held file-system backup data, which only comes back with the pods, is not known';
  }
  const fileSystemBackup =
    backup.defaultVolumesToFsBackup === true ||
    podVolumeBackups.some(
      pvb => pvb.cluster === backup.cluster && pvb.backupName === backup.name,
    );
  return fileSystemBackup
    ? 'it restored PVCs without their pods from a file-system backup, so no volume data came back (Velero writes that data from an init container of each restored pod)'
    : undefined;
}

function problemsOf(restore: VeleroRestoreRecord): string[] {
  if (restore.phase !== 'Completed') {
    return [
      `it ended ${restore.phase}${
        restore.failureReason ? ` (${restore.failureReason})` : ''
      }`,
    ];
  }
  const problems: string[] = [];
  if (restore.errors > 0) {
    problems.push(
      `it completed with ${restore.errors} error${
        restore.errors === 1 ? '' : 's'
      }`,
    );
  }
  if (restore.itemsRestored === undefined) {
    problems.push('its status does not say how many items it restored');
  } else if (restore.itemsRestored === 0) {
    problems.push('it restored no items');
  }
  return problems;
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
 * Finds the finished Velero Restores of the entity's backups, and tells
 * restore tests from restores into production. A restore is the entity's
 * when it restored one of the covering backups, or — once that backup has
 * expired, which for short TTLs is long before the next weekly test — a
 * backup of one of the covering schedules.
 *
 * - Into the original namespace on a production cluster: a restore into
 *   production, with a warning; never a test, whatever its labels.
 * - Into another namespace (a `namespaceMapping` to a new name), into
 *   another cluster than the backup's (a DR cluster sharing the storage
 *   location), or labelled {@link DRILL_LABEL} on a cluster known not to be
 *   production: a restore test.
 * - PVCs without their pods from a file-system backup: not a test, since
 *   no data came back.
 *
 * A test succeeded only when it ended `Completed` with no errors and
 * restored items.
 *
 * @public
 */
export function findVeleroRestoreTests(
  restores: readonly VeleroRestoreRecord[],
  coveringBackups: readonly VeleroBackupRecord[],
  coveringSchedules: readonly VeleroScheduleRecord[] = [],
  inputs: RestoreTestInputs = {},
): VeleroRestoreTest[] {
  const tests: VeleroRestoreTest[] = [];
  for (const restore of restores) {
    if (!restore.phase || !FINISHED_PHASES.has(restore.phase)) continue;
    if (!restore.backupName) continue;
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
    const role = inputs.clusters?.get(restore.cluster)?.role;
    const because = whereItRestored(restore, backup, sourceCluster, role);
    if (!because) continue;
    const ref = {
      cluster: restore.cluster,
      namespace: restore.namespace,
      name: restore.name,
    };
    const intoProduction = because === 'restore-into-production';
    const noData = intoProduction
      ? undefined
      : pvcsWithoutData(restore, backup, inputs.podVolumeBackups ?? []);
    const reasons = intoProduction
      ? ['it restored into production, not into an isolated namespace']
      : [...(noData ? [noData] : []), ...problemsOf(restore)];
    const countsAsTest = !intoProduction && noData === undefined;
    tests.push({
      restore: ref,
      backupName: restore.backupName,
      because,
      countsAsTest,
      succeeded: countsAsTest && reasons.length === 0,
      phase: restore.phase,
      reasons,
      ...(intoProduction
        ? {
            warning: `Velero restore ${ref.cluster}/${ref.namespace}/${ref.name} restored backup ${restore.backupName} into its original namespace on production cluster ${restore.cluster}. It is not a restore test; if it was not an incident recovery, check what it overwrote.`,
          }
        : {}),
      errors: restore.errors,
      itemsRestored: restore.itemsRestored,
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
