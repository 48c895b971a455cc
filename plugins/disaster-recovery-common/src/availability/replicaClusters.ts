import type {
  BarmanObjectStoreRecord,
  PostgresClusterRecord,
} from '../records';

/** Where a database's WAL goes: in-tree barman or its barman-cloud ObjectStore. */
function destinationsOf(
  cluster: PostgresClusterRecord,
  objectStores: readonly BarmanObjectStoreRecord[],
): string[] {
  const store = cluster.pluginObjectStore
    ? objectStores.find(
        s =>
          s.deletedAt === undefined &&
          s.cluster === cluster.cluster &&
          s.namespace === cluster.namespace &&
          s.name === cluster.pluginObjectStore?.name,
      )
    : undefined;
  return [
    cluster.backupConfiguration?.barmanObjectStoreDestination,
    store?.destinationPath,
  ]
    .filter((path): path is string => Boolean(path))
    .map(path => path.replace(/\/+$/, ''));
}

/**
 * Whether `replica` (a replica cluster) replicates from `origin`: its
 * source names the origin's server and, where both say where WAL is
 * kept, the same object store path; a streaming source must name the
 * origin's server and a host that mentions it.
 *
 * @public
 */
export function replicatesFrom(
  replica: PostgresClusterRecord,
  origin: PostgresClusterRecord,
  objectStores: readonly BarmanObjectStoreRecord[],
): boolean {
  const source = replica.replicaOf;
  if (!source) return false;
  const originServer = origin.pluginObjectStore?.serverName ?? origin.name;
  if (source.serverName !== originServer) return false;
  const replicaStore = source.objectStore
    ? objectStores.find(
        s =>
          s.deletedAt === undefined &&
          s.cluster === replica.cluster &&
          s.namespace === replica.namespace &&
          s.name === source.objectStore,
      )
    : undefined;
  const replicaPaths = [source.destinationPath, replicaStore?.destinationPath]
    .filter((path): path is string => Boolean(path))
    .map(path => path.replace(/\/+$/, ''));
  if (replicaPaths.length > 0) {
    const originPaths = destinationsOf(origin, objectStores);
    return replicaPaths.some(path => originPaths.includes(path));
  }
  return source.host !== undefined && source.host.includes(origin.name);
}

/** Whether every instance of a CloudNativePG cluster is ready; undefined when not reported. */
export function allInstancesReady(
  cluster: PostgresClusterRecord,
): boolean | undefined {
  if (cluster.instances === undefined || cluster.readyInstances === undefined) {
    return undefined;
  }
  return cluster.readyInstances >= cluster.instances && cluster.instances > 0;
}
