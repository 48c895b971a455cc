import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import {
  SuspiciousDeletionError,
  type RunDetails,
  type WatchPosition,
} from '../database/ResourceStore';
import { RunAbortedError } from './abortableRequest';
import { createServedGroupVersions } from './clusterApi';
import {
  collectCluster,
  DEFAULT_MAX_DELETED_SHARE,
  type ClusterRunOptions,
} from './collectCluster';
import { describeCollectionError } from './describeCollectionError';
import { discoverServed } from './discoverServed';
import { kubeConfigFor } from './kubeConfigFor';
import {
  isRetryable,
  retryDelayMs,
  sleepUnlessAborted,
  statusOf,
} from './retryPolicy';
import {
  createWatchKind,
  MalformedWatchEventError,
  WatchStalledError,
  type WatchEvent,
  type WatchKindFn,
} from './watchStream';
import { writeObjects, type ObjectCounts } from './writeObjects';

/** How watches are kept and their events written. */
export interface WatchSettings {
  /** A complete listing at least this often, whatever the watches say. */
  relistAfterMs: number;
  /** A stream that sends nothing, not even a bookmark, for this long is reopened. */
  stallTimeoutMs: number;
  /** The server is asked to end each stream after this long (it is reopened). */
  watchTimeoutSeconds: number;
  /** Events written together at most; the stream waits while they are written. */
  batchMaxEvents: number;
  /** The longest an event waits to be written. */
  batchMaxDelayMs: number;
  /** How often a healthy watch records the cluster current (its last success). */
  checkpointMs: number;
}

/** The outcome of one watch run (one scheduled task run) of one cluster. */
export interface WatchClusterResult {
  status: 'succeeded' | 'failed';
  /** Complete listings made (the first, after 410 Gone, the periodic one). */
  listings: number;
  /** Events read from the watches. */
  events: number;
  /** Streams reopened after they dropped, stalled or failed. */
  reconnects: number;
  /** A short classified reason, safe to show to anyone. */
  error?: string;
}

/** Listings one run makes at most (the first, then after 410s). */
const MAX_LISTINGS_PER_RUN = 3;

/** Why watching stopped before the run's deadline. */
type StopReason =
  | { kind: 'relist'; cause: unknown }
  | { kind: 'failed'; cause: unknown };

interface BufferedEvent {
  kind: KubernetesResourceKind;
  event: WatchEvent;
}

function metadataOf(object: unknown): {
  uid?: unknown;
  resourceVersion?: unknown;
} {
  return (
    (object as { metadata?: { uid?: unknown; resourceVersion?: unknown } })
      ?.metadata ?? {}
  );
}

/**
 * What a failed stream asks for: 410 Gone (the version is too old) or 404
 * (the kind went away) a new listing, where API discovery decides what is
 * installed; throttling, server trouble, dropped or stalled streams and
 * unreadable lines a reconnect from the last version seen; anything else
 * (401, 403) ends the run as failed.
 */
function actionFor(error: unknown): 'relist' | 'retry' | 'fail' {
  const status = statusOf(error);
  if (status === 410 || status === 404) return 'relist';
  if (
    error instanceof WatchStalledError ||
    error instanceof MalformedWatchEventError
  ) {
    return 'retry';
  }
  return isRetryable(error) ? 'retry' : 'fail';
}

/** The last event per object of one kind, in arrival order. */
function latestPerObject(events: readonly WatchEvent[]) {
  const byUid = new Map<unknown, WatchEvent>();
  events.forEach((event, index) => {
    const uid = metadataOf(event.object).uid;
    // An object without a uid is kept on its own, to be skipped as malformed.
    byUid.delete(uid ?? index);
    byUid.set(uid ?? index, event);
  });
  return [...byUid.values()];
}

/**
 * Collects one cluster by watching it for one scheduled run: lists it when
 * it never was, when the served kinds changed (API discovery decides what
 * is installed), when a watch answered 410 Gone and at least every
 * `relistAfterMs` (each a complete run of {@link collectCluster}, deletions
 * and their guard included); otherwise resumes every kind's watch from the
 * resourceVersion the store holds everything up to, whichever replica
 * saved it. Events are written in batches with the list path's rules
 * (unchanged versions skipped, malformed objects skipped and named, pod
 * restart history carried over); a DELETED event marks the object deleted,
 * never removes it, and one run marking more than `maxDeletedShare` of the
 * cluster's objects deleted fails instead. Streams that drop, stall or fail
 * retryably are reopened from the last version seen, waiting as
 * Retry-After asks. Watches are held until `deadline`; a healthy watch
 * records the cluster current every `checkpointMs`, so staleness follows
 * the last moment the store was known to be current.
 */
