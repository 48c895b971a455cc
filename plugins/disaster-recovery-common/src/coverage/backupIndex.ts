import type { VeleroBackupRecord } from '../records';
import type { ClusterObjectRef } from './workloadMapping';

/**
 * The live Velero backups of an estate, grouped so that one entity's
 * candidates are found without reading every backup. Lookups return
 * candidates in estate order, each once; callers still apply the exact
 * scope rules.
 */
export interface BackupIndex {
  /** Live backups created by the given schedules. */
  ofSchedules(schedules: readonly ClusterObjectRef[]): VeleroBackupRecord[];
  /**
   * Live backups whose include list may take one of `namespaces`: those
   * listing one by name and those with an empty list, `*` or a glob.
   */
  mayIncludeAny(namespaces: Iterable<string>): VeleroBackupRecord[];
}

const scheduleKey = (cluster: string, namespace: string, name: string) =>
  `${cluster}/${namespace}/${name}`;

function add(groups: Map<string, number[]>, key: string, position: number) {
  const group = groups.get(key);
  if (group) group.push(position);
  else groups.set(key, [position]);
}

function buildBackupIndex(
  backups: readonly VeleroBackupRecord[],
): BackupIndex {
  // Positions in `backups`, so that merged groups keep the estate order.
  const bySchedule = new Map<string, number[]>();
  const byNamespace = new Map<string, number[]>();
  const patterned: number[] = [];
  backups.forEach((backup, position) => {
    if (backup.deletedAt !== undefined) return;
    if (backup.scheduleName !== undefined) {
      const key = scheduleKey(backup.cluster, backup.namespace, backup.scheduleName);
      add(bySchedule, key, position);
    }
    const included = backup.includedNamespaces;
    if (included.length === 0 || included.some(ns => ns.includes('*'))) {
      patterned.push(position);
      return;
    }
    for (const namespace of new Set(included)) {
      add(byNamespace, namespace, position);
    }
  });
  const inEstateOrder = (groups: Array<readonly number[] | undefined>) =>
    [...new Set(groups.flatMap(group => group ?? []))]
      .sort((a, b) => a - b)
      .map(position => backups[position]);
  return {
    ofSchedules: schedules =>
      inEstateOrder(
        schedules.map(s =>
          bySchedule.get(scheduleKey(s.cluster, s.namespace, s.name)),
        ),
      ),
    mayIncludeAny: namespaces =>
      inEstateOrder([
        ...[...namespaces].map(namespace => byNamespace.get(namespace)),
        patterned,
      ]),
  };
}

// Records are read-only inputs: an estate's index is built once and reused by
// every entity evaluated against the same array.
const indexes = new WeakMap<readonly VeleroBackupRecord[], BackupIndex>();

/** The index of `backups`, built on first use for that array. */
export function backupIndexOf(
  backups: readonly VeleroBackupRecord[],
): BackupIndex {
  let index = indexes.get(backups);
  if (!index) {
    index = buildBackupIndex(backups);
    indexes.set(backups, index);
  }
  return index;
}
