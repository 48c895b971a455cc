import {
  RECORD_KINDS,
  type BarmanObjectStoreRecord,
  type PostgresBackupRecord,
  type PostgresClusterRecord,
  type PostgresReplicaSource,
  type PostgresScheduledBackupRecord,
  type RecoveryWindow,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';
import { z } from 'zod';
import { carryPausedSince } from './pausedSince';
import {
  collectedRow,
  commonRecord,
  objectMetadata,
  parseObject,
  type StoredRecord,
  stringMap,
  timestamp,
} from './objectSchema';

const BARMAN_CLOUD_PLUGIN = 'barman-cloud.cloudnative-pg.io';
const SCHEDULED_BACKUP_LABEL = 'cnpg.io/scheduled-backup';

/** Where barman writes: in-tree `barmanObjectStore` and the plugin's ObjectStore alike. */
const barmanDestination = z.object({
  destinationPath: z.string().optional(),
  endpointURL: z.string().optional(),
});

const pluginEntry = z.object({
  name: z.string(),
  isWALArchiver: z.boolean().optional(),
  parameters: stringMap.optional().default({}),
});

const clusterObject = z.object({
  metadata: objectMetadata,
  spec: z
    .object({
      instances: z.number().int().optional(),
      backup: z
        .object({
          retentionPolicy: z.string().optional(),
          barmanObjectStore: barmanDestination.optional(),
          // Any volumeSnapshot stanza turns snapshot backups on.
          volumeSnapshot: z.looseObject({}).optional(),
        })
        .optional(),
      plugins: z.array(pluginEntry).optional().default([]),
      replica: z
        .object({
          enabled: z.boolean().optional(),
          source: z.string().min(1),
          primary: z.string().optional(),
          self: z.string().optional(),
        })
        .optional(),
      externalClusters: z
        .array(
          z.object({
            name: z.string(),
            barmanObjectStore: barmanDestination
              .extend({ serverName: z.string().optional() })
              .optional(),
            connectionParameters: z
              .looseObject({ host: z.string().optional() })
              .optional(),
            plugin: pluginEntry.optional(),
          }),
        )
        .optional()
        .default([]),
    })
    .optional()
    .default({ plugins: [], externalClusters: [] }),
  status: z
    .object({
      phase: z.string().optional(),
      instances: z.number().int().optional(),
      readyInstances: z.number().int().optional(),
      currentPrimary: z.string().optional(),
      topology: z.object({ nodesUsed: z.number().int().optional() }).optional(),
      conditions: z
        .array(
          z.object({
            type: z.string(),
            status: z.enum(['True', 'False', 'Unknown']),
            reason: z.string().optional(),
            message: z.string().optional(),
            lastTransitionTime: timestamp.optional(),
          }),
        )
        .optional()
        .default([]),
      firstRecoverabilityPoint: timestamp.optional(),
      lastSuccessfulBackup: timestamp.optional(),
      lastFailedBackup: timestamp.optional(),
    })
    .optional()
    .default({ conditions: [] }),
});

type ClusterSpec = z.infer<typeof clusterObject>['spec'];

/**
 * Where a replica cluster replicates from: `spec.replica` enabled, or (the
 * distributed topology) naming a primary other than itself; its source
 * resolved in `spec.externalClusters`.
 */
function replicaSourceOf(spec: ClusterSpec): PostgresReplicaSource | undefined {
  const { replica } = spec;
  if (!replica) return undefined;
  const isReplica =
    replica.enabled ??
    (replica.primary !== undefined &&
      replica.self !== undefined &&
      replica.primary !== replica.self);
  if (!isReplica) return undefined;
  const external = spec.externalClusters.find(c => c.name === replica.source);
  const plugin =
    external?.plugin?.name === BARMAN_CLOUD_PLUGIN
      ? external.plugin.parameters
      : undefined;
  const host = external?.connectionParameters?.host;
  return {
    name: replica.source,
    serverName:
      external?.barmanObjectStore?.serverName ??
      plugin?.serverName ??
      replica.source,
    ...(external?.barmanObjectStore?.destinationPath
      ? { destinationPath: external.barmanObjectStore.destinationPath }
      : {}),
    ...(plugin?.barmanObjectName
      ? { objectStore: plugin.barmanObjectName }
      : {}),
    ...(host ? { host } : {}),
  };
}

function clusterRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(clusterObject, object);
  const replicaOf = replicaSourceOf(spec);
  const barmanPlugin = spec.plugins.find(
    plugin =>
      plugin.name === BARMAN_CLOUD_PLUGIN && plugin.parameters.barmanObjectName,
  );
  const record: StoredRecord<PostgresClusterRecord> = {
    ...commonRecord(metadata),
    instances: spec.instances ?? status.instances,
    // Omitted when none is ready, once the operator reports instances at all.
    readyInstances:
      status.readyInstances ?? (status.instances !== undefined ? 0 : undefined),
    phase: status.phase,
    ...(status.currentPrimary ? { currentPrimary: status.currentPrimary } : {}),
    ...(status.topology?.nodesUsed !== undefined
      ? { nodesUsed: status.topology.nodesUsed }
      : {}),
    ...(replicaOf ? { replicaOf } : {}),
    conditions: status.conditions,
    statusRecoveryWindow: {
      firstRecoverabilityPoint: status.firstRecoverabilityPoint,
      lastSuccessfulBackupAt: status.lastSuccessfulBackup,
      lastFailedBackupAt: status.lastFailedBackup,
    },
    ...(barmanPlugin
      ? {
          pluginObjectStore: {
            name: barmanPlugin.parameters.barmanObjectName,
            // The plugin names the server after the cluster unless told otherwise.
            serverName: barmanPlugin.parameters.serverName ?? metadata.name,
          },
        }
      : {}),
    retentionPolicy: spec.backup?.retentionPolicy,
    backupConfiguration: {
      ...(spec.backup?.barmanObjectStore?.destinationPath
        ? {
            barmanObjectStoreDestination:
              spec.backup.barmanObjectStore.destinationPath,
          }
        : {}),
      ...(spec.backup?.barmanObjectStore?.endpointURL
        ? {
            barmanObjectStoreEndpoint:
              spec.backup.barmanObjectStore.endpointURL,
          }
        : {}),
      volumeSnapshot: spec.backup?.volumeSnapshot !== undefined,
    },
  };
  return collectedRow(metadata, record);
}

