import { backupScopeIncludesKind, CNPG_CLUSTER_LABEL } from '../coverage';
import type {
  DataUploadRecord,
  PodVolumeBackupRecord,
  VeleroBackupRecord,
  VeleroScheduleRecord,
  WorkloadRecord,
} from '../records';
import { oncePerContext, type PostureContext } from './context';
import { newestFirst } from './veleroBackupPhases';

/**
 * What one backup holds of the entity's volume data:
 * - `not-needed`: the entity has no PVC in the backup's cluster;
 * - `captured`: every PVC of the entity there was captured (a completed
 *   file-system backup of a pod mounting it, a completed data-mover upload,
 *   or volume snapshots that all completed);
 * - `manifests-only`: at least one PVC was not captured, or the backup's
 *   resource filters leave out PVCs;
 * - `unknown`: the record does not say (collected before snapshot counts
 *   were kept).
 *
 * @public
 */
export type VolumeDataCapture =
  | 'not-needed'
  | 'captured'
  | 'manifests-only'
  | 'unknown';

/**
 * A backup's capture of the entity's volume data.
 *
 * @public
 */
export interface BackupVolumeData {
  capture: VolumeDataCapture;
  /** Entity PVCs (`namespace/name`) in the backup's cluster that it did not capture. */
  missing: string[];
  /**
   * Whether every captured PVC's data left the volume's provider: written to
   * the backup storage location by a file-system backup or the data mover.
   * A snapshot that was not moved stays with the volume (not off-site).
   */
  dataInStorageLocation: boolean;
}

const COMPLETED = 'Completed';

const keyOf = (cluster: string, backupName: string) =>
  `${cluster}/${backupName}`;

