import type { ClusterCollectionHealth } from '../api';
import type { Check } from '../checks/types';

/**
 * Data from a stale cluster (no successful collection for too long) may be
 * out of date, so a check that relied on it cannot pass: a pass becomes `unknown`, and every
 * status says which cluster is stale since when. A check relied on the
 * clusters of its evidence and on `readClusters`, those holding the
 * entity's collected objects when the check reads collected records (a
 * pass that names nothing, such as all workloads covered, read them too).
 */
export function distrustStaleClusters(
  check: Check,
  clusterHealth: readonly ClusterCollectionHealth[],
  readClusters: ReadonlySet<string> = new Set(),
): Check {
  const stale = clusterHealth.filter(
    health =>
      health.staleSince !== undefined &&
      (readClusters.has(health.name) ||
        check.evidence.refs.some(ref => ref.cluster === health.name)),
  );
  if (stale.length === 0) return check;
  const note = stale
    .map(health =>
      health.lastSuccessAt
        ? `cluster ${health.name} has not been collected since ${health.lastSuccessAt}`
        : `cluster ${health.name} has never been collected completely`,
    )
    .join('; ');
  return {
    ...check,
    status: check.status === 'pass' ? 'unknown' : check.status,
    summary: `${check.summary} Not trusted as current: ${note}.`,
    evidence: {
      ...check.evidence,
      values: {
        ...check.evidence.values,
        staleClusters: stale.map(h => h.name),
      },
    },
  };
}
