import {
  RECORD_KINDS,
  type BackupHistoryItem,
  type EntityPostureResponse,
  type PostgresBackupRecord,
  type VeleroBackupRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import { postgresGroupKey } from '../database/backupHistoryColumns';
import type {
  BackupHistoryEntry,
  BackupHistoryPosition,
  DatabaseBackupHistoryStore,
} from '../database/DatabaseBackupHistoryStore';

function veleroItem(b: VeleroBackupRecord): BackupHistoryItem {
  return {
    ref: {
      kind: 'Backup',
      cluster: b.cluster,
      namespace: b.namespace,
      name: b.name,
    },
    source: 'velero',
    phase: b.phase,
    scheduleName: b.scheduleName,
    startedAt: b.startedAt ?? b.createdAt,
    completedAt: b.completedAt,
    expiresAt: b.expiresAt,
    errors: b.errors,
    warnings: b.warnings,
    storageLocation: b.storageLocation,
    deletedAt: b.deletedAt,
  };
}

function postgresItem(b: PostgresBackupRecord): BackupHistoryItem {
  return {
    ref: {
      kind: 'Backup',
      cluster: b.cluster,
      namespace: b.namespace,
      name: b.name,
    },
    source: 'cloudnativepg',
    phase: b.phase,
    scheduleName: b.scheduledBackupName,
    startedAt: b.startedAt ?? b.createdAt,
    completedAt: b.stoppedAt,
    errors: b.phase === 'failed' ? 1 : 0,
    warnings: 0,
    deletedAt: b.deletedAt,
  };
}

function itemOf(entry: BackupHistoryEntry): BackupHistoryItem {
  return entry.kindId === RECORD_KINDS.veleroBackup.id
    ? veleroItem(entry.record as VeleroBackupRecord)
    : postgresItem(entry.record as PostgresBackupRecord);
}

/**
 * One page of the backups that protected an entity, including those gone
 * from their cluster, newest first: the Velero backups of the groups the
 * evaluator found protecting it, and the backups of its CloudNativePG
 * clusters.
 */
export async function entityBackupHistory(options: {
  history: DatabaseBackupHistoryStore;
  veleroGroups: string[];
  postgresClusters: EntityPostureResponse['postgresClusters'];
  from?: number;
  to?: number;
  phases?: string[];
  after?: BackupHistoryPosition;
  limit: number;
}): Promise<{ items: BackupHistoryItem[]; next?: BackupHistoryPosition }> {
  const { history, veleroGroups, postgresClusters, ...page } = options;
  const { entries, next } = await history.page({
    ...page,
    groups: [
      ...veleroGroups,
      ...postgresClusters.map(({ ref }) =>
        postgresGroupKey(ref.cluster, {
          namespace: ref.namespace,
          clusterName: ref.name,
        }),
      ),
    ],
  });
  return { items: entries.map(itemOf), next };
}