const backupObject = z.object({
  metadata: objectMetadata,
  spec: z.object({
    cluster: z.object({ name: z.string().min(1) }),
    method: z.string().optional(),
  }),
  status: z
    .object({
      phase: z.string().optional(),
      method: z.string().optional(),
      startedAt: timestamp.optional(),
      stoppedAt: timestamp.optional(),
      beginWal: z.string().optional(),
      endWal: z.string().optional(),
      error: z.string().optional(),
    })
    .optional()
    .default({}),
});

function backupRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(backupObject, object);
  const scheduledBackupName = metadata.labels[SCHEDULED_BACKUP_LABEL];
  const record: StoredRecord<PostgresBackupRecord> = {
    ...commonRecord(metadata),
    clusterName: spec.cluster.name,
    scheduledBackupName,
    method: status.method ?? spec.method,
    phase: status.phase,
    startedAt: status.startedAt,
    stoppedAt: status.stoppedAt,
    beginWal: status.beginWal,
    endWal: status.endWal,
    error: status.error,
  };
  return collectedRow(metadata, record);
}

const scheduledBackupObject = z.object({
  metadata: objectMetadata,
  spec: z.object({
    cluster: z.object({ name: z.string().min(1) }),
    schedule: z.string().min(1),
    suspend: z.boolean().optional().default(false),
    immediate: z.boolean().optional(),
    method: z.string().optional(),
  }),
  status: z
    .object({ lastScheduleTime: timestamp.optional() })
    .optional()
    .default({}),
});

function scheduledBackupRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(scheduledBackupObject, object);
  const record: StoredRecord<PostgresScheduledBackupRecord> = {
    ...commonRecord(metadata),
    clusterName: spec.cluster.name,
    schedule: spec.schedule,
    suspended: spec.suspend,
    ...(spec.immediate !== undefined ? { immediate: spec.immediate } : {}),
    method: spec.method,
    lastScheduleAt: status.lastScheduleTime,
  };
  return collectedRow(metadata, record);
}

const recoveryWindow = z.object({
  firstRecoverabilityPoint: timestamp.optional(),
  lastSuccessfulBackupTime: timestamp.optional(),
  lastFailedBackupTime: timestamp.optional(),
});

const objectStoreObject = z.object({
  metadata: objectMetadata,
  spec: z
    .object({
      retentionPolicy: z.string().optional(),
      configuration: barmanDestination.optional().default({}),
    })
    .optional()
    .default({ configuration: {} }),
  status: z
    .object({
      serverRecoveryWindow: z
        .record(z.string(), recoveryWindow)
        .optional()
        .default({}),
    })
    .optional()
    .default({ serverRecoveryWindow: {} }),
});

function objectStoreRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(objectStoreObject, object);
  const windows: Record<string, RecoveryWindow> = {};
  for (const [server, window] of Object.entries(status.serverRecoveryWindow)) {
    windows[server] = {
      firstRecoverabilityPoint: window.firstRecoverabilityPoint,
      lastSuccessfulBackupAt: window.lastSuccessfulBackupTime,
      lastFailedBackupAt: window.lastFailedBackupTime,
    };
  }
  const record: StoredRecord<BarmanObjectStoreRecord> = {
    ...commonRecord(metadata),
    destinationPath: spec.configuration.destinationPath,
    ...(spec.configuration.endpointURL
      ? { endpoint: spec.configuration.endpointURL }
      : {}),
    retentionPolicy: spec.retentionPolicy,
    serverRecoveryWindows: windows,
  };
  return collectedRow(metadata, record);
}

/** CloudNativePG's Clusters, Backups and ScheduledBackups, and barman-cloud ObjectStores. */
export const cloudNativePgSource: DisasterRecoverySource = {
  id: 'cloudnativepg',
  resourceKinds: [
    { ...RECORD_KINDS.postgresCluster, toRow: clusterRow },
    { ...RECORD_KINDS.postgresBackup, toRow: backupRow },
    {
      ...RECORD_KINDS.postgresScheduledBackup,
      toRow: scheduledBackupRow,
      carryOver: carryPausedSince('suspended'),
    },
    { ...RECORD_KINDS.barmanObjectStore, toRow: objectStoreRow },
  ],
};
