import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { createInterface } from 'node:readline';
import { ApiException, type KubeConfig } from '@kubernetes/client-node';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';

/** One event of a watch stream, as the API server sends it. */
export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR' | string;
  object: unknown;
}

/** The stream sent nothing, not even a bookmark, for too long. */
export class WatchStalledError extends Error {
  readonly name = 'WatchStalledError';

  constructor(stallTimeoutMs: number) {
    super(
      `the watch stream sent nothing, not even a bookmark, for ${Math.round(
        stallTimeoutMs / 1000,
      )} s`,
    );
  }
}

/** A line of the stream that is not a watch event. */
export class MalformedWatchEventError extends Error {
  readonly name = 'MalformedWatchEventError';

  constructor() {
    super('the watch stream sent a line that is not a JSON watch event');
  }
}

/** How one watch request is made and read. */
export interface WatchKindOptions {
  /** Where the watch starts: the changes after this version come. */
  resourceVersion: string;
  /** Asks the server to end the stream after this long. */
  timeoutSeconds: number;
  /** Nothing at all for this long means the stream is dead. */
  stallTimeoutMs: number;
  /** Closes the stream's connection. */
  signal: AbortSignal;
  /**
   * Called for each event in order; the next line is read only once the
   * promise settles, so a slow writer holds the stream back.
   */
  onEvent: (event: WatchEvent) => void | Promise<void>;
}

/**
 * Watches one kind across all namespaces from a resourceVersion, with
 * bookmarks. Resolves when the server ends the stream (its timeout);
 * rejects with an `ApiException` for an error answer or an ERROR event
 * (410 Expired when the version is too old), {@link WatchStalledError},
 * {@link MalformedWatchEventError}, or the connection's error.
 */
export type WatchKindFn = (
  kind: KubernetesResourceKind,
  options: WatchKindOptions,
) => Promise<void>;

function pathOf(kind: KubernetesResourceKind): string {
  return kind.apiVersion.includes('/')
    ? `/apis/${kind.apiVersion}/${kind.plural}`
    : `/api/${kind.apiVersion}/${kind.plural}`;
}

function headersOf(response: IncomingMessage): Record<string, string> {
  return Object.fromEntries(
    Object.entries(response.headers).map(([key, value]) => [
      key,
      Array.isArray(value) ? value.join(', ') : String(value ?? ''),
    ]),
  );
}

/** Most of an error answer kept: a Status object is small. */
const MAX_ERROR_BODY = 64 * 1024;

async function errorBody(response: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of response) {
    text += chunk;
    if (text.length > MAX_ERROR_BODY) break;
  }
  try {
    return JSON.parse(text);
  } catch {
    return text.slice(0, MAX_ERROR_BODY);
  }
}

function isWatchEvent(value: unknown): value is WatchEvent {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as WatchEvent).type === 'string' &&
    typeof (value as WatchEvent).object === 'object' &&
    (value as WatchEvent).object !== null
  );
}

/**
 * A watcher for one cluster on Node's HTTP client, authenticated and
 * trusting the cluster's CA as the list calls do (the client's own `Watch`
 * drops lines it cannot parse, which would lose the change they carried).
 */
export function createWatchKind(kubeConfig: KubeConfig): WatchKindFn {
  const server = kubeConfig.getCurrentCluster()?.server;
  if (!server) {
    throw new Error('the cluster has no server URL');
  }
  return async (kind, options) => {
    const { signal, stallTimeoutMs } = options;
    const requestOptions: https.RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(requestOptions);
    const url = new URL(`${server.replace(/\/$/, '')}${pathOf(kind)}`);
    url.searchParams.set('watch', 'true');
    url.searchParams.set('allowWatchBookmarks', 'true');
    url.searchParams.set('resourceVersion', options.resourceVersion);
    url.searchParams.set('timeoutSeconds', String(options.timeoutSeconds));

    const controller = new AbortController();
    const abort = () => controller.abort();
    signal.addEventListener('abort', abort, { once: true });
    let stalled = false;
    let stallTimer: NodeJS.Timeout | undefined;
    const armStallTimer = () => {
      clearTimeout(stallTimer);
      stallTimer = setTimeout(() => {
        stalled = true;
        controller.abort();
      }, stallTimeoutMs);
    };
    armStallTimer();
    try {
      const response = await new Promise<IncomingMessage>((resolve, reject) => {
        const request = (url.protocol === 'https:' ? https : http).request(
          url,
          {
            agent: requestOptions.agent,
            headers: {
              ...(requestOptions.headers as Record<string, string>),
              Accept: 'application/json',
            },
            signal: controller.signal,
          },
          resolve,
        );
        request.on('error', reject);
        request.end();
      });
      if (response.statusCode !== 200) {
        const code = response.statusCode ?? 0;
        throw new ApiException(
          code,
          `watch of ${kind.plural} answered ${code}`,
          await errorBody(response),
          headersOf(response),
        );
      }
      const lines = createInterface({ input: response, crlfDelay: Infinity });
      for await (const line of lines) {
        armStallTimer();
        if (line.trim() === '') continue;
        let event: unknown;
        try {
          event = JSON.parse(line);
        } catch {
          throw new MalformedWatchEventError();
        }
        if (!isWatchEvent(event)) throw new MalformedWatchEventError();
        if (event.type === 'ERROR') {
          const status = event.object as { code?: unknown; message?: unknown };
          throw new ApiException(
            typeof status.code === 'number' ? status.code : 500,
            `watch of ${kind.plural} sent an ERROR event`,
            status,
            {},
          );
        }
        // A slow handler (a batch being written) is not the stream's silence.
        clearTimeout(stallTimer);
        await options.onEvent(event);
        armStallTimer();
      }
      // readline ends quietly when the connection drops mid-stream.
      if (!response.complete) {
        throw new Error('the watch connection dropped (premature close)');
      }
    } catch (error) {
      if (stalled) throw new WatchStalledError(stallTimeoutMs);
      throw error;
    } finally {
      clearTimeout(stallTimer);
      signal.removeEventListener('abort', abort);
      controller.abort();
    }
  };
}
