import type { LoggerService } from '@backstage/backend-plugin-api';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import type { ClusterConfig } from '../clusters/readClusterConfigs';
import type { ResourceStore, RunDetails } from '../database/ResourceStore';
import { createListPage, createServedGroupVersions } from './clusterApi';
import { describeCollectionError } from './describeCollectionError';
import { discoverServed } from './discoverServed';
import { kubeConfigFor } from './kubeConfigFor';
import { listAllPages } from './listAllPages';
import { listUnchanged, type KindListing } from './listUnchanged';
import { writeObjects } from './writeObjects';

/** The default of `disasterRecovery.collection.maxDeletedShare`. */
export const DEFAULT_MAX_DELETED_SHARE = 0.5;

/** The outcome of one collection run of one cluster. */
export interface CollectionResult {
  runId: number;
  status: 'succeeded' | 'failed';
  seen: number;
  written: number;
  skipped: number;
  deleted: number;
  /** A short classified reason, safe to show to anyone. */
  error?: string;
  /** The error in full, for admins. */
  errorDetail?: string;
  /**
   * After a success, the resourceVersion each served kind was listed at,
   * by kind id: watching from it misses nothing (kinds that are not
   * installed are left out).
   */
  listVersions?: Map<string, string | undefined>;
}

/** What a collection run of one cluster works with. */
export interface ClusterRunOptions {
  cluster: ClusterConfig;
  resourceKinds: KubernetesResourceKind[];
  store: ResourceStore;
  logger: LoggerService;
  pageSize: number;
  /** Epoch ms by which the run must end, retries included. */
  deadline: number;
  /** Longest wait for one API answer; default 60 s. */
  requestTimeoutMs?: number;
  /** Longest wait between attempts, whatever Retry-After asks; default 60 s. */
  maxRetryDelayMs?: number;
  /** Share of the cluster's live objects one run may mark deleted; default 0.5. */
  maxDeletedShare?: number;
  /** The scheduler's abort signal (task timeout or shutdown). */
  signal?: AbortSignal;
  now?: () => Date;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Collects every resource kind from one cluster into the store. Each page is
 * written as it arrives; a cluster collected before has each kind's
 * metadata listed first, and a kind is read in full only when an object is
 * new or at a version the store does not hold; malformed objects are
 * skipped and reported; only a run that listed every kind completely marks
 * vanished objects deleted. A
 * failed run keeps all stored data (its cluster goes stale when no run
 * succeeds for long enough). Aborting `signal` stops the run at once: the
 * request in flight is aborted and the run recorded as failed.
 */
export async function collectCluster(
  options: ClusterRunOptions,
): Promise<CollectionResult> {
  const { cluster, resourceKinds, store, logger, pageSize, deadline } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const runId = await store.startRun(cluster.name, startedAt);
  const kubeConfig = kubeConfigFor(cluster);
  const listPage = createListPage(kubeConfig);
  const listMetadataPage = createListPage(kubeConfig, 'metadata');
  const servedGroupVersions = createServedGroupVersions(kubeConfig);
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const seenUids = new Map<string, Set<string>>();
  const listVersions = new Map<string, string | undefined>();
  const details: RunDetails = { kinds: {}, skippedObjects: [] };
  const counts = { seen: 0, written: 0, skipped: 0 };

  const failed = async (error: unknown): Promise<CollectionResult> => {
    const { reason, detail } = describeCollectionError(error);
    try {
      await store.failRun({
        runId,
        cluster: cluster.name,
        finishedAt: now(),
        error: reason,
        errorDetail: detail,
        counts: { ...counts, deleted: 0 },
        details,
      });
    } catch (recordError) {
      // The database itself is failing: the run stays open until the next
      // run of this cluster, or a restart, closes it; staleness follows
      // from the age of the last success either way.
      logger.error(
        `Could not record the failed collection of cluster ${
          cluster.name
        }: ${errorMessage(recordError)}`,
      );
    }
    logger.error(
      `Collection of cluster ${cluster.name} failed (${reason}); its earlier data is kept and marked stale: ${detail}`,
    );
    return {
      runId,
      status: 'failed',
      ...counts,
      deleted: 0,
      error: reason,
      errorDetail: detail,
    };
  };

  /** Lists one kind in full, writing what is new or changed. */
  const listInFull = async (
    kind: KubernetesResourceKind,
  ): Promise<KindListing> => {
    const seen = new Set<string>();
    const outcome = await listAllPages({
      listPage,
      kind,
      pageSize,
      deadline,
      requestTimeoutMs,
      maxRetryDelayMs: options.maxRetryDelayMs,
      signal: options.signal,
      onPage: items =>
        writeObjects({
          cluster: cluster.name,
          kind,
          objects: items,
          store,
          logger,
          seenAt: now(),
          counts,
          details,
          onSeen: uid => seen.add(uid),
        }),
    });
    return { ...outcome, seen };
  };

  try {
    const served = await discoverServed(servedGroupVersions, {
      deadline,
      requestTimeoutMs,
      maxRetryDelayMs: options.maxRetryDelayMs,
      signal: options.signal,
    });
    // A cluster collected before is mostly unchanged: each kind's metadata
    // is listed first, and only kinds with something new are read in full.
    const recollecting = (await store.countLive(cluster.name)) > 0;
    for (const kind of resourceKinds) {
      const kindCounts = { seen: 0, skipped: 0 };
      details.kinds[kind.id] = kindCounts;
      if (!served.has(kind.apiVersion)) {
        details.kinds[kind.id] = { ...kindCounts, notInstalled: true };
        // Discovery says the API is not served: an uninstalled CRD's objects
        // are gone (the share guard of completeRun still applies).
        seenUids.set(kind.id, new Set());
        continue;
      }
      const { seen, ...outcome } =
        (recollecting
          ? await listUnchanged({
              listMetadataPage,
              kind,
              cluster: cluster.name,
              store,
              pageSize,
              deadline,
              requestTimeoutMs,
              maxRetryDelayMs: options.maxRetryDelayMs,
              signal: options.signal,
            })
          : undefined) ?? (await listInFull(kind));
      kindCounts.seen = seen.size;
      counts.seen += seen.size;
      seenUids.set(kind.id, seen);
      listVersions.set(kind.id, outcome.resourceVersion);
      if (outcome.restarts > 0) {
        details.kinds[kind.id] = {
          ...kindCounts,
          restarts: outcome.restarts,
        };
      }
    }
  } catch (error) {
    return failed(error);
  }

  let deleted: number;
  try {
    deleted = await store.completeRun({
      runId,
      cluster: cluster.name,
      finishedAt: now(),
      seenUids,
      counts,
      details,
      maxDeletedShare: options.maxDeletedShare ?? DEFAULT_MAX_DELETED_SHARE,
    });
  } catch (error) {
    return failed(error);
  }
  logger.info(
    `Collected cluster ${cluster.name}: ${counts.seen} objects seen, ${counts.written} written, ${counts.skipped} skipped, ${deleted} marked deleted`,
    {
      cluster: cluster.name,
      runId,
      ...counts,
      deleted,
      durationMs: now().getTime() - startedAt.getTime(),
    },
  );
  return { runId, status: 'succeeded', ...counts, deleted, listVersions };
}
