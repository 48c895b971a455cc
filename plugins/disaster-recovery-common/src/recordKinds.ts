import type {
  BackupStorageLocationRecord,
  BarmanObjectStoreRecord,
  CertificateRecord,
  CollectedObject,
  DataUploadRecord,
  HorizontalPodAutoscalerRecord,
  NodeRecord,
  PodDisruptionBudgetRecord,
  PodVolumeBackupRecord,
  PostgresBackupRecord,
  PostgresClusterRecord,
  PostgresScheduledBackupRecord,
  VeleroBackupRecord,
  VeleroRestoreRecord,
  VeleroScheduleRecord,
  VolumeSnapshotLocationRecord,
  WorkloadControllerRecord,
  WorkloadRecord,
} from './records';

/**
 * The records of the built-in kinds, each under its own key.
 *
 * @public
 */
export interface BuiltInPostureRecords {
  backups?: readonly VeleroBackupRecord[];
  schedules?: readonly VeleroScheduleRecord[];
  restores?: readonly VeleroRestoreRecord[];
  storageLocations?: readonly BackupStorageLocationRecord[];
  volumeSnapshotLocations?: readonly VolumeSnapshotLocationRecord[];
  podVolumeBackups?: readonly PodVolumeBackupRecord[];
  dataUploads?: readonly DataUploadRecord[];
  postgresClusters?: readonly PostgresClusterRecord[];
  objectStores?: readonly BarmanObjectStoreRecord[];
  postgresBackups?: readonly PostgresBackupRecord[];
  postgresScheduledBackups?: readonly PostgresScheduledBackupRecord[];
  workloads?: readonly WorkloadRecord[];
  workloadControllers?: readonly WorkloadControllerRecord[];
  disruptionBudgets?: readonly PodDisruptionBudgetRecord[];
  autoscalers?: readonly HorizontalPodAutoscalerRecord[];
  nodes?: readonly NodeRecord[];
  certificates?: readonly CertificateRecord[];
}

/**
 * The collected records the posture rules read. Pass everything collected
 * (of every cluster); the rules pick the entity's own. A kind left out counts
 * as none collected.
 *
 * @public
 */
export interface PostureRecords extends BuiltInPostureRecords {
  /**
   * Records of kinds without a key of their own, such as kinds a source
   * added through the `-node` extension point collects, by kind id.
   */
  byKind?: Readonly<Record<string, readonly CollectedObject[]>>;
}

/**
 * The key of {@link BuiltInPostureRecords} that holds records of type `R`.
 *
 * @public
 */
export type PostureKeyOf<R> = {
  [K in keyof BuiltInPostureRecords]-?: R extends NonNullable<
    BuiltInPostureRecords[K]
  >[number]
    ? K
    : never;
}[keyof BuiltInPostureRecords];

/**
 * A kind of Kubernetes object the backend collects, declared once: its id
 * (stored with every record), where the API serves it, and where the posture
 * rules find its records. `R` is the record type its parser makes.
 *
 * @public
 */
export interface RecordKind<R extends CollectedObject = CollectedObject> {
  /** Unique across sources, e.g. `velero.io/Backup`. */
  id: string;
  /** e.g. `velero.io/v1`, or `v1` for core objects. */
  apiVersion: string;
  /** e.g. `Backup`. */
  kind: string;
  /** The resource name in API paths, e.g. `backups`. */
  plural: string;
  /** The key of the records in {@link PostureRecords}; without one they are under `byKind[id]`. */
  postureKey?: keyof BuiltInPostureRecords;
  /** Never set: carries the record type for {@link recordsOf}. */
  readonly recordType?: R;
}

/**
 * Declares a record kind whose records have type `R`; a posture key must
 * hold records of that type.
 *
 * @public
 */
export function defineRecordKind<R extends CollectedObject>(
  kind: Omit<RecordKind<R>, 'recordType' | 'postureKey'> & {
    postureKey?: PostureKeyOf<R>;
  },
): RecordKind<R> {
  return kind;
}

/**
 * The kinds the built-in sources collect (Velero, CloudNativePG, the
 * workloads whose labels map services to backups and whose replicas,
 * placement and readiness the availability checks judge, and cert-manager
 * Certificates).
 *
 * @public
 */
