import type { Entity } from '@backstage/catalog-model';
import {
  backupScopeSelectsByLabel,
  isMappedToEntity,
  resolveEntityPostgresClusters,
  resolveWorkloadMapping,
  type CollectedObject,
  type PostureRecords,
  type RecordKind,
  type VeleroBackupScope,
  type WorkloadMapping,
  type WorkloadRecord,
} from '@dr-posture/plugin-disaster-recovery-common';

/**
 * What an entity's posture reads, as far as a change can tell: a change
 * that touches none of it cannot change the posture. Worked out with the
 * rules' own matching (the workload mapping, label selectors, CloudNativePG
 * cluster labels) over every cluster, so it covers what the rules read in
 * the entity's own environment and in the others; each part is a superset.
 */
export interface EntityInterest {
  mapping: WorkloadMapping;
  /** Namespaces (in any cluster) holding objects the rules may read for it. */
  namespaces: ReadonlySet<string>;
  /** Clusters whose storage locations, nodes and volume backups it may read. */
  clusters: ReadonlySet<string>;
  /** `cluster/namespace/name` of the Velero schedules its annotation names. */
  schedules: ReadonlySet<string>;
  /** `cluster/namespace/name` of its CloudNativePG clusters, found or named. */
  postgres: ReadonlySet<string>;
  /**
   * Neither a namespace nor schedules are named: backups selecting by label
   * anywhere may cover it.
   */
  labelledBackups: boolean;
}

const keyOf = (cluster: string, namespace: string, name: string) =>
  `${cluster}/${namespace}/${name}`;

function live<T extends CollectedObject>(records: readonly T[] | undefined) {
  return (records ?? []).filter(record => record.deletedAt === undefined);
}

/** Whether a record carries the entity's labels, or its pods would. */
function isMapped(mapping: WorkloadMapping, record: CollectedObject): boolean {
  const podLabels = (record as { podLabels?: Record<string, string> })
    .podLabels;
  return (
    isMappedToEntity(mapping, record) ||
    (podLabels !== undefined &&
      isMappedToEntity(mapping, {
        namespace: record.namespace,
        labels: podLabels,
      }))
  );
}

function scopeOf(kind: RecordKind, record: CollectedObject): VeleroBackupScope {
  return kind.postureKey === 'schedules'
    ? (record as unknown as { template: VeleroBackupScope }).template
    : (record as unknown as VeleroBackupScope);
}

/** Include lists that take every namespace, or a pattern of them. */
function includesAny(scope: VeleroBackupScope): boolean {
  return (
    scope.includedNamespaces.length === 0 ||
    scope.includedNamespaces.some(namespace => namespace.includes('*'))
  );
}

/**
 * Which clusters hold Velero backups or schedules that may take a
 * namespace, built once per estate: an entity's clusters come from it
 * without reading every backup.
 */
export class ScopeIndex {
  private constructor(
    private readonly byNamespace: Map<string, Set<string>>,
    private readonly anyNamespace: Set<string>,
    private readonly byLabel: Set<string>,
  ) {}

  static of(records: PostureRecords): ScopeIndex {
    const byNamespace = new Map<string, Set<string>>();
    const anyNamespace = new Set<string>();
    const byLabel = new Set<string>();
    const scopes = [
      ...live(records.backups).map(b => ({ cluster: b.cluster, scope: b })),
      ...live(records.schedules).map(s => ({
        cluster: s.cluster,
        scope: s.template,
      })),
    ];
    for (const { cluster, scope } of scopes) {
      if (backupScopeSelectsByLabel(scope)) byLabel.add(cluster);
      if (includesAny(scope)) {
        anyNamespace.add(cluster);
        continue;
      }
      for (const namespace of scope.includedNamespaces) {
        const clusters = byNamespace.get(namespace) ?? new Set();
        clusters.add(cluster);
        byNamespace.set(namespace, clusters);
      }
    }
    return new ScopeIndex(byNamespace, anyNamespace, byLabel);
  }

