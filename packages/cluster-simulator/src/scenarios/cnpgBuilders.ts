import type { KubeObject } from '../kube/kubeObject.ts';
import { BARMAN_CLOUD_PLUGIN } from '../lifecycle/cnpgBackupRun.ts';
import type { Condition } from '../lifecycle/conditions.ts';
import { kubeTimestamp } from '../time/timestamps.ts';
import { boundClaim, servicePod, SERVICE_LABEL } from './objectBuilders.ts';
import { containerSpec, type PodHealth } from './workloadBuilders.ts';

const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql:16.4';

const S3_CREDENTIALS = {
  accessKeyId: { name: 'pg-backup-s3', key: 'ACCESS_KEY_ID' },
  secretAccessKey: { name: 'pg-backup-s3', key: 'ACCESS_SECRET_KEY' },
};

/**
 * Conditions of a healthy cluster whose WAL archiving works, or (not
 * `archivingReported`) one whose archiving CloudNativePG has not reported.
 */
function healthyConditions(at: number, archivingReported = true): Condition[] {
  const time = kubeTimestamp(at);
  const ready: Condition = {
    type: 'Ready',
    status: 'True',
    reason: 'ClusterIsReady',
    message: 'Cluster is Ready',
    lastTransitionTime: time,
  };
  if (!archivingReported) return [ready];
  return [
    ready,
    {
      type: 'ContinuousArchiving',
      status: 'True',
      reason: 'ContinuousArchivingSuccess',
      message: 'Continuous archiving is working',
      lastTransitionTime: time,
    },
  ];
}

/**
 * A CloudNativePG Cluster with three instances, backed up either by the
 * barman-cloud plugin (to an ObjectStore) or by the in-tree
 * `barmanObjectStore` method.
 */
export function postgresCluster(options: {
  name: string;
  namespace: string;
  createdAt: number;
  /** False: no ContinuousArchiving condition yet (a cluster just created). */
  archivingReported?: boolean;
  /** Default 3. */
  instances?: number;
  /** Default all of them. */
  readyInstances?: number;
  backup:
    | { plugin: { objectStore: string } }
    | {
        barmanObjectStore: { destinationPath: string };
        /** Omitted: CloudNativePG keeps every base backup until deleted. */
        retentionPolicy?: string;
      };
}): KubeObject {
  const { name, namespace, createdAt, backup } = options;
  const instances = options.instances ?? 3;
  const readyInstances = options.readyInstances ?? instances;
  const spec =
    'plugin' in backup
      ? {
          plugins: [
            {
              name: BARMAN_CLOUD_PLUGIN,
              isWALArchiver: true,
              parameters: { barmanObjectName: backup.plugin.objectStore },
            },
          ],
        }
      : {
          backup: {
            barmanObjectStore: {
              destinationPath: backup.barmanObjectStore.destinationPath,
              s3Credentials: S3_CREDENTIALS,
              wal: { compression: 'gzip' },
            },
            ...(backup.retentionPolicy
              ? { retentionPolicy: backup.retentionPolicy }
              : {}),
          },
        };
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: {
      name,
      namespace,
      creationTimestamp: kubeTimestamp(createdAt),
      labels: { [SERVICE_LABEL]: namespace },
    },
    spec: {
      instances,
      imageName: POSTGRES_IMAGE,
      storage: { size: '20Gi' },
      ...spec,
    },
    status: {
      ...instanceStatus(name, instances, readyInstances),
      conditions: healthyConditions(
        createdAt,
        options.archivingReported ?? true,
      ),
    },
  };
}

/** The instance part of a Cluster's status: one instance per node. */
function instanceStatus(name: string, instances: number, ready: number) {
  const names = Array.from({ length: instances }, (_, i) => `${name}-${i + 1}`);
  return {
    phase:
      ready === instances
        ? 'Cluster in healthy state'
        : 'Waiting for the instances to become active',
    instances,
    ...(ready > 0 ? { readyInstances: ready } : {}),
    currentPrimary: names[0],
    targetPrimary: names[0],
    instanceNames: names,
    instancesStatus: {
      healthy: names.slice(0, ready),
      ...(ready < instances ? { failed: names.slice(ready) } : {}),
    },
    topology: { nodesUsed: instances, successfullyExtracted: true },
  };
}

/**
 * A replica cluster (`spec.replica`) in another Kubernetes cluster: it
 * bootstraps from the origin's barman object store and keeps replaying its
 * WAL from there, with one instance.
 */
