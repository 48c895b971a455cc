import { KUBERNETES_ANNOTATIONS } from '../annotations';
import type {
  PostgresClusterRecord,
  VeleroBackupRecord,
  VeleroScheduleRecord,
  WorkloadRecord,
} from '../records';
import { matchesLabelSelector } from '../selectors';
import {
  backupScopeCoversWorkload,
  backupScopeIncludesNamespace,
  backupScopeMatchesLabels,
  backupScopeSelectsByLabel,
} from './backupScope';
import { backupIndexOf } from './backupIndex';
import type { ClusterObjectRef, WorkloadMapping } from './workloadMapping';

/**
 * The label CloudNativePG puts on the pods and PVCs of a cluster.
 *
 * @public
 */
export const CNPG_CLUSTER_LABEL = 'cnpg.io/cluster';

/**
 * How the backups of an entity were found:
 * - `annotation`: the `disaster-recovery/velero-schedules` annotation names them;
 * - `workloads`: they take at least one of the entity's pods or PVCs;
 * - `selector`: no workload of the entity was found (none collected is not
 *   none protected), so backups count that include its
 *   `backstage.io/kubernetes-namespace` (any, when it names none) and whose
 *   label selector takes the labels the entity's Kubernetes mapping selects
 *   (or, without a selector of their own, that include the named namespace);
 * - `none`: nothing to match backups against: no workload of the entity was
 *   found and neither its namespace nor its labels select any backup.
 *
 * @public
 */
export type CoverageBasis = 'annotation' | 'workloads' | 'selector' | 'none';

/**
 * The Velero backups, schedules and workloads of one entity.
 *
 * @public
 */
export interface EntityCoverage {
  basis: CoverageBasis;
  workloads: WorkloadRecord[];
  schedules: VeleroScheduleRecord[];
  /** Schedules named by the annotation that were not found. */
  missingSchedules: ClusterObjectRef[];
  backups: VeleroBackupRecord[];
  /** Workloads that no schedule which is not paused takes. */
  uncoveredWorkloads: WorkloadRecord[];
}

function live<T extends { deletedAt?: string }>(records: readonly T[]): T[] {
  return records.filter(record => record.deletedAt === undefined);
}

function sameObject(record: ClusterObjectRef, ref: ClusterObjectRef): boolean {
  return (
    record.cluster === ref.cluster &&
    record.namespace === ref.namespace &&
    record.name === ref.name
  );
}

/**
 * Whether a record (pod, PVC, PostgreSQL cluster) is the entity's by its
 * labels and namespace, the way the Kubernetes plugin maps them: the label
 * selector annotation wins over the id.
 *
 * @public
 */
export function isMappedToEntity(
  mapping: WorkloadMapping,
  record: { namespace: string; labels: Readonly<Record<string, string>> },
): boolean {
  if (mapping.namespace !== undefined && record.namespace !== mapping.namespace) {
    return false;
  }
  if (mapping.labelSelector) {
    return matchesLabelSelector(mapping.labelSelector, record.labels);
  }
  if (mapping.kubernetesId !== undefined) {
    return record.labels[KUBERNETES_ANNOTATIONS.id] === mapping.kubernetesId;
  }
  return false;
}

/**
 * The labels every object the entity's mapping selects carries: the label
 * selector's `matchLabels` and single-valued `In` requirements (`app=x`
 * reads as one), or the `backstage.io/kubernetes-id` label.
 */
function labelsSelectedBy(
  mapping: WorkloadMapping,
): Record<string, string> | undefined {
  if (mapping.labelSelector) {
    const { matchLabels = {}, matchExpressions = [] } = mapping.labelSelector;
    const labels: Record<string, string> = { ...matchLabels };
    for (const requirement of matchExpressions) {
      if (requirement.operator === 'In' && requirement.values?.length === 1) {
        labels[requirement.key] = requirement.values[0];
      }
    }
    return Object.keys(labels).length > 0 ? labels : undefined;
  }
  return mapping.kubernetesId !== undefined
    ? { [KUBERNETES_ANNOTATIONS.id]: mapping.kubernetesId }
    : undefined;
}

/**
 * Finds the entity's pods and PVCs, the Velero schedules and backups that
 * cover it, and the workloads no active schedule takes. Explicit annotations
 * win: when `disaster-recovery/velero-schedules` is set, only those schedules
 * and their backups count. Deleted records are ignored.
 *
 * @public
 */