  /** Clusters with a backup or schedule that may take one of `namespaces`. */
  clustersTaking(namespaces: ReadonlySet<string>, byLabel: boolean): string[] {
    return [
      ...(namespaces.size > 0 ? this.anyNamespace : []),
      ...[...namespaces].flatMap(ns => [...(this.byNamespace.get(ns) ?? [])]),
      ...(byLabel ? this.byLabel : []),
    ];
  }
}

/** What the entity's posture reads in `records` (see {@link EntityInterest}). */
export function interestOf(
  entity: Entity,
  records: PostureRecords,
  scopes: ScopeIndex,
): EntityInterest {
  const mapping = resolveWorkloadMapping(entity);
  const namespaces = new Set<string>();
  const clusters = new Set<string>();
  const add = (record: { cluster: string; namespace: string }) => {
    namespaces.add(record.namespace);
    clusters.add(record.cluster);
  };
  if (mapping.namespace !== undefined) namespaces.add(mapping.namespace);
  const workloads: WorkloadRecord[] = live(records.workloads).filter(w =>
    isMapped(mapping, w),
  );
  workloads.forEach(add);
  for (const record of [
    ...live(records.workloadControllers),
    ...live(records.certificates),
  ]) {
    if (isMapped(mapping, record)) add(record);
  }
  const postgres = new Set<string>();
  for (const cluster of resolveEntityPostgresClusters(
    mapping,
    workloads,
    records.postgresClusters ?? [],
  ).clusters) {
    add(cluster);
    postgres.add(keyOf(cluster.cluster, cluster.namespace, cluster.name));
  }
  for (const ref of mapping.postgresClusters ?? []) {
    add(ref);
    postgres.add(keyOf(ref.cluster, ref.namespace, ref.name));
  }
  const schedules = new Set<string>();
  for (const ref of mapping.veleroSchedules ?? []) {
    clusters.add(ref.cluster);
    schedules.add(keyOf(ref.cluster, ref.namespace, ref.name));
  }
  const labelledBackups =
    mapping.veleroSchedules === undefined && mapping.namespace === undefined;
  for (const cluster of scopes.clustersTaking(namespaces, labelledBackups)) {
    clusters.add(cluster);
  }
  return {
    mapping,
    namespaces,
    clusters,
    schedules,
    postgres,
    labelledBackups,
  };
}

/**
 * Whether a version of a record (before or after a change) is one the
 * entity's posture may read. Kinds the rules read estate-wide (restores,
 * which match backups by name in any cluster) and kinds of other sources
 * touch every entity.
 */
export function touches(
  interest: EntityInterest,
  kind: RecordKind,
  record: CollectedObject,
): boolean {
  const { namespaces, clusters, mapping } = interest;
  const inNamespace = namespaces.has(record.namespace);
  switch (kind.postureKey) {
    case 'workloads':
    case 'workloadControllers':
    case 'certificates':
      return inNamespace || isMapped(mapping, record);
    case 'postgresClusters':
      return (
        inNamespace ||
        isMapped(mapping, record) ||
        interest.postgres.has(
          keyOf(record.cluster, record.namespace, record.name),
        )
      );
    case 'disruptionBudgets':
    case 'autoscalers':
      return inNamespace;
    case 'postgresBackups':
    case 'postgresScheduledBackups':
      return (
        inNamespace ||
        interest.postgres.has(
          keyOf(
            record.cluster,
            record.namespace,
            (record as unknown as { clusterName: string }).clusterName,
          ),
        )
      );
    case 'objectStores':
      return inNamespace || interest.postgres.size > 0;
    case 'backups':
    case 'schedules': {
      const scope = scopeOf(kind, record);
      const name =
        kind.postureKey === 'schedules'
          ? record.name
          : (record as unknown as { scheduleName?: string }).scheduleName;
      return (
        (includesAny(scope)
          ? namespaces.size > 0
          : scope.includedNamespaces.some(ns => namespaces.has(ns))) ||
        (interest.labelledBackups && backupScopeSelectsByLabel(scope)) ||
        (name !== undefined &&
          interest.schedules.has(keyOf(record.cluster, record.namespace, name)))
      );
    }
    case 'storageLocations':
    case 'volumeSnapshotLocations':
    case 'podVolumeBackups':
    case 'dataUploads':
    case 'nodes':
      return clusters.has(record.cluster);
    default:
      return true;
  }
}
