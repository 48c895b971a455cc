import type { LoggerService } from '@backstage/backend-plugin-api';
import type {
  CollectedRow,
  KubernetesResourceKind,
} from '@dr-posture/plugin-disaster-recovery-node';
import type { ClusterConfig } from '../clusters/readClusterConfigs';
import type { ResourceStore, RunDetails } from '../database/ResourceStore';
import { createListPage, createServedGroupVersions } from './clusterApi';
import { kubeConfigFor } from './kubeConfigFor';
import { listAllPages } from './listAllPages';
import { withRetries } from './retryPolicy';
import { withTimeout } from './withTimeout';

/** The default of `disasterRecovery.collection.maxDeletedShare`. */
export const DEFAULT_MAX_DELETED_SHARE = 0.5;

/** Malformed objects named in a run's details; the count covers the rest. */
const MAX_NAMED_SKIPS = 20;

/** The outcome of one collection run of one cluster. */
export interface CollectionResult {
  runId: number;
  status: 'succeeded' | 'failed';
  seen: number;
  written: number;
  skipped: number;
  deleted: number;
  error?: string;
}

function describeObject(kind: KubernetesResourceKind, object: unknown): string {
  const metadata = (
    object as { metadata?: { namespace?: string; name?: string } }
  )?.metadata;
  const name = metadata?.name ?? '(unnamed)';
  return `${kind.id} ${
    metadata?.namespace ? `${metadata.namespace}/` : ''
  }${name}`;
}

/** An object's uid and resourceVersion, when its metadata has both. */
function identityOf(
  object: unknown,
): { uid: string; resourceVersion: string } | undefined {
  const metadata = (
    object as { metadata?: { uid?: unknown; resourceVersion?: unknown } }
  )?.metadata;
  return typeof metadata?.uid === 'string' &&
    typeof metadata.resourceVersion === 'string' &&
    metadata.resourceVersion !== ''
    ? { uid: metadata.uid, resourceVersion: metadata.resourceVersion }
    : undefined;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Collects every resource kind from one cluster into the store. Each page is
 * written as it arrives; malformed objects are skipped and reported; only a
 * run that listed every kind completely marks vanished objects deleted. A
 * failed run keeps all stored data and marks the cluster stale.
 */
export async function collectCluster(options: {
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
  now?: () => Date;
}): Promise<CollectionResult> {
  const { cluster, resourceKinds, store, logger, pageSize, deadline } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const runId = await store.startRun(cluster.name, startedAt);
  const kubeConfig = kubeConfigFor(cluster);
  const listPage = createListPage(kubeConfig);
  const servedGroupVersions = createServedGroupVersions(kubeConfig);
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const seenUids = new Map<string, Set<string>>();
  const details: RunDetails = { kinds: {}, skippedObjects: [] };
  const counts = { seen: 0, written: 0, skipped: 0 };

  const failed = async (error: unknown): Promise<CollectionResult> => {
    const message = errorMessage(error);
    await store.failRun({
      runId,
      cluster: cluster.name,
      finishedAt: now(),
      error: message,
      counts: { ...counts, deleted: 0 },
      details,
    });
    logger.error(
      `Collection of cluster ${cluster.name} failed; its earlier data is kept and marked stale: ${message}`,
    );
    return { runId, status: 'failed', ...counts, deleted: 0, error: message };
  };

  try {
    const served = await withRetries(
      () =>
        withTimeout(
          servedGroupVersions(),
          Math.max(1, Math.min(requestTimeoutMs, deadline - Date.now())),
        ),
      { deadline, maxDelayMs: options.maxRetryDelayMs },
    ).catch(error => {
      throw new Error(
        `API discovery of the cluster failed, so no kind could be judged installed or not: ${errorMessage(
          error,
        )}`,
      );
    });
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
      const seen = new Set<string>();
      const outcome = await listAllPages({
        listPage,
        kind,
        pageSize,
        deadline,
        requestTimeoutMs,
        maxRetryDelayMs: options.maxRetryDelayMs,
        onPage: async items => {
          const markSeen = (uid: string) => {
            if (!seen.has(uid)) {
              seen.add(uid);
              kindCounts.seen += 1;
              counts.seen += 1;
            }
          };
          // Objects whose resourceVersion is stored already are unchanged:
          // neither parsed nor written, which keeps re-collection cheap.
          const identities = items.map(identityOf);
          const stored = await store.storedVersions(
            cluster.name,
            identities.flatMap(identity => (identity ? [identity.uid] : [])),
          );
          const rows: Array<{ row: CollectedRow; raw: unknown }> = [];
          items.forEach((object, index) => {
            const identity = identities[index];
            if (
              identity &&
              stored.get(identity.uid) === identity.resourceVersion
            ) {
              markSeen(identity.uid);
              return;
            }
            try {
              const row = kind.toRow(object);
              rows.push({ row, raw: object });
              markSeen(row.uid);
            } catch (error) {
              const description = `${describeObject(
                kind,
                object,
              )}: ${errorMessage(error)}`;
              logger.warn(
                `Skipped a malformed object in cluster ${cluster.name}: ${description}`,
              );
              kindCounts.skipped += 1;
              counts.skipped += 1;
              if (details.skippedObjects.length < MAX_NAMED_SKIPS) {
                details.skippedObjects.push(description);
              }
            }
          });
          counts.written += await store.upsertPage(
            cluster.name,
            kind.id,
            rows,
            now(),
          );
        },
      });
      seenUids.set(kind.id, seen);
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
  return { runId, status: 'succeeded', ...counts, deleted };
}
