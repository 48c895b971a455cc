import type {
  PostgresBackupRecord,
  PostgresClusterRecord,
  PostgresScheduledBackupRecord,
} from '../records';
import type { PostureContext } from './context';
import { CONTINUOUS_ARCHIVING } from './postgresScope';

/**
 * Whether a CloudNativePG cluster backs up at all: through the in-tree
 * `spec.backup` (barman object store or volume snapshots) or the
 * barman-cloud plugin. `unknown` when the record predates collecting
 * `spec.backup` and no plugin is set.
 */
export function postgresBackupSetup(
  cluster: PostgresClusterRecord,
): 'configured' | 'none' | 'unknown' {
  if (cluster.pluginObjectStore) return 'configured';
  const configuration = cluster.backupConfiguration;
  if (!configuration) return 'unknown';
  return configuration.barmanObjectStoreDestination !== undefined ||
    configuration.volumeSnapshot
    ? 'configured'
    : 'none';
}

function ofCluster<T extends { cluster: string; namespace: string }>(
  items: readonly T[],
  cluster: PostgresClusterRecord,
  clusterName: (item: T) => string,
): T[] {
  return items.filter(
    item =>
      item.cluster === cluster.cluster &&
      item.namespace === cluster.namespace &&
      clusterName(item) === cluster.name,
  );
}

/** The cluster's CloudNativePG Backups. */
export function postgresBackupsOf(
  context: PostureContext,
  cluster: PostgresClusterRecord,
): PostgresBackupRecord[] {
  return ofCluster(context.postgres.backups, cluster, b => b.clusterName);
}

/** The cluster's ScheduledBackups. */
export function scheduledBackupsOf(
  context: PostureContext,
  cluster: PostgresClusterRecord,
): PostgresScheduledBackupRecord[] {
  return ofCluster(
    context.postgres.scheduledBackups,
    cluster,
    s => s.clusterName,
  );
}

/**
 * When WAL archiving stopped, if it is failing: the `ContinuousArchiving`
 * condition turned False then, and nothing written since can be recovered.
 */
export function archivingStoppedAt(
  cluster: PostgresClusterRecord,
): string | undefined {
  const condition = cluster.conditions.find(
    c => c.type === CONTINUOUS_ARCHIVING,
  );
  return condition?.status === 'False'
    ? condition.lastTransitionTime
    : undefined;
}
