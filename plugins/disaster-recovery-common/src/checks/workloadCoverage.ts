import { backupScopeCoversWorkload, CNPG_CLUSTER_LABEL } from '../coverage';
import type { BackupStorageLocationRecord, WorkloadRecord } from '../records';
import {
  plural,
  refOf,
  type PostureContext,
  veleroCoverageProblem,
} from './context';
import { defineCheck, verdict } from './definition';
import { CONTINUOUS_ARCHIVING } from './postgresScope';
import { storageLocationOf } from './storageLocations';

const LISTED = 5;

/**
 * Whether CloudNativePG protects a workload: pods and PVCs of one of the
 * entity's clusters that archives WAL or has an active ScheduledBackup.
 * CloudNativePG advises leaving those volumes out of Velero, so they are not
 * findings.
 */
function protectedByPostgres(
  context: PostureContext,
  workload: WorkloadRecord,
): boolean {
  const clusterName = workload.labels[CNPG_CLUSTER_LABEL];
  if (clusterName === undefined) return false;
  const cluster = context.postgres.clusters.find(
    c =>
      c.cluster === workload.cluster &&
      c.namespace === workload.namespace &&
      c.name === clusterName,
  );
  if (!cluster) return false;
  const archiving = cluster.conditions.some(
    c => c.type === CONTINUOUS_ARCHIVING && c.status === 'True',
  );
  const scheduled = context.postgres.scheduledBackups.some(
    s =>
      s.cluster === cluster.cluster &&
      s.namespace === cluster.namespace &&
      s.clusterName === cluster.name &&
      !s.suspended,
  );
  return archiving || scheduled;
}

function bucketOf(location: BackupStorageLocationRecord): string | undefined {
  return location.bucket
    ? `${location.provider}:${location.bucket}/${location.prefix ?? ''}`
    : undefined;
}

/**
 * Whether a workload can be restored from another cluster's backups: an
 * active schedule there takes its namespace and labels and writes to a
 * bucket that a storage location of the workload's own cluster reads. That
 * is a warm standby: its scaled-down copies are rebuilt from the active
 * cluster's backups, which its Velero syncs in; a schedule of its own would
 * only back up a copy.
 */
function restorableFromSharedBucket(
  context: PostureContext,
  workload: WorkloadRecord,
): boolean {
  const readable = new Set(
    context.storageLocations
      .filter(l => l.cluster === workload.cluster)
      .map(bucketOf),
  );
  return context.coverage.schedules.some(schedule => {
    if (schedule.paused || schedule.cluster === workload.cluster) return false;
    if (!backupScopeCoversWorkload(schedule.template, workload)) return false;
    const { record } = storageLocationOf(context, schedule, schedule.template);
    const bucket = record && bucketOf(record);
    return bucket !== undefined && readable.has(bucket);
  });
}

export const workloadCoverage = defineCheck<
  'workload-coverage',
  { workloads: number; uncovered: number; restorableFromAnotherCluster: number }
>({
  id: 'workload-coverage',
  title: 'All workloads backed up',
  appliesTo: 'Entities protected by Velero.',
  docs: "Every pod and PVC of the entity must be taken by an active schedule of its cluster, be restorable from another cluster's schedule through a shared bucket, or be protected by CloudNativePG.",
  scorecard: {
    omitted:
      'Backup freshness and schedule activity are the scorecard statements; uncovered workloads are evidence for the entity page.',
  },
  evaluate: context => {
    const problem = veleroCoverageProblem(context);
    if (problem) return problem.verdict;
    const { workloads } = context.coverage;
    if (workloads.length === 0) {
      return verdict(
        'unknown',
        'No pods or PVCs of this entity were found, so their coverage cannot be checked.',
      );
    }
    const notTaken = context.coverage.uncoveredWorkloads.filter(
      w => !protectedByPostgres(context, w),
    );
    const uncovered = notTaken.filter(
      w => !restorableFromSharedBucket(context, w),
    );
    const values = {
      workloads: workloads.length,
      uncovered: uncovered.length,
      restorableFromAnotherCluster: notTaken.length - uncovered.length,
    };
    if (uncovered.length > 0) {
      const named = uncovered
        .slice(0, LISTED)
        .map(w => `${w.kind} ${w.cluster}/${w.namespace}/${w.name}`);
      const more =
        uncovered.length > LISTED
          ? ` and ${uncovered.length - LISTED} more`
          : '';
      return verdict(
        'fail',
        `${uncovered.length} of ${plural(
          workloads.length,
          'pod or PVC',
          'pods and PVCs',
        )} ${
          uncovered.length === 1 ? 'is' : 'are'
        } not taken by any active schedule, nor restorable from another cluster's: ${named.join(
          ', ',
        )}${more}.`,
        uncovered.map(w => refOf(w.kind, w)),
        values,
      );
    }
    return verdict(
      'pass',
      `All ${plural(
        workloads.length,
        'pod or PVC',
        'pods and PVCs',
      )} of this entity are taken by an active schedule${
        values.restorableFromAnotherCluster > 0
          ? ` (${values.restorableFromAnotherCluster} through another cluster's schedule whose bucket their cluster reads)`
          : ''
      }.`,
      [],
      values,
    );
  },
});
