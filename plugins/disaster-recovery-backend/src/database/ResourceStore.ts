import type {
  CollectedObject,
  RecordKind,
  ClusterCollectionHealth,
  CollectionRunCounts,
  CollectionRunDetails,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  StoredVersion,
} from '@dr-posture/plugin-disaster-recovery-node';

/** Counts of one collection run. */
export type RunCounts = CollectionRunCounts;

/** What a run found per kind, kept for the collection-health view. */
export type RunDetails = CollectionRunDetails;

/** The stored health of one cluster's collection. */
export type ClusterHealth = Omit<ClusterCollectionHealth, 'configured'>;

/**
 * A stored object as the posture evaluator keeps it: its record, when its
 * row was last written as seen, and whether it is gone.
 */
export interface StoredObjectRow {
  kind: string;
  cluster: string;
  uid: string;
  namespace: string;
  name: string;
  record: CollectedRow['record'];
  /** The row's own `last_seen_at` (a live object is also seen by every later success). */
  lastSeenAt: string;
  deletedAt?: string;
}

/**
 * Where a cluster's watches stand: the store holds every change of each
 * kind up to its resourceVersion, from a listing that began at `listedAt`.
 */
export interface WatchPosition {
  listedAt: Date;
  /** resourceVersion per kind id, for the kinds the cluster serves. */
  versions: Record<string, string>;
}

/**
 * Persistence of collected objects and collection runs. Writes are idempotent
 * on (cluster, uid), and nothing is marked deleted except by a complete run.
 */
export interface ResourceStore {
  /**
   * Opens a run; first closes the cluster's runs still open, whose process
   * died (runs of one cluster hold the scheduler's task lock).
   */
  startRun(cluster: string, startedAt: Date): Promise<number>;
  /**
   * Closes runs still open that started before `startedBefore`, a moment
   * before which no live run can have started (a run ends within its task
   * timeout), so that replicas starting up never close each other's runs.
   */
  closeAbandonedRuns(options: {
    startedBefore: Date;
    now: Date;
  }): Promise<number>;
  /**
   * The `resourceVersion` of each of these objects as stored, for live
   * objects only: a listed object with the same version is unchanged.
   */
  storedVersions(cluster: string, uids: string[]): Promise<Map<string, string>>;
  /**
   * The record of each of these live objects as stored, with when its
   * version was last seen, for kinds that carry history over (`carryOver`).
   */
  storedRecords(
    cluster: string,
    uids: string[],
  ): Promise<Map<string, StoredVersion>>;
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
   * more than `maxDeletedShare` of the cluster's live objects. All or
   * nothing: on any error nothing is marked deleted and the run stays open
   * for `failRun`, as it does when the run was closed as abandoned meanwhile.
   */
  completeRun(options: {
    runId: number;
    cluster: string;
    finishedAt: Date;
    seenUids: Map<string, Set<string>>;
    /** `deleted`: what the run marked deleted before (a watch's events). */
    counts: Omit<RunCounts, 'deleted'> & { deleted?: number };
    details: RunDetails;
    /** Share of live objects (0–1) a run may mark deleted; default no limit. */
    maxDeletedShare?: number;
  }): Promise<number>;
  /**
   * Marks these live objects of one kind deleted (kept as history), as a
   * watch's DELETED events tell; returns how many were live.
   */
  markDeleted(options: {
    cluster: string;
    kind: string;
    uids: string[];
    deletedAt: Date;
  }): Promise<number>;
  /** How many objects of the cluster are live (not marked deleted). */
  countLive(cluster: string): Promise<number>;
  /**
   * Records that the store held everything the cluster served as of `at`
   * (a watch confirmed it): the cluster's last success, whatever run is open;
   * with `position`, saves where the watches stand in the same write.
   */
  confirmCurrent(
    cluster: string,
    at: Date,
    position?: WatchPosition,
  ): Promise<void>;
  /** Where the cluster's watches stand, if they were ever started. */
  watchPosition(cluster: string): Promise<WatchPosition | undefined>;
  /** Saves where the cluster's watches stand. */
  saveWatchPosition(cluster: string, position: WatchPosition): Promise<void>;
  /** Ends a failed run; keeps every stored object. */
  failRun(options: {
    runId: number;
    cluster: string;
    finishedAt: Date;
    /** A short classified reason, shown to anyone. */
    error: string;
    /** The error in full, shown only with the clusters-read permission. */
    errorDetail?: string;
    counts: RunCounts;
    details: RunDetails;
  }): Promise<void>;
  /** Collection health per cluster, stale or not as of `now` (default: now). */
  listClusterHealth(options?: { now?: Date }): Promise<ClusterHealth[]>;
  /**
   * The finished records of one kind, with identity, cluster and sightings,
   * ordered by cluster, namespace and name.
   */
  listRecords<R extends CollectedObject>(options: {
    kind: RecordKind<R>;
    cluster?: string;
    includeDeleted?: boolean;
  }): Promise<R[]>;
  /** The live objects of these kinds, in no particular order. */
  readLiveRows(kinds: readonly string[]): Promise<StoredObjectRow[]>;
  /** These objects as stored now, deleted or not; unknown ones are left out. */
  readRows(
    objects: ReadonlyArray<{ cluster: string; uid: string }>,
  ): Promise<StoredObjectRow[]>;
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
