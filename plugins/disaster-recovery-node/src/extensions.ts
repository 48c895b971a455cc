import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';

/**
 * One listed Kubernetes object in the form the collector stores: queryable
 * columns plus the record the posture rules read.
 *
 * @public
 */
export interface CollectedRow {
  /** Empty for cluster-scoped objects. */
  namespace: string;
  name: string;
  uid: string;
  resourceVersion?: string;
  phase?: string;
  /** The schedule that made the object (Velero Schedule, CNPG ScheduledBackup). */
  scheduleName?: string;
  /** What the object was made from: a Restore's backup, a PostgreSQL Backup's cluster. */
  sourceName?: string;
  storageLocation?: string;
  createdAt?: string;
  startedAt?: string;
  completedAt?: string;
  expiresAt?: string;
  errors?: number;
  warnings?: number;
  includedNamespaces?: string[];
  excludedNamespaces?: string[];
  labelSelector?: JsonObject | JsonObject[];
  /** The record the posture rules read, without `cluster`, `lastSeenAt` and `deletedAt`, which the store adds. */
  record: JsonObject;
}

/**
 * A kind of Kubernetes object to collect from every cluster.
 *
 * @public
 */
export interface KubernetesResourceKind {
  /** Stored with every row, e.g. `velero.io/Backup`; unique across sources. */
  id: string;
  /** e.g. `velero.io/v1`, or `v1` for core objects. */
  apiVersion: string;
  /** e.g. `Backup`. */
  kind: string;
  /** The resource name in API paths, e.g. `backups`. */
  plural: string;
  /** Turns one listed object into its stored form; throws on a malformed object, which is then skipped and reported. */
  toRow(object: unknown): CollectedRow;
}

/**
 * A source of backup state that the disaster-recovery backend collects from
 * every cluster, such as Velero or CloudNativePG.
 *
 * @public
 */
export interface DisasterRecoverySource {
  /** Unique id of the source, e.g. `velero` or `cloudnativepg`. */
  readonly id: string;
  /** The kinds of objects this source lists. */
  readonly resourceKinds: KubernetesResourceKind[];
}

/**
 * Lets backend modules add sources to the disaster-recovery backend plugin.
 *
 * @public
 */
export interface DisasterRecoverySourcesExtensionPoint {
  addSource(...sources: DisasterRecoverySource[]): void;
}

/**
 * Extension point for adding {@link DisasterRecoverySource}s.
 *
 * @public
 */
export const disasterRecoverySourcesExtensionPoint =
  createExtensionPoint<DisasterRecoverySourcesExtensionPoint>({
    id: 'disaster-recovery.sources',
  });
