import http, { type IncomingMessage, type ServerResponse } from 'node:http';
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

/** Options of the HTTP server. */
export interface ServerOptions {
  runtime: SimulatorRuntime;
  host: string;
  /** 0 picks a free port. */
  port: number;
  adminToken: string;
  /** How long a list snapshot stays readable by continue tokens (ms). */
  continueTokenTtlMs: number;
}

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
    const wait = injector.delayMs();
    if (wait > 0) {
      await delay(wait);
    }
    const grant = authenticate(req.headers.authorization, cluster.grants);
    const injected = injector.error();
    if (injected) {
      throw injected;
    }
    const simulatedNow = runtime.catchUp();
    const body = req.method === 'POST' ? await readRequestBody(req) : undefined;
    const response = routeKubeApi(cluster, {
      method: req.method ?? 'GET',
      path: rest,
      query,
      grant,
      body,
      simulatedNow,
      serverAddress: new URL(baseUrl).host,
      continuePolicy: {
        now: Date.now(),
        snapshotRetentionMs: options.continueTokenTtlMs,
        expireAfterPages: cluster.faults.continueExpiryAfterPages,
      },
    });
    sendJson(res, response.status, response.body, {}, injector.bodyFault());
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

  const server = http.createServer((req, res) => {
    handle(req, res).catch(error => {
      if (!res.headersSent && !res.destroyed) {
        sendStatus(res, toApiError(error));
      }
    });
  });
  // Keep-alive sockets would otherwise hold `close()` open.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host =
    address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;
  return {
    url: baseUrl,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close(error => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
