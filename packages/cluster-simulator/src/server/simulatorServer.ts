import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  ApiError,
  internalError,
  resourceNotFound,
  unauthorized,
} from '../kube/apiStatus.ts';
import type { SimulatorRuntime } from '../runtime/simulatorRuntime.ts';
import { authenticate } from './accessControl.ts';
import { routeAdmin } from './adminRoutes.ts';
import { readRequestBody, sendJson, sendStatus } from './httpIo.ts';
import { routeKubeApi } from './kubeApiRouter.ts';
import { streamWatch } from './watchStream.ts';
import type { ServingCertificates } from '../tls/certificates.ts';

/** Options of the HTTP server. */
export interface ServerOptions {
  runtime: SimulatorRuntime;
  host: string;
  /** 0 picks a free port. */
  port: number;
  adminToken: string;
  /** How long a list snapshot stays readable by continue tokens (ms). */
  continueTokenTtlMs: number;
  /** Serve HTTPS with these certificates; plain HTTP without. */
  tls?: ServingCertificates;
  /** Interval of watch BOOKMARK events (ms); default one minute. */
  watchBookmarkIntervalMs?: number;
}

/** How often the controllers run while a watch waits for changes. */
const WATCH_TICK_MS = 1000;

/**
 * kube-apiserver ends a watch after `--min-request-timeout` (30 min) times
 * a random factor; a fixed 30 minutes keeps the simulator predictable.
 */
const DEFAULT_WATCH_TIMEOUT_MS = 30 * 60 * 1000;

/** A started server. */
export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function toApiError(error: unknown): ApiError {
  return error instanceof ApiError
    ? error
    : internalError((error as Error)?.message ?? String(error));
}

/**
 * One HTTP server for every simulated cluster. A cluster's API base URL is
 * `<url>/clusters/<name>`; the admin API is under `<url>/admin`, guarded by
 * its own bearer token.
 */
export async function startServer(
  options: ServerOptions,
): Promise<RunningServer> {
  const { runtime, adminToken } = options;
  let baseUrl = '';
  // While watches are open, time moves without requests: run the
  // controllers so that their writes reach the watchers.
  let openWatches = 0;
  const ticker = setInterval(() => {
    if (openWatches > 0) {
      runtime.catchUp();
    }
  }, WATCH_TICK_MS);
  ticker.unref();
  const clusterUrl = (name: string) =>
    `${baseUrl}/clusters/${encodeURIComponent(name)}`;

  async function handleCluster(
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    rest: string,
    query: URLSearchParams,
  ) {
    const cluster = runtime.cluster(name);
    const injector = runtime.injector(name);
    injector.startRequest();
    const wait = injector.delayMs();
    if (wait > 0) {
      await delay(wait);
    }
    const grant = injector.grantAfterRevocation(
      authenticate(req.headers.authorization, cluster.grants),
    );
    const injected = injector.error();
    if (injected) {
      throw injected;
    }
    if (injector.hangs()) {
      injector.holdOpen(res);
      return;
    }
    const simulatedNow = runtime.catchUp();
    const method = req.method ?? 'GET';
    const body = ['POST', 'PUT', 'PATCH'].includes(method)
      ? await readRequestBody(req)
      : undefined;
    const response = routeKubeApi(cluster, {
      method,
      path: rest,
      query,
      grant,
      body,
      contentType: (req.headers['content-type'] ?? 'application/json')
        .split(';')[0]
        .trim(),
      accept: req.headers.accept,
      simulatedNow,
      serverAddress: new URL(baseUrl).host,
      continuePolicy: {
        now: Date.now(),
        snapshotRetentionMs: options.continueTokenTtlMs,
        expireAfterPages: injector.active()
          ? cluster.faults.continueExpiryAfterPages
          : undefined,
      },
    });
    if (response.watch) {
      openWatches++;
      streamWatch(
        res,
        cluster,
        response.watch,
        {
          bookmarkIntervalMs: options.watchBookmarkIntervalMs ?? 60_000,
          defaultTimeoutMs: DEFAULT_WATCH_TIMEOUT_MS,
          now: () => runtime.clock.now(),
        },
        cluster.faults,
        () => {
          openWatches--;
        },
      );
      return;
    }
    const headers: Record<string, string> = {};
    if (response.warnings && response.warnings.length > 0) {
      // RFC 7234 warnings, as the API server sends field-validation warnings.
      headers.Warning = response.warnings
        .map(w => `299 - ${JSON.stringify(w)}`)
        .join(', ');
    }
    const bodyFault = injector.bodyFault();
    if (bodyFault === 'stall') {
      injector.holdOpen(res);
    }
    sendJson(res, response.status, response.body, headers, bodyFault);
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://simulator.invalid');
    const segments = url.pathname.split('/').filter(s => s.length > 0);
    if (segments[0] === 'clusters' && segments.length >= 2) {
      const name = decodeURIComponent(segments[1]);
      const rest = `/${segments.slice(2).join('/')}`;
      if (rest === '/healthz' || rest === '/livez' || rest === '/readyz') {
        runtime.cluster(name);
        res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
        return;
      }
      await handleCluster(req, res, name, rest, url.searchParams);
      return;
    }
    if (segments[0] === 'admin') {
      const match = /^Bearer\s+(\S+)\s*$/i.exec(
        req.headers.authorization ?? '',
      );
      if (!match || match[1] !== adminToken) {
        throw unauthorized();
      }
      const response = await routeAdmin(
        { runtime, clusterUrl },
        req,
        segments.slice(1),
        url.searchParams,
      );
      sendJson(res, response.status, response.body);
      return;
    }
    if (url.pathname === '/healthz') {
      res.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
      return;
    }
    throw resourceNotFound();
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(error => {
      if (!res.headersSent && !res.destroyed) {
        sendStatus(res, toApiError(error));
      }
    });
  };
  const server = options.tls
    ? https.createServer(
        { cert: options.tls.serving.cert, key: options.tls.serving.key },
        listener,
      )
    : http.createServer(listener);
  // Keep-alive sockets would otherwise hold `close()` open.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `${options.tls ? 'https' : 'http'}://${host}:${address.port}`;
  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        clearInterval(ticker);
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
