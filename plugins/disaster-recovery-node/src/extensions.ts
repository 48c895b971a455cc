import { createExtensionPoint } from '@backstage/backend-plugin-api';
import type { JsonObject } from '@backstage/types';
import type {
  CheckDefinition,
  CollectedObject,
  RecordKind,
} from '@dr-posture/plugin-disaster-recovery-common';

/**
 * One listed Kubernetes object as the collector stores it: its identity and
 * the record the posture rules read.
 *
 * @public
 */
export interface CollectedRow {
  /** Empty for cluster-scoped objects. */
  namespace: string;
  name: string;
  uid: string;
  /** Lets the collector skip objects that did not change. */
  resourceVersion?: string;
  /**
   * The rest of the record the posture rules read; the store adds the
   * identity above, `cluster`, `lastSeenAt` and `deletedAt`.
   */
  record: JsonObject;
}

/**
 * A kind of Kubernetes object to collect from every cluster: its
 * declaration (id, API coordinates, where the rules find its records) and
 * the parser that turns a listed object into a row.
 *
 * @public
 */
export interface KubernetesResourceKind<
  R extends CollectedObject = CollectedObject,
> extends RecordKind<R> {
  /** Turns one listed object into its stored form; throws on a malformed object, which is then skipped and reported. */
  toRow(object: unknown): CollectedRow;
  /**
   * For records that keep a history across versions of an object (a pod's
   * restart counts): the row to store for a new or changed object, given
   * the record stored for its previous version and when that version was
   * last seen (undefined for an object not stored yet), and when this one
   * is seen. Left out, a changed object's record replaces the stored one.
   */
  carryOver?(
    row: CollectedRow,
    stored: StoredVersion | undefined,
    seenAt: Date,
  ): CollectedRow;
}

/**
 * The record stored for the previous version of an object, and when that
 * version was last seen.
 *
 * @public
 */
export interface StoredVersion {
  /** The record as stored (without identity and sightings). */
  record: JsonObject;
  /** ISO 8601. */
  lastSeenAt: string;
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
  /**
   * Posture checks that read the source's records (with `recordsOf` from
   * -common), reported after the built-in checks. Ids must be unique.
   */
  readonly checks?: CheckDefinition[];
}

/**
 * Lets backend modules add sources (and the checks that read them) to the
 * disaster-recovery backend plugin.
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