function groupByBackup<T extends { cluster: string; backupName?: string }>(
  records: readonly T[] | undefined,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records ?? []) {
    if (record.backupName === undefined) continue;
    const key = keyOf(record.cluster, record.backupName);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

/** The per-volume work of the estate's backups, grouped once per records object. */
const volumeWorkCache = new WeakMap<
  object,
  {
    podVolumeBackups: Map<string, PodVolumeBackupRecord[]>;
    dataUploads: Map<string, DataUploadRecord[]>;
  }
>();

function volumeWorkOf(context: PostureContext) {
  const { records } = context;
  let work = volumeWorkCache.get(records);
  if (!work) {
    work = {
      podVolumeBackups: groupByBackup(records.podVolumeBackups),
      dataUploads: groupByBackup(records.dataUploads),
    };
    volumeWorkCache.set(records, work);
  }
  return work;
}

/**
 * Whether a pod or PVC belongs to one of the entity's CloudNativePG
 * clusters: their data is the database's, judged by the PostgreSQL checks
 * (CloudNativePG advises leaving those volumes out of Velero).
 */
function ofEntityDatabase(
  context: PostureContext,
  workload: WorkloadRecord,
): boolean {
  const name = workload.labels[CNPG_CLUSTER_LABEL];
  return (
    name !== undefined &&
    context.postgres.clusters.some(
      c =>
        c.cluster === workload.cluster &&
        c.namespace === workload.namespace &&
        c.name === name,
    )
  );
}

/**
 * The entity's PVC claims per cluster that Velero must capture: its PVCs
 * and the claims its pods mount, but for its databases'.
 */
const entityClaims = oncePerContext(
  (context: PostureContext): Map<string, Set<string>> => {
    const claims = new Map<string, Set<string>>();
    const add = (cluster: string, claim: string) => {
      const set = claims.get(cluster) ?? new Set<string>();
      set.add(claim);
      claims.set(cluster, set);
    };
    for (const workload of context.coverage.workloads) {
      if (ofEntityDatabase(context, workload)) continue;
      if (workload.kind === 'PersistentVolumeClaim') {
        add(workload.cluster, `${workload.namespace}/${workload.name}`);
      }
      for (const volume of workload.volumes ?? []) {
        add(workload.cluster, `${workload.namespace}/${volume.claimName}`);
      }
    }
    return claims;
  },
);

/**
 * Whether the entity has volume data at all, so that its recovery points
 * must capture it.
 *
 * @public
 */
export function entityHasVolumeData(context: PostureContext): boolean {
  return entityClaims(context).size > 0;
}

function podsMounting(
  context: PostureContext,
  cluster: string,
  claim: string,
): Array<{ pod: WorkloadRecord; volume: string }> {
  const [namespace, name] = claim.split('/');
  return context.coverage.workloads.flatMap(pod =>
    pod.kind === 'Pod' && pod.cluster === cluster && pod.namespace === namespace
      ? (pod.volumes ?? [])
          .filter(v => v.claimName === name)
          .map(v => ({ pod, volume: v.name }))
      : [],
  );
}

function snapshotsAllCompleted(backup: VeleroBackupRecord): boolean {
  const counts = [backup.volumeSnapshots, backup.csiVolumeSnapshots];
  const attempted = counts.reduce((sum, c) => sum + (c?.attempted ?? 0), 0);
  const completed = counts.reduce((sum, c) => sum + (c?.completed ?? 0), 0);
  return attempted > 0 && completed === attempted;
}

function judgeBackup(
  context: PostureContext,
  backup: VeleroBackupRecord,
): BackupVolumeData {
  const claims = [...(entityClaims(context).get(backup.cluster) ?? [])];
  if (claims.length === 0) {
    return { capture: 'not-needed', missing: [], dataInStorageLocation: true };
  }
  if (!backupScopeIncludesKind(backup, 'PersistentVolumeClaim')) {
    return {
      capture: 'manifests-only',
      missing: claims,
      dataInStorageLocation: false,
    };
  }
  const work = volumeWorkOf(context);
  const key = keyOf(backup.cluster, backup.name);
  const uploads = work.dataUploads.get(key) ?? [];
  const podVolumes = work.podVolumeBackups.get(key) ?? [];
  // Pods left out by the filters get no file-system backup.
  const podsIncluded = backupScopeIncludesKind(backup, 'Pod');
  const snapshotted = snapshotsAllCompleted(backup);
  const missing: string[] = [];
  let allMoved = true;
  for (const claim of claims) {
    const [namespace, name] = claim.split('/');
    const uploaded = uploads.some(
      u =>
        u.phase === COMPLETED &&
        u.sourceNamespace === namespace &&
        u.sourcePVC === name,
    );
    const fsBackedUp =
      podsIncluded &&
      podsMounting(context, backup.cluster, claim).some(({ pod, volume }) =>
        podVolumes.some(
          p =>
            p.phase === COMPLETED &&
            p.podNamespace === pod.namespace &&
            p.podName === pod.name &&
            p.volume === volume,
        ),
      );
    if (uploaded || fsBackedUp) continue;
    if (snapshotted) {
      allMoved = false;
      continue;
    }
    missing.push(claim);
  }
  if (missing.length === 0) {
    return { capture: 'captured', missing, dataInStorageLocation: allMoved };
  }
  const countsKnown =
    backup.volumeSnapshots !== undefined ||
    backup.csiVolumeSnapshots !== undefined;
  return {
    capture: countsKnown ? 'manifests-only' : 'unknown',
    missing,
    dataInStorageLocation: false,
  };
}

/**
 * What each of the entity's covering backups holds of its volume data,
 * worked out once per entity.
 *
 * @public
 */
export const backupVolumeDataOf = oncePerContext(
  (context: PostureContext): Map<VeleroBackupRecord, BackupVolumeData> =>
    new Map(
      context.coverage.backups.map(backup => [
        backup,
        judgeBackup(context, backup),
      ]),
    ),
);

/**
 * A backup's capture of the entity's volume data (see {@link backupVolumeDataOf}).
 *
 * @public
 */
export function backupVolumeData(
  context: PostureContext,
  backup: VeleroBackupRecord,
): BackupVolumeData {
  return (
    backupVolumeDataOf(context).get(backup) ?? judgeBackup(context, backup)
  );
}

/**
 * Whether a backup is a recovery point of the entity's volume data (or the
 * entity has none in its cluster), not of manifests only.
 *
 * @public
 */
export function holdsVolumeData(
  context: PostureContext,
  backup: VeleroBackupRecord,
): boolean {
  const { capture } = backupVolumeData(context, backup);
  return capture === 'captured' || capture === 'not-needed';
}

/**
 * Whether a schedule's backups capture the entity's volume data: as its
 * newest finished backup whose capture is known did, or, before it has
 * one, unless its template rules it out (PVCs filtered out, or snapshots
 * off with no file-system backup chosen by default or by a pod annotation).
 *
 * @public
 */
export function scheduleCapturesVolumeData(
  context: PostureContext,
  schedule: VeleroScheduleRecord,
): boolean {
  const claims = entityClaims(context).get(schedule.cluster);
  if (!claims || claims.size === 0) return true;
  const { template } = schedule;
  if (!backupScopeIncludesKind(template, 'PersistentVolumeClaim')) {
    return false;
  }
  const judged = newestFirst(
    context.coverage.backups.filter(
      b =>
        b.scheduleName === schedule.name &&
        b.cluster === schedule.cluster &&
        b.namespace === schedule.namespace &&
        (b.phase === 'Completed' || b.phase === 'PartiallyFailed'),
    ),
  ).find(b => backupVolumeData(context, b).capture !== 'unknown');
  if (judged) return backupVolumeData(context, judged).capture === 'captured';
  const optedIn = context.coverage.workloads.some(
    pod =>
      pod.cluster === schedule.cluster &&
      (pod.fsBackupVolumes ?? []).length > 0,
  );
  return (
    template.snapshotVolumes !== false ||
    template.defaultVolumesToFsBackup === true ||
    optedIn
  );
}
