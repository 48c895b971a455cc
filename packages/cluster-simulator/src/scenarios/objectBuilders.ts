import type { JsonObject, KubeObject } from '../kube/kubeObject.ts';
import { hashString } from '../random/seededRandom.ts';
import { kubeTimestamp } from '../time/timestamps.ts';
import { podStatusFields, type PodHealth } from './workloadBuilders.ts';

/**
 * Builders for the objects scenarios start from, shaped like what the
 * respective controllers and `kubectl get -o yaml` show.
 */

/** Label every workload object of a service carries. */
export const SERVICE_LABEL = 'app.kubernetes.io/name';

/** A Namespace with the label the API server adds to every namespace. */
export function namespaceObject(
  name: string,
  createdAt: number,
  labels: Record<string, string> = {},
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      creationTimestamp: kubeTimestamp(createdAt),
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

function shortHash(text: string, length: number): string {
  return hashString(text).toString(36).padStart(length, '0').slice(-length);
}

/** A running Pod of a service (a Deployment's unless named otherwise). */
export function servicePod(options: {
  service: string;
  namespace: string;
  index: number;
  createdAt: number;
  labels?: Record<string, string>;
  name?: string;
  image?: string;
  claimName?: string;
  /** Its pod template's containers; one plain container of `image` when left out. */
  containers?: readonly JsonObject[];
  /** Where the scheduler put it; a node of three made-up ones when left out. */
  nodeName?: string;
  health?: PodHealth;
}): KubeObject {
  const { service, namespace, index, createdAt } = options;
  const templateHash = shortHash(`${namespace}/${service}`, 10);
  const name =
    options.name ??
    `${service}-${templateHash}-${shortHash(
      `${namespace}/${service}/${index}`,
      5,
    )}`;
  const mounts = options.claimName
    ? { volumeMounts: [{ name: 'data', mountPath: '/var/lib/data' }] }
    : {};
  const containers = options.containers?.map(c => ({ ...c, ...mounts })) ?? [
    {
      name: service,
      image:
        options.image ??
        `registry.example.com/demo-retail/${service}:1.${index % 3}.0`,
      ...mounts,
    },
  ];
  const spec: JsonObject = {
    containers,
    nodeName:
      options.nodeName ??
      `ip-10-0-${(hashString(name) % 3) + 1}-${
        hashString(name) % 200
      }.internal`,
    restartPolicy: 'Always',
    ...(options.claimName
      ? {
          volumes: [
            {
              name: 'data',
              persistentVolumeClaim: { claimName: options.claimName },
            },
          ],
        }
      : {}),
  };
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace,
      creationTimestamp: kubeTimestamp(createdAt),
      labels: options.labels ?? {
        [SERVICE_LABEL]: service,
        'pod-template-hash': templateHash,
      },
    },
    spec,
    status: {
      phase: 'Running',
      ...(options.containers
        ? podStatusFields(containers, createdAt, options.health)
        : {}),
      podIP: `10.1.${hashString(name) % 250}.${
        (hashString(`${name}ip`) % 250) + 2
      }`,
      startTime: kubeTimestamp(createdAt),
    },
  };
}

/** A bound PersistentVolumeClaim. */
export function boundClaim(options: {
  name: string;
  namespace: string;
  service: string;
  size: string;
  createdAt: number;
  labels?: Record<string, string>;
}): KubeObject {
  const { name, namespace, service, size, createdAt } = options;
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: {
      name,
      namespace,
      creationTimestamp: kubeTimestamp(createdAt),
      labels: { [SERVICE_LABEL]: service, ...options.labels },
    },
    spec: {
      accessModes: ['ReadWriteOnce'],
      resources: { requests: { storage: size } },
      storageClassName: 'gp3',
      volumeMode: 'Filesystem',
      volumeName: `pvc-${hashString(`${namespace}/${name}`)
        .toString(16)
        .padStart(8, '0')}-5b1e-4c1d-9f0e-${shortHash(name, 12)}`,
    },
    status: {
      phase: 'Bound',
      accessModes: ['ReadWriteOnce'],
      capacity: { storage: size },
    },
  };
}