export async function watchCluster(
  options: ClusterRunOptions & {
    settings: WatchSettings;
    /** The watcher; the cluster's own HTTP watches by default. */
    watchKind?: WatchKindFn;
  },
): Promise<WatchClusterResult> {
  const { cluster, store, logger, deadline, settings } = options;
  const now = options.now ?? (() => new Date());
  const requestTimeoutMs = options.requestTimeoutMs ?? 60_000;
  const kubeConfig = kubeConfigFor(cluster);
  const watchKind = options.watchKind ?? createWatchKind(kubeConfig);
  const result: WatchClusterResult = {
    status: 'succeeded',
    listings: 0,
    events: 0,
    reconnects: 0,
  };

  const recordFailure = async (error: unknown) => {
    const { reason, detail } = describeCollectionError(error);
    try {
      const runId = await store.startRun(cluster.name, now());
      await store.failRun({
        runId,
        cluster: cluster.name,
        finishedAt: now(),
        error: reason,
        errorDetail: detail,
        counts: { seen: 0, written: 0, skipped: 0, deleted: 0 },
        details: { kinds: {}, skippedObjects: [] },
      });
    } catch (recordError) {
      logger.error(
        `Could not record the failed watch of cluster ${cluster.name}: ${recordError}`,
      );
    }
    logger.error(
      `Watching cluster ${cluster.name} failed (${reason}); its earlier data is kept: ${detail}`,
    );
    return { ...result, status: 'failed' as const, error: reason };
  };

  const list = async (): Promise<WatchPosition | WatchClusterResult> => {
    result.listings += 1;
    const listedAt = now();
    const listed = await collectCluster({
      cluster,
      resourceKinds: options.resourceKinds,
      store,
      logger,
      pageSize: options.pageSize,
      deadline,
      requestTimeoutMs,
      maxRetryDelayMs: options.maxRetryDelayMs,
      maxDeletedShare: options.maxDeletedShare,
      signal: options.signal,
      now,
    });
    if (listed.status === 'failed') {
      return { ...result, status: 'failed', error: listed.error };
    }
    const versions: Record<string, string> = {};
    for (const [kind, version] of listed.listVersions ?? []) {
      if (!version) {
        return recordFailure(
          new Error(
            `the API server listed ${kind} without a resourceVersion, so it cannot be watched (collection.mode: poll reads such a server)`,
          ),
        );
      }
      versions[kind] = version;
    }
    const position = { listedAt, versions };
    await store.saveWatchPosition(cluster.name, position);
    return position;
  };

  try {
    return await watchListingWhenDue();
  } catch (error) {
    return recordFailure(error);
  }

  /** Resumes the saved watches, or lists first when that is due. */
  async function watchListingWhenDue(): Promise<WatchClusterResult> {
    let position = await store.watchPosition(cluster.name);
    if (position) {
      let served: Set<string>;
      try {
        served = await discoverServed(createServedGroupVersions(kubeConfig), {
          deadline,
          requestTimeoutMs,
          maxRetryDelayMs: options.maxRetryDelayMs,
          signal: options.signal,
        });
      } catch (error) {
        return recordFailure(error);
      }
      const servedKinds = options.resourceKinds
        .filter(kind => served.has(kind.apiVersion))
        .map(kind => kind.id)
        .sort();
      const watched = Object.keys(position.versions).sort();
      if (
        now().getTime() - position.listedAt.getTime() >=
          settings.relistAfterMs ||
        servedKinds.join('\n') !== watched.join('\n')
      ) {
        position = undefined;
      }
    }
    for (;;) {
      if (!position) {
        // A server answering 410 to every fresh watch is not listed forever.
        if (result.listings === MAX_LISTINGS_PER_RUN) {
          return {
            ...result,
            status: 'failed',
            error: `the watches answered 410 Gone after each of ${MAX_LISTINGS_PER_RUN} listings`,
          };
        }
        const listed = await list();
        if (!('versions' in listed)) return listed;
        position = listed;
      }
      const outcome = await watchFrom(position);
      if (outcome !== 'relist') return outcome;
      position = undefined;
      if (Date.now() >= deadline) return result;
    }
  }

  /** Watches every kind of `position` until the deadline or a stop. */
  async function watchFrom(
    from: WatchPosition,
  ): Promise<WatchClusterResult | 'relist'> {
    const kinds = options.resourceKinds.filter(
      kind => kind.id in from.versions,
    );
    const startedAt = now();
    const runId = await store.startRun(cluster.name, startedAt);
    const counts: ObjectCounts & { deleted: number } = {
      seen: 0,
      written: 0,
      skipped: 0,
      deleted: 0,
    };
    const details: RunDetails = {
      kinds: Object.fromEntries(
        kinds.map(kind => [kind.id, { seen: 0, skipped: 0 }]),
      ),
      skippedObjects: [],
    };
    const maxDeletedShare =
      options.maxDeletedShare ?? DEFAULT_MAX_DELETED_SHARE;
    let liveBase = 0;
    let stop: StopReason | undefined;
    const stopping = new AbortController();
    const end = (reason: StopReason) => {
      stop ??= reason;
      stopping.abort();
    };
    const onRunAbort = () =>
      end({ kind: 'failed', cause: new RunAbortedError() });
    options.signal?.addEventListener('abort', onRunAbort, { once: true });
    if (options.signal?.aborted) onRunAbort();

    const latest: Record<string, string> = { ...from.versions };
    let saved: Record<string, string> = { ...from.versions };
    const heardAt = new Map(kinds.map(kind => [kind.id, Date.now()]));
    const lastErrors = new Map<string, unknown>();
    let buffer: BufferedEvent[] = [];
    let flushTimer: NodeJS.Timeout | undefined;
    let flushing = Promise.resolve();

    const writeBatch = async (events: BufferedEvent[]) => {
      const byKind = new Map<KubernetesResourceKind, WatchEvent[]>();
      for (const { kind, event } of events) {
        byKind.set(kind, [...(byKind.get(kind) ?? []), event]);
      }
      const seenAt = now();
      for (const [kind, kindEvents] of byKind) {
        const last = latestPerObject(kindEvents);
        const deleted = last
          .filter(event => event.type === 'DELETED')
          .flatMap(event => {
            const uid = metadataOf(event.object).uid;
            return typeof uid === 'string' ? [uid] : [];
          });
        await writeObjects({
          cluster: cluster.name,
          kind,
          objects: last
            .filter(event => event.type !== 'DELETED')
            .map(event => event.object),
          store,
          logger,
          seenAt,
          counts,
          details,
          onSeen: () => {},
        });
        if (deleted.length > 0) {
          // Objects added during the run count as live for the guard.
          if (counts.deleted + deleted.length > maxDeletedShare * liveBase) {
            throw new SuspiciousDeletionError(
              cluster.name,
              counts.deleted + deleted.length,
              liveBase,
              maxDeletedShare,
            );
          }
          counts.deleted += await store.markDeleted({
            cluster: cluster.name,
            kind: kind.id,
            uids: deleted,
            deletedAt: seenAt,
          });
        }
      }
    };

    /** Every kind heard from lately: the store is current. */
    const healthy = () =>
      kinds.every(
        kind => Date.now() - heardAt.get(kind.id)! < settings.stallTimeoutMs,
      );

    /**
     * Writes what is buffered, then saves the versions it reaches; with
     * `checkpoint`, while healthy, records the cluster current in the same
     * write.
     */
    const flush = (checkpoint = false): Promise<void> => {
      flushing = flushing.then(async () => {
        if (stop?.kind === 'failed') return;
        clearTimeout(flushTimer);
        flushTimer = undefined;
        const events = buffer;
        buffer = [];
        // Every event up to these versions is in `events`.
        const versions = { ...latest };
        try {
          if (events.length > 0) await writeBatch(events);
          const position = Object.keys(versions).some(
            id => versions[id] !== saved[id],
          )
            ? { listedAt: from.listedAt, versions }
            : undefined;
          if (checkpoint && !stop && healthy()) {
            await store.confirmCurrent(cluster.name, now(), position);
          } else if (position) {
            await store.saveWatchPosition(cluster.name, position);
          }
          if (position) saved = versions;
        } catch (error) {
          end({ kind: 'failed', cause: error });
        }
      });
      return flushing;
    };

    const onEvent = (kind: KubernetesResourceKind, event: WatchEvent) => {
      heardAt.set(kind.id, Date.now());
      const version = metadataOf(event.object).resourceVersion;
      if (typeof version === 'string' && version !== '') {
        latest[kind.id] = version;
      }
      if (event.type === 'BOOKMARK') return undefined;
      result.events += 1;
      counts.seen += 1;
      details.kinds[kind.id].seen += 1;
      if (event.type === 'ADDED') liveBase += 1;
      buffer.push({ kind, event });
      if (buffer.length >= settings.batchMaxEvents) return flush();
      flushTimer ??= setTimeout(() => {
        flush();
      }, settings.batchMaxDelayMs);
      return undefined;
    };

    const streamKind = async (kind: KubernetesResourceKind) => {
      let attempt = 0;
      while (!stopping.signal.aborted) {
        let heard = false;
        try {
          await watchKind(kind, {
            resourceVersion: latest[kind.id],
            timeoutSeconds: Math.max(
              1,
              Math.min(
                settings.watchTimeoutSeconds,
                Math.floor((deadline - Date.now()) / 1000),
              ),
            ),
            stallTimeoutMs: settings.stallTimeoutMs,
            signal: stopping.signal,
            onEvent: event => {
              heard = true;
              lastErrors.delete(kind.id);
              return onEvent(kind, event);
            },
          });
          attempt = 0;
        } catch (error) {
          if (stopping.signal.aborted) return;
          const action = actionFor(error);
          if (action !== 'retry') {
            end({
              kind: action === 'relist' ? 'relist' : 'failed',
              cause: error,
            });
            return;
          }
          result.reconnects += 1;
          lastErrors.set(kind.id, error);
          if (heard) attempt = 0;
          const delay = retryDelayMs(error, attempt++, {
            maxDelayMs: options.maxRetryDelayMs,
          });
          logger.debug(
            `Watch of ${kind.id} in cluster ${cluster.name} reopens in ${delay} ms: ${error}`,
          );
          if (Date.now() + delay >= deadline) return;
          await sleepUnlessAborted(delay, stopping.signal);
        }
      }
    };

    const checkpoint = setInterval(() => {
      flush(true);
    }, settings.checkpointMs);
    const atDeadline = setTimeout(
      () => stopping.abort(),
      Math.max(0, deadline - Date.now()),
    );

    try {
      liveBase = await store.countLive(cluster.name);
      await Promise.all(kinds.map(streamKind));
    } catch (error) {
      end({ kind: 'failed', cause: error });
    } finally {
      clearInterval(checkpoint);
      clearTimeout(atDeadline);
      options.signal?.removeEventListener('abort', onRunAbort);
    }
    await flush();

    const stillFailing = kinds.find(
      kind =>
        lastErrors.has(kind.id) &&
        Date.now() - heardAt.get(kind.id)! >= settings.stallTimeoutMs,
    );
    let failure: StopReason | undefined =
      stop ??
      (stillFailing
        ? { kind: 'failed', cause: lastErrors.get(stillFailing.id) }
        : undefined);
    if (!failure) {
      try {
        await store.completeRun({
          runId,
          cluster: cluster.name,
          finishedAt: now(),
          seenUids: new Map(),
          counts,
          details,
        });
      } catch (error) {
        failure = { kind: 'failed', cause: error };
      }
    }
    const summary = `${result.events} events, ${counts.written} written, ${counts.skipped} skipped, ${counts.deleted} marked deleted, ${result.reconnects} reconnects`;
    if (failure) {
      const { reason, detail } = describeCollectionError(failure.cause);
      const error =
        failure.kind === 'relist'
          ? `the watch must list again: ${reason}`
          : reason;
      try {
        await store.failRun({
          runId,
          cluster: cluster.name,
          finishedAt: now(),
          error,
          errorDetail: detail,
          counts,
          details,
        });
      } catch (recordError) {
        logger.error(
          `Could not record the watch run of cluster ${cluster.name}: ${recordError}`,
        );
      }
      if (failure.kind === 'relist') {
        logger.info(
          `Watch of cluster ${cluster.name} must list again (${reason}) after ${summary}`,
        );
        return 'relist';
      }
      logger.error(
        `Watching cluster ${cluster.name} failed (${reason}) after ${summary}; its earlier data is kept: ${detail}`,
      );
      return { ...result, status: 'failed', error };
    }
    logger.info(`Watched cluster ${cluster.name}: ${summary}`, {
      cluster: cluster.name,
      runId,
      ...counts,
      reconnects: result.reconnects,
    });
    return result;
  }
}
