import { ApiException } from '@kubernetes/client-node';
import { throwIfRunAborted } from './abortableRequest';

/** HTTP statuses worth retrying: throttling and server-side trouble. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const BASE_DELAY_MS = 250;

/** The HTTP status of a client error, if the server answered at all. */
export function statusOf(error: unknown): number | undefined {
  return error instanceof ApiException ? error.code : undefined;
}

/** Failures of the connection or the body rather than of the request. */
const TRANSIENT_MESSAGE =
  /timed out|socket hang up|premature close|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|terminated|Unexpected end of JSON|invalid json/i;

/**
 * Whether a failed request may succeed if repeated: throttling, 5xx,
 * dropped or refused connections and bodies that are not JSON (a proxy or an
 * overloaded API server produces them). Configuration mistakes, such as
 * plain HTTP without `skipTLSVerify`, fail at once.
 */
export function isRetryable(error: unknown): boolean {
  const status = statusOf(error);
  if (status !== undefined) {
    return RETRYABLE_STATUSES.has(status);
  }
  if (error instanceof SyntaxError) {
    return true;
  }
  const { code, message, name } = (error ?? {}) as {
    code?: unknown;
    message?: unknown;
    name?: unknown;
  };
  return (
    typeof code === 'string' ||
    name === 'FetchError' ||
    TRANSIENT_MESSAGE.test(String(message ?? ''))
  );
}

/** Bounds of the waits between attempts. */
export interface RetryOptions {
  /** Epoch ms after which no attempt starts. */
  deadline: number;
  /** The longest wait, even when the server asks for more. Default 60 s. */
  maxDelayMs?: number;
  /** The run's abort signal: no attempt or wait goes on once it fires. */
  signal?: AbortSignal;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** A number in [0, 1); jitter comes from it. */
  random?: () => number;
}

/** The default of `disasterRecovery.collection.maxRetryDelay`. */
export const DEFAULT_MAX_RETRY_DELAY_MS = 60_000;
/** A server asking for no wait, or a past date, is not retried in a tight loop. */
const MIN_RETRY_AFTER_MS = 1000;
/** Up to this share is added to a server's wait, so clients do not return in step. */
const RETRY_AFTER_JITTER = 0.2;

/**
 * The wait a `Retry-After` header asks for, in either of its forms (RFC
 * 9110): delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2026 07:28:00
 * GMT`, counted from `now`). `undefined` when absent or unreadable.
 */
export function retryAfterMs(
  value: string | undefined,
  now: number,
): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only a date with a weekday and a zone, not any number Date.parse takes.
  if (!/^[A-Za-z]{3},/.test(text)) return undefined;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function headerOf(error: unknown, name: string): string | undefined {
  if (!(error instanceof ApiException)) return undefined;
  const headers = (error.headers ?? {}) as Record<string, unknown>;
  const key = Object.keys(headers).find(k => k.toLowerCase() === name);
  const value = key === undefined ? undefined : headers[key];
  return Array.isArray(value) ? String(value[0]) : value?.toString();
}

/**
 * How long to wait before attempt `attempt + 1`: what `Retry-After` asks for
 * (at least 1 s, plus up to 20 % jitter), else exponential backoff with full
 * jitter; never more than `maxDelayMs`.
 */
export function retryDelayMs(
  error: unknown,
  attempt: number,
  options: { now?: number; maxDelayMs?: number; random?: () => number } = {},
): number {
  const {
    now = Date.now(),
    maxDelayMs = DEFAULT_MAX_RETRY_DELAY_MS,
    random = Math.random,
  } = options;
  const asked = retryAfterMs(headerOf(error, 'retry-after'), now);
  if (asked !== undefined) {
    const wait = Math.max(asked, MIN_RETRY_AFTER_MS);
    return Math.min(
      Math.round(wait * (1 + RETRY_AFTER_JITTER * random())),
      maxDelayMs,
    );
  }
  const ceiling = Math.min(BASE_DELAY_MS * 2 ** attempt, maxDelayMs);
  // Full jitter, but never a zero wait.
  return Math.max(BASE_DELAY_MS, Math.round(ceiling * random()));
}

/** Waits `ms`, or less when `signal` fires first. */
export function sleepUnlessAborted(
  ms: number,
  signal?: AbortSignal,
): Promise<void> {
  return new Promise(resolve => {
    let timer: NodeJS.Timeout | undefined = undefined;
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Runs `request`, retrying retryable failures as long as the next attempt
 * would start before the deadline and the run was not aborted. An attempt
 * that ends past the deadline was cut short by it (its timeout is what was
 * left of the budget), so the error before it is the one given: "HTTP 500",
 * not "timed out after 1 ms".
 */
export async function withRetries<T>(
  request: () => Promise<T>,
  options: RetryOptions,
): Promise<T> {
  const {
    deadline,
    signal,
    sleep = sleepUnlessAborted,
    ...delayOptions
  } = options;
  let previous: unknown;
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      throwIfRunAborted(signal);
      if (!isRetryable(error)) throw error;
      if (attempt > 0 && Date.now() >= deadline) throw previous;
      const delay = retryDelayMs(error, attempt, delayOptions);
      if (Date.now() + delay >= deadline) throw error;
      previous = error;
      await sleep(delay, signal);
      throwIfRunAborted(signal);
    }
  }
}