/** A Velero BackupStorageLocation, on S3 unless another provider is given. */
export function storageLocation(options: {
  name: string;
  namespace: string;
  provider?: string;
  bucket: string;
  prefix?: string;
  /** Only the S3 provider reads a region; GCS buckets have none in the config. */
  region?: string;
  isDefault?: boolean;
  readOnly?: boolean;
  phase: 'Available' | 'Unavailable';
  validatedAt: number;
  /** Velero's periodic validation; `0s` turns it off. */
  validationFrequency?: string;
  createdAt: number;
  message?: string;
}): KubeObject {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      creationTimestamp: kubeTimestamp(options.createdAt),
      labels: { component: 'velero' },
    },
    spec: {
      provider: options.provider ?? 'aws',
      objectStorage: {
        bucket: options.bucket,
        ...(options.prefix ? { prefix: options.prefix } : {}),
      },
      ...(options.region ? { config: { region: options.region } } : {}),
      credential: { name: 'cloud-credentials', key: 'cloud' },
      ...(options.isDefault ? { default: true } : {}),
      ...(options.readOnly ? { accessMode: 'ReadOnly' } : {}),
      ...(options.validationFrequency
        ? { validationFrequency: options.validationFrequency }
        : {}),
    },
    status: {
      phase: options.phase,
      lastValidationTime: kubeTimestamp(options.validatedAt),
      ...(options.phase === 'Available'
        ? { lastSyncedTime: kubeTimestamp(options.validatedAt) }
        : {}),
      ...(options.message ? { message: options.message } : {}),
    },
  };
}

/** A Velero VolumeSnapshotLocation for EBS snapshots. */
export function snapshotLocation(
  namespace: string,
  region: string,
  createdAt: number,
): KubeObject {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'VolumeSnapshotLocation',
    metadata: {
      name: 'default',
      namespace,
      creationTimestamp: kubeTimestamp(createdAt),
      labels: { component: 'velero' },
    },
    spec: { provider: 'aws', config: { region } },
  };
}

/** A Velero Schedule; `paused` is omitted unless true, as Velero writes it. */
export function veleroSchedule(options: {
  name: string;
  namespace: string;
  schedule: string;
  includedNamespaces: string[];
  excludedNamespaces?: string[];
  ttl: string;
  storageLocation?: string;
  snapshotVolumes?: boolean;
  defaultVolumesToFsBackup?: boolean;
  snapshotMoveData?: boolean;
  paused?: boolean;
  createdAt: number;
}): KubeObject {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      creationTimestamp: kubeTimestamp(options.createdAt),
    },
    spec: {
      schedule: options.schedule,
      template: {
        includedNamespaces: options.includedNamespaces,
        ...(options.excludedNamespaces
          ? { excludedNamespaces: options.excludedNamespaces }
          : {}),
        ...(options.storageLocation
          ? { storageLocation: options.storageLocation }
          : {}),
        ...(options.snapshotVolumes !== undefined
          ? { snapshotVolumes: options.snapshotVolumes }
          : {}),
        ...(options.defaultVolumesToFsBackup !== undefined
          ? { defaultVolumesToFsBackup: options.defaultVolumesToFsBackup }
          : {}),
        ...(options.snapshotMoveData !== undefined
          ? { snapshotMoveData: options.snapshotMoveData }
          : {}),
        ttl: options.ttl,
      },
      ...(options.paused ? { paused: true } : {}),
    },
  };
}

/**
 * A finished one-off Velero Backup (`velero backup create`, no schedule)
 * that took native snapshots of `volumeSnapshots` volumes, as Velero
 * writes it.
 */
export function oneOffBackup(options: {
  name: string;
  namespace: string;
  includedNamespaces: string[];
  storageLocation: string;
  ttl: string;
  ttlMs: number;
  startedAt: number;
  completedAt: number;
  volumeSnapshots: number;
  items: number;
}): KubeObject {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      creationTimestamp: kubeTimestamp(options.startedAt),
      labels: { 'velero.io/storage-location': options.storageLocation },
    },
    spec: {
      csiSnapshotTimeout: '10m0s',
      hooks: {},
      includedNamespaces: options.includedNamespaces,
      itemOperationTimeout: '4h0m0s',
      metadata: {},
      storageLocation: options.storageLocation,
      ttl: options.ttl,
    },
    status: {
      phase: 'Completed',
      startTimestamp: kubeTimestamp(options.startedAt),
      completionTimestamp: kubeTimestamp(options.completedAt),
      expiration: kubeTimestamp(options.startedAt + options.ttlMs),
      formatVersion: '1.1.0',
      version: 1,
      progress: { itemsBackedUp: options.items, totalItems: options.items },
      ...(options.volumeSnapshots > 0
        ? {
            volumeSnapshotsAttempted: options.volumeSnapshots,
            volumeSnapshotsCompleted: options.volumeSnapshots,
          }
        : {}),
    },
  };
}
