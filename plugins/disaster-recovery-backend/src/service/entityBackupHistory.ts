import type { Entity } from '@backstage/catalog-model';
import {
  RECORD_KINDS,
  resolveEntityCoverage,
  resolveWorkloadMapping,
  type BackupHistoryItem,
  type EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { ResourceStore } from '../database/ResourceStore';

/**
 * Every backup that protected an entity, including those gone from their
 * cluster, newest first, filtered by time and phase. Coverage is worked out
 * with the posture rules' own coverage function.
 */
export async function entityBackupHistory(
  resources: ResourceStore,
  entity: Entity,
  detail: EntityPostureResponse,
  query: { from?: string; to?: string; phase?: string[] },
): Promise<BackupHistoryItem[]> {
  const backups = await resources.listRecords({
    kind: RECORD_KINDS.veleroBackup,
    includeDeleted: true,
  });
  const coverage = resolveEntityCoverage(resolveWorkloadMapping(entity), {
    // History includes vanished backups, judged as if they were still there.
    backups: backups.map(({ deletedAt: _gone, ...live }) => live),
    schedules: await resources.listRecords({
      kind: RECORD_KINDS.veleroSchedule,
    }),
    workloads: [
      ...(await resources.listRecords({ kind: RECORD_KINDS.pod })),
      ...(await resources.listRecords({
        kind: RECORD_KINDS.persistentVolumeClaim,
      })),
    ],
  });
  const deletedAt = new Map(
    backups.map(b => [`${b.cluster}/${b.uid}`, b.deletedAt]),
  );
  const velero: BackupHistoryItem[] = coverage.backups.map(b => ({
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
    deletedAt: deletedAt.get(`${b.cluster}/${b.uid}`),
  }));

  const clusters = new Set(
    detail.postgresClusters.map(
      c => `${c.ref.cluster}/${c.ref.namespace}/${c.ref.name}`,
    ),
  );
  const postgres: BackupHistoryItem[] = (
    await resources.listRecords({
      kind: RECORD_KINDS.postgresBackup,
      includeDeleted: true,
    })
  )
    .filter(record =>
      clusters.has(
        `${record.cluster}/${record.namespace}/${record.clusterName}`,
      ),
    )
    .map(record => ({
      ref: {
        kind: 'Backup',
        cluster: record.cluster,
        namespace: record.namespace,
        name: record.name,
      },
      source: 'cloudnativepg',
      phase: record.phase,
      scheduleName: record.scheduledBackupName,
      startedAt: record.startedAt ?? record.createdAt,
      completedAt: record.stoppedAt,
      errors: record.phase === 'failed' ? 1 : 0,
      warnings: 0,
      deletedAt: record.deletedAt,
    }));

  const from = query.from ? Date.parse(query.from) : -Infinity;
  const to = query.to ? Date.parse(query.to) : Infinity;
  return [...velero, ...postgres]
    .filter(item => {
      const started = item.startedAt ? Date.parse(item.startedAt) : NaN;
      if (query.from || query.to) {
        if (Number.isNaN(started) || started < from || started >= to)
          return false;
      }
      return (
        !query.phase ||
        (item.phase !== undefined && query.phase.includes(item.phase))
      );
    })
    .sort(
      (a, b) =>
        (b.startedAt ? Date.parse(b.startedAt) : 0) -
          (a.startedAt ? Date.parse(a.startedAt) : 0) ||
        a.ref.name.localeCompare(b.ref.name),
    );
}
