import type { KubeObject } from '../kube/kubeObject.ts';
import { BARMAN_CLOUD_PLUGIN } from '../lifecycle/cnpgBackupRun.ts';
import type { Condition } from '../lifecycle/conditions.ts';
import { kubeTimestamp } from '../time/timestamps.ts';
import { boundClaim, servicePod, SERVICE_LABEL } from './objectBuilders.ts';

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
  backup:
    | { plugin: { objectStore: string } }
    | {
        barmanObjectStore: { destinationPath: string };
        /** Omitted: CloudNativePG keeps every base backup until deleted. */
        retentionPolicy?: string;
      };
}): KubeObject {
  const { name, namespace, createdAt, backup } = options;
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
      instances: 3,
      imageName: 'ghcr.io/cloudnative-pg/postgresql:16.4',
      storage: { size: '20Gi' },
      ...spec,
    },
    status: {
      phase: 'Cluster in healthy state',
      instances: 3,
      readyInstances: 3,
      currentPrimary: `${name}-1`,
      targetPrimary: `${name}-1`,
      instanceNames: [`${name}-1`, `${name}-2`, `${name}-3`],
      conditions: healthyConditions(
        createdAt,
        options.archivingReported ?? true,
      ),
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
): KubeObject[] {
  const objects: KubeObject[] = [];
  for (let i = 1; i <= 3; i++) {
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
        image: 'ghcr.io/cloudnative-pg/postgresql:16.4',
        claimName: instance,
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
