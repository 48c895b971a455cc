import type { Entity } from '@backstage/catalog-model';
import {
  resolveEntityCoverage,
  resolveWorkloadMapping,
  type BackupHistoryItem,
  type EntityPostureResponse,
  type PostgresBackupRecord,
  type VeleroBackupRecord,
  type VeleroScheduleRecord,
  type WorkloadRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { ResourceStore, StoredResource } from '../database/ResourceStore';

function asRecord<T>(stored: StoredResource): T {
  return {
    ...stored.record,
    cluster: stored.cluster,
    lastSeenAt: stored.lastSeenAt,
  } as T;
}

async function load<T>(
  resources: ResourceStore,
  kind: string,
  includeDeleted = false,
) {
  const stored = await resources.listResources({ kind, includeDeleted });
  return stored.map(s => ({ record: asRecord<T>(s), deletedAt: s.deletedAt }));
}

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
  const backups = await load<VeleroBackupRecord>(
    resources,
    'velero.io/Backup',
    true,
  );
  const deletedAt = new Map(
    backups.map(b => [`${b.record.cluster}/${b.record.uid}`, b.deletedAt]),
  );
  const coverage = resolveEntityCoverage(resolveWorkloadMapping(entity), {
    // History includes vanished backups, judged as if they were still there.
    backups: backups.map(b => b.record),
    schedules: (
      await load<VeleroScheduleRecord>(resources, 'velero.io/Schedule')
    ).map(s => s.record),
    workloads: [
      ...(await load<WorkloadRecord>(resources, 'Pod')),
      ...(await load<WorkloadRecord>(resources, 'PersistentVolumeClaim')),
    ].map(w => w.record),
  });
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
    await load<PostgresBackupRecord>(
      resources,
      'postgresql.cnpg.io/Backup',
      true,
    )
  )
    .filter(({ record }) =>
      clusters.has(
        `${record.cluster}/${record.namespace}/${record.clusterName}`,
      ),
    )
    .map(({ record, deletedAt: gone }) => ({
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
      deletedAt: gone,
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
