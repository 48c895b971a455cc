/**
 * The collected state the posture rules read: what the backend's collector
 * stores per Kubernetes object, reduced to the fields the rules need and
 * normalised across object versions (zero and false fields that real objects
 * omit are filled in; absent status fields stay `undefined`, meaning unknown).
 *
 * All times are ISO 8601 strings in UTC, so that records travel unchanged
 * through the database, the REST API and the browser.
 */

/**
 * A Kubernetes label selector (`metav1.LabelSelector`).
 *
 * @public
 */
export interface LabelSelector {
  matchLabels?: Record<string, string>;
  matchExpressions?: Array<{
    key: string;
    operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
    values?: string[];
  }>;
}

/**
 * Where a collected object lives and when the collector last saw it.
 *
 * @public
 */
export interface CollectedObject {
  /** Cluster name from config. */
  cluster: string;
  /** Empty for cluster-scoped objects. */
  namespace: string;
  name: string;
  uid: string;
  labels: Record<string, string>;
  /** `metadata.creationTimestamp`. */
  createdAt?: string;
  /** When the collector last saw the object in a complete listing. */
  lastSeenAt: string;
  /** Set once a complete listing no longer contains the object. */
  deletedAt?: string;
}

/**
 * What a Velero Backup or a Schedule's backup template covers.
 *
 * @public
 */
export interface VeleroBackupScope {
  /** Empty means every namespace, like `*`. */
  includedNamespaces: string[];
  excludedNamespaces: string[];
  labelSelector?: LabelSelector;
  orLabelSelectors?: LabelSelector[];
  /** Storage location name; absent means the default location. */
  storageLocation?: string;
  /** Go duration (`720h0m0s`); absent means Velero's default of 30 days. */
  ttl?: string;
  /**
   * `snapshotVolumes`. Unset, Velero snapshots persistent volumes when a
   * snapshotter is set up (a VolumeSnapshotLocation for the volume's
   * provider, or CSI), so only the backup's status tells whether it did.
   */
  snapshotVolumes?: boolean;
  /** `defaultVolumesToFsBackup`, or the older `defaultVolumesToRestic`. */
  defaultVolumesToFsBackup?: boolean;
  /** `snapshotMoveData`: snapshots are uploaded to the storage location by the data mover. */
  snapshotMoveData?: boolean;
  /** `includedResources`; absent or empty (or `*`) means every resource. */
  includedResources?: string[];
  excludedResources?: string[];
  /** `includeClusterResources`; absent means Velero decides from the namespace filters. */
  includeClusterResources?: boolean;
}

/**
 * How many of a backup's volume snapshots were attempted and completed.
 *
 * @public
 */
export interface SnapshotCounts {
  attempted: number;
  completed: number;
}

/**
 * A `velero.io/v1` Backup.
 *
 * @public
 */
export interface VeleroBackupRecord extends CollectedObject, VeleroBackupScope {
  /** `status.phase` as reported, e.g. `Completed`, `PartiallyFailed`. */
  phase?: string;
  /** From the `velero.io/schedule-name` label. */
  scheduleName?: string;
  startedAt?: string;
  completedAt?: string;
  expiresAt?: string;
  errors: number;
  warnings: number;
  failureReason?: string;
  /** `status.volumeSnapshotsAttempted`/`Completed` (native snapshotter plugins); absent on records collected before they were kept. */
  volumeSnapshots?: SnapshotCounts;
  /** `status.csiVolumeSnapshotsAttempted`/`Completed`. */
  csiVolumeSnapshots?: SnapshotCounts;
}

/**
 * A `velero.io/v1` VolumeSnapshotLocation: where a provider's native
 * volume snapshots are taken. The snapshots stay with the volume's provider
 * and region unless they are moved.
 *
 * @public
 */
export interface VolumeSnapshotLocationRecord extends CollectedObject {
  provider: string;
  /** `spec.config.region` where the provider has one. */
  region?: string;
}

/**
 * A `velero.io/v1` PodVolumeBackup: the file-system backup of one volume of
 * one pod, made for a backup.
 *
 * @public
 */
export interface PodVolumeBackupRecord extends CollectedObject {
  /** From the `velero.io/backup-name` label Velero sets. */
  backupName?: string;
  podNamespace: string;
  podName: string;
  /** The pod's volume name (`spec.volume`), not the claim name. */
  volume: string;
  /** `New`, `Accepted`, `Prepared`, `InProgress`, `Canceling`, `Canceled`, `Completed`, `Failed`. */
  phase?: string;
  storageLocation?: string;
}

/**
 * A `velero.io/v2alpha1` DataUpload: the data mover moving one PVC's
 * snapshot to the backup storage location, made for a backup.
 *
 * @public
 */
export interface DataUploadRecord extends CollectedObject {
  /** From the `velero.io/backup-name` label Velero sets. */
  backupName?: string;
  sourceNamespace: string;
  sourcePVC: string;
  /** Same phases as a PodVolumeBackup; `Completed` means the data left the volume's provider. */
  phase?: string;
  storageLocation?: string;
}

/**
 * A `velero.io/v1` Schedule.
 *
 * @public
 */
export interface VeleroScheduleRecord extends CollectedObject {
  /** `spec.schedule`: 5-field cron, `@every <duration>`, maybe `CRON_TZ=<zone> `-prefixed. */
  schedule: string;
  paused: boolean;
  phase?: string;
  lastBackupAt?: string;
  template: VeleroBackupScope;
}

/**
 * A `velero.io/v1` Restore.
 *
 * @public
 */
