import type { BuiltInPostureRecords, PostureRecords } from '../recordKinds';
import type { CollectedObject } from '../records';
import type { ClusterFacts } from './clusterFacts';
import { clusterCountsFor, type Environment } from './entityEnvironment';

/**
 * An estate's records split by whether their cluster counts for an
 * environment: `counting` holds those of configured clusters whose role
 * counts, `others` the rest (other roles, and clusters no longer in config,
 * whose history stays in the store). Restores count from every cluster.
 *
 * @public
 */
export interface EnvironmentRecords {
  counting: PostureRecords;
  others: PostureRecords;
}

/**
 * Restores are matched to the entity's counting backups by name: a restore
 * of a production backup into a standby or staging cluster is exactly the
 * restore test the guides ask for, wherever it ran.
 */
const EVERY_CLUSTER_KEY = 'restores';

type Split = { counting: CollectedObject[]; others: CollectedObject[] };

function split(
  items: readonly CollectedObject[],
  counts: (cluster: string) => boolean,
): Split {
  const result: Split = { counting: [], others: [] };
  for (const item of items) {
    (counts(item.cluster) ? result.counting : result.others).push(item);
  }
  return result;
}

function partition(
  records: PostureRecords,
  clusters: readonly ClusterFacts[],
  environment: Environment,
): EnvironmentRecords {
  const roles = new Map(clusters.map(c => [c.name, c.role]));
  const counts = (cluster: string) => {
    const role = roles.get(cluster);
    return role !== undefined && clusterCountsFor(environment, role);
  };
  const counting: Record<string, unknown> = {};
  const others: Record<string, unknown> = {};
  const { byKind, ...builtIn } = records;
  for (const [key, items] of Object.entries(builtIn)) {
    if (!items) continue;
    if (key === EVERY_CLUSTER_KEY) {
      counting[key] = items;
      others[key] = [];
      continue;
    }
    const parts = split(items as readonly CollectedObject[], counts);
    counting[key] = parts.counting;
    others[key] = parts.others;
  }
  if (byKind) {
    const countingByKind: Record<string, CollectedObject[]> = {};
    const otherByKind: Record<string, CollectedObject[]> = {};
    for (const [kind, items] of Object.entries(byKind)) {
      const parts = split(items, counts);
      countingByKind[kind] = parts.counting;
      otherByKind[kind] = parts.others;
    }
    counting.byKind = countingByKind;
    others.byKind = otherByKind;
  }
  return {
    counting: counting as BuiltInPostureRecords & PostureRecords,
    others: others as BuiltInPostureRecords & PostureRecords,
  };
}

// The evaluator judges every entity against one estate and one cluster list:
// split each once per environment, so that per-entity work (and the backup
// index built per records array) never scans the whole estate again.
const cache = new WeakMap<
  PostureRecords,
  WeakMap<readonly ClusterFacts[], Map<Environment, EnvironmentRecords>>
>();

/**
 * The records that count for an entity of `environment` and the others.
 * Inputs are read-only: the result is shared between calls with the same
 * `records` and `clusters` arrays.
 *
 * @public
 */
export function recordsForEnvironment(
  records: PostureRecords,
  clusters: readonly ClusterFacts[],
  environment: Environment,
): EnvironmentRecords {
  let byClusters = cache.get(records);
  if (!byClusters) {
    byClusters = new WeakMap();
    cache.set(records, byClusters);
  }
  let byEnvironment = byClusters.get(clusters);
  if (!byEnvironment) {
    byEnvironment = new Map();
    byClusters.set(clusters, byEnvironment);
  }
  let result = byEnvironment.get(environment);
  if (!result) {
    result = partition(records, clusters, environment);
    byEnvironment.set(environment, result);
  }
  return result;
}