export function replicaCluster(options: {
  name: string;
  namespace: string;
  /** The origin cluster, which names its server in the object store. */
  origin: string;
  destinationPath: string;
  ready: boolean;
  createdAt: number;
}): KubeObject {
  const { name, namespace, origin, createdAt } = options;
  const store = {
    destinationPath: options.destinationPath,
    s3Credentials: S3_CREDENTIALS,
    wal: { compression: 'gzip', maxParallel: 8 },
  };
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: {
      name,
      namespace,
      creationTimestamp: kubeTimestamp(createdAt),
      labels: { [SERVICE_LABEL]: namespace },
    },
    spec: {
      instances: 1,
      imageName: POSTGRES_IMAGE,
      storage: { size: '20Gi' },
      bootstrap: { recovery: { source: origin } },
      replica: { enabled: true, source: origin },
      externalClusters: [{ name: origin, barmanObjectStore: store }],
    },
    status: {
      ...instanceStatus(name, 1, options.ready ? 1 : 0),
      conditions: [
        {
          type: 'Ready',
          status: options.ready ? 'True' : 'False',
          reason: options.ready ? 'ClusterIsReady' : 'ClusterIsNotReady',
          message: options.ready ? 'Cluster is Ready' : 'Cluster Is Not Ready',
          lastTransitionTime: kubeTimestamp(createdAt),
        },
      ],
    },
  };
}

/** The barman-cloud plugin's ObjectStore for one cluster. */
export function objectStore(options: {
  name: string;
  namespace: string;
  destinationPath: string;
  createdAt: number;
}): KubeObject {
  return {
    apiVersion: 'barmancloud.cnpg.io/v1',
    kind: 'ObjectStore',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      creationTimestamp: kubeTimestamp(options.createdAt),
    },
    spec: {
      configuration: {
        destinationPath: options.destinationPath,
        s3Credentials: S3_CREDENTIALS,
        wal: { compression: 'gzip' },
      },
      retentionPolicy: '30d',
    },
  };
}

/** A ScheduledBackup with a six-field (seconds-first) cron. */
export function scheduledBackup(options: {
  name: string;
  namespace: string;
  cluster: string;
  schedule: string;
  method: 'plugin' | 'barmanObjectStore';
  createdAt: number;
}): KubeObject {
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'ScheduledBackup',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      creationTimestamp: kubeTimestamp(options.createdAt),
    },
    spec: {
      schedule: options.schedule,
      backupOwnerReference: 'self',
      cluster: { name: options.cluster },
      method: options.method,
      ...(options.method === 'plugin'
        ? { pluginConfiguration: { name: BARMAN_CLOUD_PLUGIN } }
        : {}),
    },
  };
}

/** The instance Pods and PVCs CloudNativePG creates for a cluster. */
export function postgresInstances(
  name: string,
  namespace: string,
  createdAt: number,
  options: {
    /** Default 3. */
    instances?: number;
    /** Where instance `i` (from 1) runs. */
    nodeOf?: (instance: number) => string;
    /** How instance `i` (from 1) is doing. */
    healthOf?: (instance: number) => PodHealth | undefined;
  } = {},
): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let i = 1; i <= (options.instances ?? 3); i++) {
    const instance = `${name}-${i}`;
    const labels = {
      [SERVICE_LABEL]: namespace,
      'cnpg.io/cluster': name,
      'cnpg.io/instanceName': instance,
      'cnpg.io/instanceRole': i === 1 ? 'primary' : 'replica',
      'cnpg.io/podRole': 'instance',
    };
    objects.push(
      servicePod({
        service: namespace,
        namespace,
        index: i,
        createdAt,
        name: instance,
        labels,
        image: POSTGRES_IMAGE,
        claimName: instance,
        ...(options.nodeOf
          ? {
              nodeName: options.nodeOf(i),
              containers: [
                containerSpec({
                  name: 'postgres',
                  image: POSTGRES_IMAGE,
                  readinessProbe: true,
                  livenessProbe: true,
                  requests: ['cpu', 'memory'],
                }),
              ],
              health: options.healthOf?.(i),
            }
          : {}),
      }),
      boundClaim({
        name: instance,
        namespace,
        service: namespace,
        size: '20Gi',
        createdAt,
        labels: {
          'cnpg.io/cluster': name,
          'cnpg.io/instanceName': instance,
          'cnpg.io/pvcRole': 'PG_DATA',
        },
      }),
    );
  }
  return objects;
}
