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
  /**
   * When the collector first saw it paused, having seen it run before;
   * absent while it runs, and when it was already paused when first
   * collected (since when is then unknown).
   */
  pausedSince?: string;
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
  /** `spec.includedResources`; absent or empty (or `*`) means every resource. */
  includedResources?: string[];
  excludedResources?: string[];
  phase?: string;
  startedAt?: string;
  completedAt?: string;
  errors: number;
  warnings: number;
  /**
   * `status.progress.itemsRestored`: 0 when the progress omits it (real
   * objects leave zero out), absent when the restore has no progress.
   */
  itemsRestored?: number;
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
 * Where a CloudNativePG replica cluster replicates from: its
 * `spec.replica.source`, resolved in `spec.externalClusters`.
 *
 * @public
 */
export interface PostgresReplicaSource {
  /** `spec.replica.source`: the external cluster's name. */
  name: string;
  /**
   * The origin's server name in the object store it reads WAL from
   * (`barmanObjectStore.serverName`, or the barman-cloud plugin's
   * `serverName` parameter), defaulting to the external cluster's name.
   */
  serverName: string;
  /** `barmanObjectStore.destinationPath` of the external cluster, when it reads WAL from a store. */
  destinationPath?: string;
  /** The barman-cloud plugin's `barmanObjectName`, when it reads WAL through the plugin. */
  objectStore?: string;
  /** `connectionParameters.host`, when it streams from the origin. */
  host?: string;
}

/**
 * A `postgresql.cnpg.io/v1` Cluster.
 *
 * @public
 */
export interface PostgresClusterRecord extends CollectedObject {
  /** `spec.instances`. */
  instances?: number;
  /** `status.readyInstances`; absent when not reported. */
  readyInstances?: number;
  phase?: string;
  /** `status.currentPrimary`: the instance (pod) that is primary. */
  currentPrimary?: string;
  /** `status.topology.nodesUsed`: distinct nodes holding its instances. */
  nodesUsed?: number;
  /**
   * Set when the cluster is a replica cluster (`spec.replica.enabled`, or
   * `spec.replica.primary` naming another cluster than `spec.replica.self`):
   * where it replicates from. Absent on a primary cluster, and on records
   * collected before the collector kept it.
   */
  replicaOf?: PostgresReplicaSource;
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
  /**
   * When the collector first saw it suspended, having seen it run before;
   * absent while it runs, and when it was already suspended when first
   * collected (since when is then unknown).
   */
  pausedSince?: string;
  /** `spec.immediate`: the first backup starts as soon as the ScheduledBackup is created. */
  immediate?: boolean;
  method?: string;
  lastScheduleAt?: string;
}

/**
 * A pod or persistent volume claim, kept for its labels so that backup
 * coverage of a service's workloads can be worked out (and a pod for its
 * placement, readiness and restarts).
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
  /** Pods only: scheduling, readiness and restarts. */
  pod?: PodStatusRecord;
}

/**
 * Pod-level facts the availability checks read; kept only for pods, absent
 * on records collected before the collector kept them.
 *
 * @public
 */
export interface PodStatusRecord {
  /** `spec.nodeName`; absent while the pod is not scheduled. */
  nodeName?: string;
  /** `status.phase`: `Pending`, `Running`, `Succeeded`, `Failed`, `Unknown`. */
  phase?: string;
  /** The `Ready` condition; absent when the pod reports none (not scheduled yet). */
  ready?: { status: 'True' | 'False' | 'Unknown'; since?: string };
  /** Its containers (init containers included), as `status.containerStatuses` report them. */
  containers: PodContainerStatus[];
  /**
   * The pod's total restart count as seen over past collections, oldest
   * first: each count with when it was first and last seen (the newest
   * entry's `lastSeenAt` is the record's own). The collector carries it
   * from one version of the pod to the next, so restarts in the last hour
   * can be counted.
   */
  restartHistory: RestartObservation[];
}

