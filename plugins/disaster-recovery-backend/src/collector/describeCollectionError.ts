import { STATUS_CODES } from 'node:http';

/** What a failed collection tells its readers. */
export interface CollectionErrorDescription {
  /**
   * A short classified reason any signed-in user may read ("the API server
   * answered 503 ServiceUnavailable"): never a URL, header or body.
   */
  reason: string;
  /** Everything the error says, for those who may read collection health. */
  detail: string;
}

/** API discovery failed, so no kind could be judged installed or not. */
export class DiscoveryError extends Error {
  readonly name = 'DiscoveryError';

  constructor(cause: unknown) {
    super(
      `API discovery of the cluster failed, so no kind could be judged installed or not: ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
      { cause },
    );
  }
}

/** Longest detail kept: enough for an upstream Status object and headers. */
const MAX_DETAIL = 4000;

type Described = {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  body?: unknown;
  cause?: unknown;
};

/** The error and its causes, outermost first. */
function chainOf(error: unknown): Described[] {
  const chain: Described[] = [];
  let current = error;
  while (current && typeof current === 'object' && chain.length < 10) {
    if (chain.includes(current as Described)) break;
    chain.push(current as Described);
    current = (current as Described).cause;
  }
  return chain;
}

const TLS_CODE =
  /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|UNABLE_TO_GET|EPROTO/;

const NETWORK_CODES: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name not found',
  ECONNRESET: 'connection dropped',
  EPIPE: 'connection dropped',
  UND_ERR_SOCKET: 'connection dropped',
  ETIMEDOUT: 'timed out connecting',
  UND_ERR_CONNECT_TIMEOUT: 'timed out connecting',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
};

/** `503 ServiceUnavailable` from a Kubernetes Status body, else the HTTP text. */
function statusText(code: number, body: unknown): string {
  const parsed =
    typeof body === 'string'
      ? (() => {
          try {
            return JSON.parse(body);
          } catch {
            return undefined;
          }
        })()
      : body;
  const reason = (parsed as { reason?: unknown } | undefined)?.reason;
  if (typeof reason === 'string' && /^[A-Za-z]{1,64}$/.test(reason)) {
    return `${code} ${reason}`;
  }
  return STATUS_CODES[code] ? `${code} ${STATUS_CODES[code]}` : String(code);
}

function duration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}

function classify(link: Described): string | undefined {
  const message = typeof link.message === 'string' ? link.message : '';
  if (
    link.name === 'SuspiciousDeletionError' ||
    link.name === 'RunAbortedError'
  ) {
    return message;
  }
  // The watch's own errors (watchStream.ts), named without their details.
  if (link.name === 'WatchStalledError') {
    return 'the watch stream stalled (no event or bookmark)';
  }
  if (link.name === 'MalformedWatchEventError') {
    return 'the API server sent a malformed watch event';
  }
  // @kubernetes/client-node's ApiException: the server answered.
  if (
    typeof link.code === 'number' &&
    link.code >= 100 &&
    link.code <= 599 &&
    message.startsWith('HTTP-Code:')
  ) {
    if (link.code === 401) return 'token rejected (401)';
    if (link.code === 403) {
      return 'access denied (403): the service account may not list these objects';
    }
    return `the API server answered ${statusText(link.code, link.body)}`;
  }
  const timedOut = /timed out after (\d+) ms/.exec(message);
  if (timedOut) return `timed out after ${duration(Number(timedOut[1]))}`;
  if (typeof link.code === 'string') {
    if (TLS_CODE.test(link.code)) return 'TLS handshake failed';
    if (NETWORK_CODES[link.code]) return NETWORK_CODES[link.code];
  }
  if (/socket hang up|premature close|terminated/i.test(message)) {
    return 'connection dropped';
  }
  if (
    (typeof link.code === 'string' && /^(SQLITE_|ER_)/.test(link.code)) ||
    link.name === 'KnexTimeoutError' ||
    (link as { severity?: unknown }).severity !== undefined
  ) {
    return 'the plugin database failed';
  }
  if (/not a Kubernetes API server/.test(message)) {
    return 'the URL does not answer as a Kubernetes API server';
  }
  if (link.name === 'SyntaxError' || /invalid json|in JSON at/i.test(message)) {
    return 'the API server answered malformed JSON';
  }
  return undefined;
}

function detailOf(chain: Described[]): string {
  const detail = chain
    .map(link =>
      typeof link.message === 'string' ? link.message : String(link),
    )
    .join('; caused by: ');
  return detail.length > MAX_DETAIL
    ? `${detail.slice(0, MAX_DETAIL)}… (cut)`
    : detail;
}

/**
 * Turns the error that ended a collection into a short classified reason
 * and its full detail. The innermost cause that can be classified wins
 * (a wrapped TLS failure is a TLS failure); what cannot be classified gets
 * a reason that only points to the detail.
 */
export function describeCollectionError(
  error: unknown,
): CollectionErrorDescription {
  const chain = chainOf(error);
  const reasons = chain.map(classify);
  // An abort says less than the timeout that caused it, so it comes last.
  const reason =
    [...reasons].reverse().find(Boolean) ??
    (chain.some(l => l.name === 'AbortError' || l.name === 'TimeoutError')
      ? 'timed out'
      : undefined);
  const discovery = chain.some(link => link.name === 'DiscoveryError');
  const described = reason ?? 'collection failed (see collection health)';
  // A server that answers but knows no /api or /apis is seldom the cluster.
  const urlHint = chain.some(link => link.code === 404)
    ? ' (check the cluster URL)'
    : '';
  return {
    reason: discovery
      ? `API discovery failed: ${described}${urlHint}`
      : described,
    detail: chain.length > 0 ? detailOf(chain) : String(error),
  };
}
