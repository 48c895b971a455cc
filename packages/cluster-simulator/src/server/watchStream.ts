import type { ServerResponse } from 'node:http';
import { continueExpired } from '../kube/apiStatus.ts';
import type { KubeObject } from '../kube/kubeObject.ts';
import { apiVersionOf } from '../kube/resourceCatalog.ts';
import { parseFieldSelector } from '../selectors/fieldSelector.ts';
import {
  parseLabelSelector,
  SelectorSyntaxError,
} from '../selectors/labelSelector.ts';
import { badRequest } from '../kube/apiStatus.ts';
import type { FaultSettings } from '../faults/faultSettings.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import type { ChangeEvent, WatchEventType } from '../store/watchLog.ts';
import type { WatchRequest } from './kubeApiRouter.ts';
import { toTable } from './tables.ts';

/** How watches behave apart from the request. */
export interface WatchOptions {
  /** Interval of BOOKMARK events when the client allows them (ms). */
  bookmarkIntervalMs: number;
  /** Stream length when the client sets no `timeoutSeconds` (ms). */
  defaultTimeoutMs: number;
  /** Simulated time, for the ages of Table rows. */
  now(): number;
}

function selectorsOf(watch: WatchRequest) {
  try {
    return {
      labels: parseLabelSelector(watch.query.get('labelSelector') ?? ''),
      fields: parseFieldSelector(watch.query.get('fieldSelector') ?? ''),
    };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) {
      throw badRequest(error.message);
    }
    throw error;
  }
}

function parseTimeout(value: string | null, fallbackMs: number): number {
  if (value === null || value === '') {
    return fallbackMs;
  }
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0) {
    throw badRequest(`invalid timeoutSeconds: ${value}`);
  }
  return seconds === 0 ? fallbackMs : seconds * 1000;
}

/**
 * Validates a watch before anything is sent, so that a bad request still
 * gets a Status answer; returns what the stream needs.
 */
export function prepareWatch(
  cluster: SimulatedCluster,
  watch: WatchRequest,
  options: WatchOptions,
) {
  const selectors = selectorsOf(watch);
  const timeoutMs = parseTimeout(
    watch.query.get('timeoutSeconds'),
    options.defaultTimeoutMs,
  );
  const rv = watch.query.get('resourceVersion') ?? '';
  if (rv !== '' && !/^\d+$/.test(rv)) {
    throw badRequest(`invalid resource version: ${rv}`);
  }
  cluster.collection(watch.type);
  return { selectors, timeoutMs, fromVersion: rv === '' ? 0 : Number(rv) };
}

/**
 * Streams watch events as kube-apiserver does, one JSON object a line:
 * ADDED events for the current objects when no resourceVersion (or `0`) is
 * given, else the changes after it from the cluster's recent history (an
 * ERROR event with 410 Expired when it is too old), then every change as it
 * happens, BOOKMARKs when allowed, until `timeoutSeconds`.
 */
export function streamWatch(
  res: ServerResponse,
  cluster: SimulatedCluster,
  watch: WatchRequest,
  options: WatchOptions,
  faults: FaultSettings,
  onClose: () => void,
): void {
  const { selectors, timeoutMs, fromVersion } = prepareWatch(
    cluster,
    watch,
    options,
  );
  res.writeHead(200, {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-cache, private',
  });
  // kube-apiserver sends the headers at once, so a client knows the watch
  // is open before the first event.
  res.flushHeaders();
  let headersSent = false;
  const matches = (object: KubeObject) =>
    (watch.namespace === undefined ||
      object.metadata.namespace === watch.namespace) &&
    (watch.name === undefined || object.metadata.name === watch.name) &&
    selectors.labels.matches(object.metadata.labels) &&
    selectors.fields.matches({
      name: object.metadata.name,
      namespace: object.metadata.namespace ?? '',
    });
  const encode = (object: KubeObject): unknown => {
    if (watch.representation === 'Table') {
      const table = toTable(cluster, watch.type, [object], options.now(), {
        includeObject: watch.includeObject,
        metadata: { resourceVersion: object.metadata.resourceVersion },
        // Column definitions come with the first event only.
        noHeaders: headersSent,
      });
      headersSent = true;
      return table;
    }
    if (watch.representation === 'PartialObjectMetadata') {
      return {
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: object.metadata,
      };
    }
    return object;
  };
  const timers: NodeJS.Timeout[] = [];
  let unsubscribe = () => {};
  let closed = false;
  const close = () => {
    if (closed) {
      return;
    }
    closed = true;
    unsubscribe();
    timers.forEach(clearTimeout);
    onClose();
  };
  let dropping = false;
  const dropAfter = (ms: number) => {
    if (dropping) return;
    dropping = true;
    timers.push(
      setTimeout(() => {
        res.destroy();
        close();
      }, ms),
    );
  };
  // A stall set while the stream is open silences it too, and for good, as
  // a stuck connection: what it held back is never sent, so no later
  // bookmark claims the client has it.
  let stalled = false;
  const send = (
    type: WatchEventType | 'BOOKMARK' | 'ERROR',
    object: unknown,
  ) => {
    stalled ||= Boolean(cluster.faults.watchStall);
    if (!stalled) {
      res.write(`${JSON.stringify({ type, object })}\n`);
    }
    // A drop set while the stream is open drops it too, once it sends.
    if (cluster.faults.watchDropAfterMs !== undefined) {
      dropAfter(cluster.faults.watchDropAfterMs);
    }
  };
  res.on('close', close);

  if (fromVersion === 0) {
    for (const object of cluster.collection(watch.type).snapshot()) {
      if (matches(object)) {
        send('ADDED', encode(object));
      }
    }
  } else {
    const missed = cluster.changes.since(fromVersion);
    if (!missed) {
      const expired = continueExpired();
      send('ERROR', {
        ...expired.toStatus(),
        message: `too old resource version: ${fromVersion} (${cluster.changes.oldestResumable})`,
      });
      res.end();
      close();
      return;
    }
    for (const event of missed) {
      if (event.resource === watch.type && matches(event.object)) {
        send(event.type, encode(event.object));
      }
    }
  }
  unsubscribe = cluster.changes.subscribe((event: ChangeEvent) => {
    if (event.resource === watch.type && matches(event.object)) {
      send(event.type, encode(event.object));
    }
  });
  if (watch.query.get('allowWatchBookmarks') === 'true') {
    const bookmark = () => {
      send('BOOKMARK', {
        kind: watch.type.kind,
        apiVersion: apiVersionOf(watch.type),
        metadata: { resourceVersion: String(cluster.resourceVersion) },
      });
      timers.push(setTimeout(bookmark, options.bookmarkIntervalMs));
    };
    timers.push(setTimeout(bookmark, options.bookmarkIntervalMs));
  }
  timers.push(
    setTimeout(() => {
      res.end();
      close();
    }, timeoutMs),
  );
  if (faults.watchDropAfterMs !== undefined) {
    dropAfter(faults.watchDropAfterMs);
  }
}
