import {
  RECORD_KINDS,
  type PostgresBackupRecord,
  type VeleroBackupRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { JsonObject } from '@backstage/types';
import crypto from 'node:crypto';

/**
 * The fields of a Velero backup that decide which entities it protects:
 * every backup field `resolveEntityCoverage` of -common reads (its index
 * reads the namespace and schedule, its scope rules the rest). Backups with
 * equal scopes in one cluster protect the same entities.
 */
export interface VeleroGroupScope {
  namespace: string;
  scheduleName?: string;
  includedNamespaces: string[];
  excludedNamespaces: string[];
  labelSelector?: VeleroBackupRecord['labelSelector'];
  orLabelSelectors?: VeleroBackupRecord['orLabelSelectors'];
  includedResources?: string[];
  excludedResources?: string[];
}

/** A Velero backup group as stored: judged once per evaluation. */
export interface BackupGroup {
  key: string;
  cluster: string;
  scope: VeleroGroupScope;
}

/** The history columns of a backup row. */
export interface HistoryColumns {
  history_group: string;
  /** Start, else creation time, in epoch ms; null when the record has neither. */
  history_at: number | null;
  history_phase: string | null;
}

/** Hex, not base64: MySQL compares strings without regard to case. */
function hash(parts: unknown[]): string {
  return crypto
    .createHash('sha256')
    .update(JSON.stringify(parts))
    .digest('hex');
}

/** The scope of a Velero backup record, its fields in a fixed order. */
export function veleroGroupScope(
  namespace: string,
  record: Pick<VeleroBackupRecord, keyof Omit<VeleroGroupScope, 'namespace'>>,
): VeleroGroupScope {
  return {
    namespace,
    scheduleName: record.scheduleName,
    includedNamespaces: record.includedNamespaces ?? [],
    excludedNamespaces: record.excludedNamespaces ?? [],
    labelSelector: record.labelSelector,
    orLabelSelectors: record.orLabelSelectors,
    includedResources: record.includedResources,
    excludedResources: record.excludedResources,
  };
}

export function veleroGroupKey(cluster: string, scope: VeleroGroupScope) {
  return hash(['velero', cluster, scope]);
}

/** The group of every backup of one CloudNativePG cluster. */
export function postgresGroupKey(
  cluster: string,
  ref: { namespace: string; clusterName: string },
): string {
  return hash(['cloudnativepg', cluster, ref.namespace, ref.clusterName]);
}

function epochMs(time: unknown): number | null {
  const ms = typeof time === 'string' ? Date.parse(time) : NaN;
  return Number.isNaN(ms) ? null : ms;
}

/**
 * The history columns of a collected row (`record` without identity), and
 * its Velero group; undefined for kinds that are not backups.
 */
export function historyColumnsOf(
  cluster: string,
  kindId: string,
  namespace: string,
  record: JsonObject,
): { columns: HistoryColumns; group?: BackupGroup } | undefined {
  if (kindId === RECORD_KINDS.veleroBackup.id) {
    const backup = record as unknown as VeleroBackupRecord;
    const scope = veleroGroupScope(namespace, backup);
    const key = veleroGroupKey(cluster, scope);
    return {
      columns: {
        history_group: key,
        history_at: epochMs(backup.startedAt ?? backup.createdAt),
        history_phase: backup.phase ?? null,
      },
      group: { key, cluster, scope },
    };
  }
  if (kindId === RECORD_KINDS.postgresBackup.id) {
    const backup = record as unknown as PostgresBackupRecord;
    return {
      columns: {
        history_group: postgresGroupKey(cluster, {
          namespace,
          clusterName: backup.clusterName,
        }),
        history_at: epochMs(backup.startedAt ?? backup.createdAt),
        history_phase: backup.phase ?? null,
      },
    };
  }
  return undefined;
}

/** The kinds that have history columns. */
export const HISTORY_KIND_IDS = [
  RECORD_KINDS.veleroBackup.id,
  RECORD_KINDS.postgresBackup.id,
];

/**
 * A Velero backup standing for its group in the coverage rules: only the
 * scope fields are read, the rest are placeholders.
 */
export function representativeBackup(group: BackupGroup): VeleroBackupRecord {
  const { namespace, ...scope } = group.scope;
  return {
    ...scope,
    cluster: group.cluster,
    namespace,
    name: group.key,
    uid: group.key,
    labels: {},
    lastSeenAt: new Date(0).toISOString(),
    errors: 0,
    warnings: 0,
  };
}