export interface VeleroRestoreRecord extends CollectedObject {
  backupName?: string;
  scheduleName?: string;
  includedNamespaces: string[];
  /** Source namespace → target namespace. */
  namespaceMapping: Record<string, string>;
  phase?: string;
  startedAt?: string;
  completedAt?: string;
  errors: number;
  warnings: number;
  failureReason?: string;
}

/**
 * A `velero.io/v1` BackupStorageLocation.
 *
 * @public
 */
export interface BackupStorageLocationRecord extends CollectedObject {
  provider: string;
  bucket?: string;
  prefix?: string;
  /** `spec.config.region` where the provider has one. */
  region?: string;
  /**
   * Where the bucket is served from when not the provider's own service:
   * `spec.config.s3Url` (an S3-compatible store such as MinIO), or for
   * Azure the storage account's blob endpoint.
   */
  endpoint?: string;
  /** The cloud account holding the bucket: Azure `subscriptionId`, GCP `project`. */
  account?: string;
  /**
   * Whether the bucket keeps objects immutable (object lock / WORM), from the
   * `disaster-recovery/immutable` annotation (`"true"` or `"false"`) on the
   * BackupStorageLocation; Velero's config has no standard key for it.
   * Absent means unknown.
   */
  immutable?: boolean;
  isDefault: boolean;
  accessMode?: string;
  /** `Available` or `Unavailable`; absent means unknown. */
  phase?: string;
  lastValidatedAt?: string;
  message?: string;
}

/**
 * A status condition of a CloudNativePG Cluster.
 *
 * @public
 */
export interface ClusterCondition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastTransitionTime?: string;
}

/**
 * The point-in-time-recovery window of one PostgreSQL server, from the
 * Cluster status (in-tree barman) or from a barman-cloud plugin ObjectStore.
 *
 * @public
 */
export interface RecoveryWindow {
  firstRecoverabilityPoint?: string;
  lastSuccessfulBackupAt?: string;
  lastFailedBackupAt?: string;
}

/**
 * A `postgresql.cnpg.io/v1` Cluster.
 *
 * @public
 */
export interface PostgresClusterRecord extends CollectedObject {
  instances?: number;
  readyInstances?: number;
  phase?: string;
  conditions: ClusterCondition[];
  /** Deprecated status fields; unset when the barman-cloud plugin backs up. */
  statusRecoveryWindow: RecoveryWindow;
  /** Backups through the barman-cloud plugin: the ObjectStore and server name. */
  pluginObjectStore?: { name: string; serverName: string };
  /** Retention policy such as `30d`, from `spec.backup.retentionPolicy`. */
  retentionPolicy?: string;
  /**
   * What `spec.backup` sets up in-tree: the barman object store's
   * `destinationPath` and whether volume snapshots are configured. Absent
   * on records collected before the collector kept it, which is unknown.
   */
  backupConfiguration?: {
    barmanObjectStoreDestination?: string;
    /** `spec.backup.barmanObjectStore.endpointURL`, for S3-compatible stores. */
    barmanObjectStoreEndpoint?: string;
    volumeSnapshot: boolean;
  };
}

/**
 * A `barmancloud.cnpg.io/v1` ObjectStore.
 *
 * @public
 */
export interface BarmanObjectStoreRecord extends CollectedObject {
  destinationPath?: string;
  /** `spec.configuration.endpointURL`, for S3-compatible stores. */
  endpoint?: string;
  retentionPolicy?: string;
  /** Keyed by server name. */
  serverRecoveryWindows: Record<string, RecoveryWindow>;
}

/**
 * A `postgresql.cnpg.io/v1` Backup.
 *
 * @public
 */
export interface PostgresBackupRecord extends CollectedObject {
  /** From `spec.cluster.name` (also labelled `cnpg.io/cluster`). */
  clusterName: string;
  /** From the `cnpg.io/scheduled-backup` label. */
  scheduledBackupName?: string;
  method?: string;
  /** `pending`, `started`, `running`, `finalizing`, `completed`, `failed`, `walArchivingFailing`. */
  phase?: string;
  startedAt?: string;
  stoppedAt?: string;
  beginWal?: string;
  endWal?: string;
  error?: string;
}

/**
 * A `postgresql.cnpg.io/v1` ScheduledBackup.
 *
 * @public
 */
export interface PostgresScheduledBackupRecord extends CollectedObject {
  clusterName: string;
  /** Usually 6 fields (seconds first); 5-field strings occur too. */
  schedule: string;
  suspended: boolean;
  /** `spec.immediate`: the first backup starts as soon as the ScheduledBackup is created. */
  immediate?: boolean;
  method?: string;
  lastScheduleAt?: string;
}

/**
 * A pod or persistent volume claim, kept for its labels so that backup
 * coverage of a service's workloads can be worked out.
 *
 * @public
 */
export interface WorkloadRecord extends CollectedObject {
  kind: 'Pod' | 'PersistentVolumeClaim';
  /**
   * A pod's volumes that mount a PVC (`persistentVolumeClaim.claimName`);
   * absent on PVCs and on pods collected before the collector kept them.
   */
  volumes?: Array<{ name: string; claimName: string }>;
  /**
   * A pod's annotations that choose file-system backup of its volumes:
   * `backup.velero.io/backup-volumes` (opt-in) and
   * `backup.velero.io/backup-volumes-excludes` (opt-out), as comma lists.
   */
  fsBackupVolumes?: string[];
  fsBackupExcludes?: string[];
}