/**
 * One container's state in a pod's status.
 *
 * @public
 */
export interface PodContainerStatus {
  name: string;
  /** `restartCount`. */
  restarts: number;
  ready: boolean;
  /**
   * Since when the current container has neither restarted nor been due to:
   * `state.running.startedAt`, or `state.terminated.finishedAt` of one that
   * ended. Absent while it waits to (re)start, e.g. in CrashLoopBackOff.
   */
  quietSince?: string;
  /** `state.waiting.reason`, e.g. `CrashLoopBackOff`. */
  waitingReason?: string;
}

/**
 * A pod's total restart count, first and last seen at these times.
 *
 * @public
 */
export interface RestartObservation {
  restarts: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/**
 * A container of a pod template, as the availability checks read it.
 *
 * @public
 */
export interface ContainerSpec {
  name: string;
  image: string;
  readinessProbe: boolean;
  livenessProbe: boolean;
  /** The resources it requests (`resources.requests`), e.g. `cpu`, `memory`. */
  requests: string[];
}

/**
 * How a pod template asks the scheduler to spread its replicas over one
 * topology key (`kubernetes.io/hostname`, `topology.kubernetes.io/zone`).
 *
 * @public
 */
export interface SpreadRule {
  topologyKey: string;
  /**
   * `anti-affinity` (pod anti-affinity against its own pods; `required`
   * unless preferred) or `topology-spread` (a topology spread constraint;
   * `required` with `whenUnsatisfiable: DoNotSchedule`).
   */
  how: 'anti-affinity' | 'topology-spread';
  required: boolean;
}

/**
 * An `apps/v1` Deployment or StatefulSet.
 *
 * @public
 */
export interface WorkloadControllerRecord extends CollectedObject {
  kind: 'Deployment' | 'StatefulSet';
  /** `spec.replicas` (the API server sets 1 when it is left out). */
  replicas: number;
  /** `status.readyReplicas` (omitted when 0). */
  readyReplicas: number;
  /** `spec.selector`: the pods it owns. */
  selector: LabelSelector;
  /** `spec.template.metadata.labels`. */
  podLabels: Record<string, string>;
  /** `spec.template.spec.containers` (init containers left out). */
  containers: ContainerSpec[];
  /** Anti-affinity and topology spread of its pod template. */
  spread: SpreadRule[];
  /** The `disaster-recovery/singleton` annotation: why one replica is enough. */
  singletonReason?: string;
}

/**
 * A `policy/v1` PodDisruptionBudget.
 *
 * @public
 */
export interface PodDisruptionBudgetRecord extends CollectedObject {
  /** `spec.selector`; absent (null) selects no pods, an empty one every pod of the namespace. */
  selector?: LabelSelector;
  /** An integer or a percentage such as `50%`. */
  minAvailable?: number | string;
  maxUnavailable?: number | string;
}

/**
 * An `autoscaling/v2` HorizontalPodAutoscaler.
 *
 * @public
 */
export interface HorizontalPodAutoscalerRecord extends CollectedObject {
  target: { kind: string; name: string };
  /** `spec.minReplicas` (1 when left out). */
  minReplicas: number;
  maxReplicas: number;
}

/**
 * A `v1` Node, kept for its labels only: its zone is
 * `topology.kubernetes.io/zone`.
 *
 * @public
 */
export type NodeRecord = CollectedObject;

/**
 * A `cert-manager.io/v1` Certificate.
 *
 * @public
 */
export interface CertificateRecord extends CollectedObject {
  /** `spec.secretName`: the Secret it writes (never read). */
  secretName: string;
  dnsNames: string[];
  /** `status.notAfter`: when the current certificate expires; absent until issued. */
  notAfter?: string;
  /** `status.renewalTime`: when cert-manager will renew it. */
  renewalTime?: string;
  /** The `Ready` condition's status. */
  ready?: 'True' | 'False' | 'Unknown';
}
