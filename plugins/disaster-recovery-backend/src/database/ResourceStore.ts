import type {
  CollectedObject,
  RecordKind,
  ClusterCollectionHealth,
  CollectionRunCounts,
  CollectionRunDetails,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { CollectedRow } from '@dr-posture/plugin-disaster-recovery-node';

/** Counts of one collection run. */
export type RunCounts = CollectionRunCounts;

/** What a run found per kind, kept for the collection-health view. */
export type RunDetails = CollectionRunDetails;

/** The stored health of one cluster's collection. */
export type ClusterHealth = Omit<ClusterCollectionHealth, 'configured'>;

/**
 * Persistence of collected objects and collection runs. Writes are idempotent
 * on (cluster, uid), and nothing is marked deleted except by a complete run.
 */
export interface ResourceStore {
  startRun(cluster: string, startedAt: Date): Promise<number>;
  /**
   * The `resourceVersion` of each of these objects as stored, for live
   * objects only: a listed object with the same version is unchanged.
   */
  storedVersions(cluster: string, uids: string[]): Promise<Map<string, string>>;
  /** Writes new or changed objects of one page (idempotent); returns how many. */
  upsertPage(
    cluster: string,
    kind: string,
    rows: Array<{ row: CollectedRow; raw: unknown }>,
    seenAt: Date,
  ): Promise<number>;
  /**
   * Ends a successful run: objects of the completely listed kinds that were
   * not seen are marked deleted (kept as history); returns how many. Throws
   * {@link SuspiciousDeletionError}, writing nothing, when that would be
   * more than `maxDeletedShare` of the cluster's live objects.
   */
  completeRun(options: {
    runId: number;
    cluster: string;
    finishedAt: Date;
    seenUids: Map<string, Set<string>>;
    counts: Omit<RunCounts, 'deleted'>;
    details: RunDetails;
    /** Share of live objects (0–1) a run may mark deleted; default no limit. */
    maxDeletedShare?: number;
  }): Promise<number>;
  /** Ends a failed run; keeps every stored object and marks the cluster stale. */
  failRun(options: {
    runId: number;
    cluster: string;
    finishedAt: Date;
    error: string;
    counts: RunCounts;
    details: RunDetails;
  }): Promise<void>;
  listClusterHealth(): Promise<ClusterHealth[]>;
  /**
   * The finished records of one kind, with identity, cluster and sightings,
   * ordered by cluster, namespace and name.
   */
  listRecords<R extends CollectedObject>(options: {
    kind: RecordKind<R>;
    cluster?: string;
    includeDeleted?: boolean;
  }): Promise<R[]>;
  /** Deletes history of objects that vanished before `before`, and old runs. */
  prune(before: Date): Promise<{ resources: number; runs: number }>;
}

/**
 * A complete run that would have marked too many of a cluster's live
 * objects deleted: more likely a wrong URL, a token that sees too little or
 * an API server answering strangely than a cluster emptied in minutes.
 */
export class SuspiciousDeletionError extends Error {
  readonly name = 'SuspiciousDeletionError';

  constructor(
    readonly cluster: string,
    readonly vanished: number,
    readonly live: number,
    readonly maxDeletedShare: number,
  ) {
    super(
      `Refused to mark ${vanished} of the ${live} live objects of cluster ${cluster} deleted (more than ${Math.round(
        maxDeletedShare * 100,
      )} %): the cluster answered suspiciously, so nothing was deleted`,
    );
  }
}
