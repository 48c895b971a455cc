import type {
  LoggerService,
  SchedulerService,
} from '@backstage/backend-plugin-api';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import type { ClusterConfig } from '../clusters/readClusterConfigs';
import type { ResourceStore } from '../database/ResourceStore';
import { collectCluster } from './collectCluster';
import {
  durationMs,
  runTimeout,
  type CollectionOptions,
} from './readCollectionOptions';
import { sleepUnlessAborted } from './retryPolicy';
import { watchCluster, type WatchSettings } from './watchCluster';

/** Leaves time to record a run's outcome before the scheduler's timeout. */
const DEADLINE_MARGIN_MS = 5_000;

/**
 * With `watch`, the next run of a cluster is due as soon as the previous
 * one returns: the scheduler's poll then hands it out within this long,
 * to whichever replica claims it first.
 */
const WATCH_HANDOVER = { seconds: 2 };

/**
 * How often a healthy watch records its cluster current, at most: each is
 * a write, and staleness counts in collection intervals (minutes).
 */
const MAX_CHECKPOINT_MS = 120_000;

/** The watch settings of `watch` mode from the collection options. */
export function watchSettingsOf(options: CollectionOptions): WatchSettings {
  const stallTimeoutMs = durationMs(options.watch.stallTimeout);
  return {
    relistAfterMs: durationMs(options.watch.relistFrequency),
    stallTimeoutMs,
    // Every reopened stream costs a request, so a stream lasts the run.
    watchTimeoutSeconds: Math.ceil(durationMs(options.watch.holdFor) / 1000),
    batchMaxEvents: options.watch.batchSize,
    batchMaxDelayMs: durationMs(options.watch.batchDelay),
    checkpointMs: Math.min(MAX_CHECKPOINT_MS, stallTimeoutMs / 2),
  };
}

/**
 * One scheduled task per cluster, so that backend replicas share clusters
 * through the scheduler's database locks and one slow cluster delays no
 * other. With `poll` each run lists the cluster. With `watch` each run
 * holds the cluster's watches for `watch.holdFor` and the next run follows
 * at once, resuming them from the store: no two replicas ever watch one
 * cluster at once, and a replica that dies holding a cluster loses its
 * lock when the hold ends, to whichever replica claims the cluster next.
 * Handing over reopens every stream, so a long hold keeps an idle watch
 * cheap; a short one hands a dead replica's clusters on sooner. A run that
 * failed waits out `timeout`, so a failing cluster is tried once a
 * timeout, not in a loop.
 */
export async function scheduleCollection(options: {
  scheduler: SchedulerService;
  clusters: readonly ClusterConfig[];
  resourceKinds: KubernetesResourceKind[];
  store: ResourceStore;
  logger: LoggerService;
  collection: CollectionOptions;
}): Promise<void> {
  const { scheduler, resourceKinds, store, logger, collection } = options;
  const timeoutMs = durationMs(collection.timeout);
  const runMs = durationMs(runTimeout(collection));
  const settings = watchSettingsOf(collection);
  for (const cluster of options.clusters) {
    const common = {
      cluster,
      resourceKinds,
      store,
      logger: logger.child({ cluster: cluster.name }),
      pageSize: collection.pageSize,
      maxRetryDelayMs: durationMs(collection.maxRetryDelay),
      maxDeletedShare: collection.maxDeletedShare,
    };
    await scheduler.scheduleTask({
      id: `collect-cluster:${cluster.name}`,
      frequency:
        collection.mode === 'watch' ? WATCH_HANDOVER : collection.frequency,
      timeout: runTimeout(collection),
      initialDelay: collection.initialDelay,
      fn: async signal => {
        const startedAt = Date.now();
        const deadline = startedAt + runMs - DEADLINE_MARGIN_MS;
        if (collection.mode === 'poll') {
          await collectCluster({ ...common, deadline, signal });
          return;
        }
        const result = await watchCluster({
          ...common,
          deadline,
          settings,
          signal,
        });
        if (result.status === 'failed') {
          await sleepUnlessAborted(
            Math.min(deadline, startedAt + timeoutMs) - Date.now(),
            signal,
          );
        }
      },
    });
  }
}
