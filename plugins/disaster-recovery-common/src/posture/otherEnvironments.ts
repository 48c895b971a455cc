import type { EntityOtherEnvironment } from '../api';
import { backupTime, isCleanRecoveryPoint } from '../checks/veleroBackupPhases';
import {
  resolveEntityCoverage,
  resolveEntityPostgresClusters,
  type WorkloadMapping,
} from '../coverage';
import type { ClusterFacts } from '../environments';
import type { PostureRecords } from '../recordKinds';

/**
 * What covers an entity on the clusters that do not count for its
 * environment, per cluster, found with the same mapping as its checks: a
 * staging backup, a standby's synced copy or the history of a removed
 * cluster is visible, and visibly apart.
 */
export function describeOtherEnvironments(
  mapping: WorkloadMapping,
  others: PostureRecords,
  clusters: readonly ClusterFacts[],
  now: Date,
): EntityOtherEnvironment[] {
  const coverage = resolveEntityCoverage(mapping, {
    workloads: others.workloads ?? [],
    schedules: others.schedules ?? [],
    backups: others.backups ?? [],
  });
  const postgres = resolveEntityPostgresClusters(
    mapping,
    coverage.workloads,
    others.postgresClusters ?? [],
  );
  const roles = new Map(clusters.map(c => [c.name, c.role]));
  const byCluster = new Map<string, EntityOtherEnvironment>();
  const entry = (cluster: string) => {
    let found = byCluster.get(cluster);
    if (!found) {
      const role = roles.get(cluster);
      found = {
        cluster,
        ...(role ? { role } : {}),
        schedules: 0,
        backups: 0,
        postgresClusters: 0,
        workloads: 0,
      };
      byCluster.set(cluster, found);
    }
    return found;
  };
  for (const schedule of coverage.schedules)
    entry(schedule.cluster).schedules += 1;
  for (const workload of coverage.workloads)
    entry(workload.cluster).workloads += 1;
  for (const cluster of postgres.clusters)
    entry(cluster.cluster).postgresClusters += 1;
  for (const backup of coverage.backups) {
    const found = entry(backup.cluster);
    found.backups += 1;
    const time = backupTime(backup);
    if (
      time &&
      isCleanRecoveryPoint(backup, now) &&
      (!found.lastCleanBackupAt ||
        Date.parse(time) > Date.parse(found.lastCleanBackupAt))
    ) {
      found.lastCleanBackupAt = time;
    }
  }
  return [...byCluster.values()].sort((a, b) =>
    a.cluster.localeCompare(b.cluster),
  );
}