export const RECORD_KINDS = {
  veleroBackup: defineRecordKind<VeleroBackupRecord>({
    id: 'velero.io/Backup',
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    plural: 'backups',
    postureKey: 'backups',
  }),
  veleroSchedule: defineRecordKind<VeleroScheduleRecord>({
    id: 'velero.io/Schedule',
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    plural: 'schedules',
    postureKey: 'schedules',
  }),
  veleroRestore: defineRecordKind<VeleroRestoreRecord>({
    id: 'velero.io/Restore',
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    plural: 'restores',
    postureKey: 'restores',
  }),
  veleroStorageLocation: defineRecordKind<BackupStorageLocationRecord>({
    id: 'velero.io/BackupStorageLocation',
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    plural: 'backupstoragelocations',
    postureKey: 'storageLocations',
  }),
  veleroVolumeSnapshotLocation: defineRecordKind<VolumeSnapshotLocationRecord>({
    id: 'velero.io/VolumeSnapshotLocation',
    apiVersion: 'velero.io/v1',
    kind: 'VolumeSnapshotLocation',
    plural: 'volumesnapshotlocations',
    postureKey: 'volumeSnapshotLocations',
  }),
  veleroPodVolumeBackup: defineRecordKind<PodVolumeBackupRecord>({
    id: 'velero.io/PodVolumeBackup',
    apiVersion: 'velero.io/v1',
    kind: 'PodVolumeBackup',
    plural: 'podvolumebackups',
    postureKey: 'podVolumeBackups',
  }),
  veleroDataUpload: defineRecordKind<DataUploadRecord>({
    id: 'velero.io/DataUpload',
    apiVersion: 'velero.io/v2alpha1',
    kind: 'DataUpload',
    plural: 'datauploads',
    postureKey: 'dataUploads',
  }),
  postgresCluster: defineRecordKind<PostgresClusterRecord>({
    id: 'postgresql.cnpg.io/Cluster',
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    plural: 'clusters',
    postureKey: 'postgresClusters',
  }),
  postgresBackup: defineRecordKind<PostgresBackupRecord>({
    id: 'postgresql.cnpg.io/Backup',
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Backup',
    plural: 'backups',
    postureKey: 'postgresBackups',
  }),
  postgresScheduledBackup: defineRecordKind<PostgresScheduledBackupRecord>({
    id: 'postgresql.cnpg.io/ScheduledBackup',
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'ScheduledBackup',
    plural: 'scheduledbackups',
    postureKey: 'postgresScheduledBackups',
  }),
  barmanObjectStore: defineRecordKind<BarmanObjectStoreRecord>({
    id: 'barmancloud.cnpg.io/ObjectStore',
    apiVersion: 'barmancloud.cnpg.io/v1',
    kind: 'ObjectStore',
    plural: 'objectstores',
    postureKey: 'objectStores',
  }),
  namespace: defineRecordKind<CollectedObject>({
    id: 'Namespace',
    apiVersion: 'v1',
    kind: 'Namespace',
    plural: 'namespaces',
  }),
  pod: defineRecordKind<WorkloadRecord>({
    id: 'Pod',
    apiVersion: 'v1',
    kind: 'Pod',
    plural: 'pods',
    postureKey: 'workloads',
  }),
  persistentVolumeClaim: defineRecordKind<WorkloadRecord>({
    id: 'PersistentVolumeClaim',
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    plural: 'persistentvolumeclaims',
    postureKey: 'workloads',
  }),
  node: defineRecordKind<NodeRecord>({
    id: 'Node',
    apiVersion: 'v1',
    kind: 'Node',
    plural: 'nodes',
    postureKey: 'nodes',
  }),
  deployment: defineRecordKind<WorkloadControllerRecord>({
    id: 'apps/Deployment',
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    plural: 'deployments',
    postureKey: 'workloadControllers',
  }),
  statefulSet: defineRecordKind<WorkloadControllerRecord>({
    id: 'apps/StatefulSet',
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    plural: 'statefulsets',
    postureKey: 'workloadControllers',
  }),
  podDisruptionBudget: defineRecordKind<PodDisruptionBudgetRecord>({
    id: 'policy/PodDisruptionBudget',
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    plural: 'poddisruptionbudgets',
    postureKey: 'disruptionBudgets',
  }),
  horizontalPodAutoscaler: defineRecordKind<HorizontalPodAutoscalerRecord>({
    id: 'autoscaling/HorizontalPodAutoscaler',
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    plural: 'horizontalpodautoscalers',
    postureKey: 'autoscalers',
  }),
  certificate: defineRecordKind<CertificateRecord>({
    id: 'cert-manager.io/Certificate',
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    plural: 'certificates',
    postureKey: 'certificates',
  }),
} as const;

/**
 * The records of one kind: under its key, or in `byKind` for kinds without
 * one. Kinds sharing a key (pods and PVCs, Deployments and StatefulSets)
 * get the records of both.
 *
 * @public
 */
export function recordsOf<R extends CollectedObject>(
  kind: RecordKind<R>,
  records: PostureRecords,
): readonly R[] {
  const found = kind.postureKey
    ? records[kind.postureKey]
    : records.byKind?.[kind.id];
  return (found ?? []) as readonly R[];
}

/**
 * Puts each kind's records where the posture rules find them.
 *
 * @public
 */
export function postureRecordsOf(
  loaded: Iterable<{
    kind: RecordKind<CollectedObject>;
    records: readonly CollectedObject[];
  }>,
): PostureRecords {
  const byKey: Record<string, CollectedObject[]> = {};
  const byKind: Record<string, CollectedObject[]> = {};
  for (const { kind, records } of loaded) {
    const [target, key] = kind.postureKey
      ? [byKey, kind.postureKey]
      : [byKind, kind.id];
    target[key] = [...(target[key] ?? []), ...records];
  }
  return { ...byKey, byKind } as PostureRecords;
}
