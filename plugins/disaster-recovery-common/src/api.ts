/**
 * Body of `GET /api/disaster-recovery/health`.
 *
 * @public
 */
export interface HealthResponse {
  status: 'ok';
  /** Ids of the sources added by backend modules through the extension point. */
  sources: string[];
}

/**
 * Counts of one collection run of one cluster.
 *
 * @public
 */
export interface CollectionRunCounts {
  seen: number;
  written: number;
  skipped: number;
  deleted: number;
}

/**
 * What one collection run found per resource kind.
 *
 * @public
 */
export interface CollectionRunDetails {
  kinds: Record<
    string,
    {
      seen: number;
      skipped: number;
      /** Listings restarted because a continue token expired (410). */
      restarts?: number;
      notInstalled?: boolean;
    }
  >;
  /** Malformed objects that were skipped, `kind namespace/name: reason` (the first few). */
  skippedObjects: string[];
}

/**
 * One collection run of one cluster.
 *
 * @public
 */
export interface CollectionRun {
  id: number;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  status: 'running' | 'succeeded' | 'failed';
  counts: CollectionRunCounts;
  error?: string;
  details?: CollectionRunDetails;
}

/**
 * The collection health of one cluster.
 *
 * @public
 */
export interface ClusterCollectionHealth {
  name: string;
  /** False for clusters no longer in config whose history is still kept. */
  configured: boolean;
  lastRunStartedAt?: string;
  lastSuccessAt?: string;
  /** Set while collection fails: the cluster's data is stale since then. */
  staleSince?: string;
  lastError?: string;
  lastRun?: CollectionRun;
}

/**
 * Body of `GET /api/disaster-recovery/clusters`.
 *
 * @public
 */
export interface ClusterCollectionHealthResponse {
  items: ClusterCollectionHealth[];
}