export function resolveEntityCoverage(
  mapping: WorkloadMapping,
  records: {
    workloads: readonly WorkloadRecord[];
    schedules: readonly VeleroScheduleRecord[];
    backups: readonly VeleroBackupRecord[];
  },
): EntityCoverage {
  const workloads = live(records.workloads).filter(workload =>
    isMappedToEntity(mapping, workload),
  );
  const allSchedules = live(records.schedules);
  const backupIndex = backupIndexOf(records.backups);

  let basis: CoverageBasis;
  let schedules: VeleroScheduleRecord[];
  let backups: VeleroBackupRecord[];
  let missingSchedules: ClusterObjectRef[] = [];

  if (mapping.veleroSchedules) {
    const named = mapping.veleroSchedules;
    basis = 'annotation';
    schedules = allSchedules.filter(s => named.some(ref => sameObject(s, ref)));
    missingSchedules = named.filter(ref => !schedules.some(s => sameObject(s, ref)));
    backups = backupIndex.ofSchedules(named);
  } else if (workloads.length > 0) {
    basis = 'workloads';
    const takesAny = (cluster: string, scope: Parameters<typeof backupScopeCoversWorkload>[0]) =>
      workloads.some(w => w.cluster === cluster && backupScopeCoversWorkload(scope, w));
    schedules = allSchedules.filter(s => takesAny(s.cluster, s.template));
    backups = backupIndex
      .mayIncludeAny(new Set(workloads.map(w => w.namespace)))
      .filter(b => takesAny(b.cluster, b));
  } else if (mapping.namespace !== undefined || labelsSelectedBy(mapping)) {
    basis = 'selector';
    const { namespace } = mapping;
    const labels = labelsSelectedBy(mapping);
    const takesEntity = (scope: Parameters<typeof backupScopeCoversWorkload>[0]) =>
      (namespace === undefined || backupScopeIncludesNamespace(scope, namespace)) &&
      (backupScopeSelectsByLabel(scope)
        ? labels !== undefined && backupScopeMatchesLabels(scope, labels)
        : namespace !== undefined);
    schedules = allSchedules.filter(s => takesEntity(s.template));
    const candidates =
      namespace === undefined ? live(records.backups) : backupIndex.mayIncludeAny([namespace]);
    backups = candidates.filter(takesEntity);
    if (namespace === undefined && schedules.length === 0 && backups.length === 0) {
      basis = 'none';
    }
  } else {
    basis = 'none';
    schedules = [];
    backups = [];
  }

  // Only schedules Velero validated (Enabled) and not paused take backups.
  const active = schedules.filter(
    schedule => !schedule.paused && schedule.phase === 'Enabled',
  );
  const uncoveredWorkloads = workloads.filter(
    workload =>
      !active.some(
        schedule =>
          schedule.cluster === workload.cluster &&
          backupScopeCoversWorkload(schedule.template, workload),
      ),
  );
  return { basis, workloads, schedules, missingSchedules, backups, uncoveredWorkloads };
}

/**
 * The CloudNativePG clusters of an entity, with those named by the
 * `disaster-recovery/postgres-clusters` annotation but not found. Without
 * the annotation a cluster is the entity's when one of its pods or PVCs
 * (labelled `cnpg.io/cluster`) is, or when the Cluster object itself carries
 * the entity's labels.
 *
 * @public
 */
export function resolveEntityPostgresClusters(
  mapping: WorkloadMapping,
  entityWorkloads: readonly WorkloadRecord[],
  clusters: readonly PostgresClusterRecord[],
): { clusters: PostgresClusterRecord[]; missing: ClusterObjectRef[] } {
  const candidates = live(clusters);
  if (mapping.postgresClusters) {
    const named = mapping.postgresClusters;
    const found = candidates.filter(c => named.some(ref => sameObject(c, ref)));
    return {
      clusters: found,
      missing: named.filter(ref => !found.some(c => sameObject(c, ref))),
    };
  }
  return {
    clusters: candidates.filter(
      cluster =>
        isMappedToEntity(mapping, cluster) ||
        entityWorkloads.some(
          workload =>
            workload.cluster === cluster.cluster &&
            workload.namespace === cluster.namespace &&
            workload.labels[CNPG_CLUSTER_LABEL] === cluster.name,
        ),
    ),
    missing: [],
  };
}
