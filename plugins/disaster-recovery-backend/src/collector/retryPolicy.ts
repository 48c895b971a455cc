import { ApiException } from '@kubernetes/client-node';

/** HTTP statuses worth retrying: throttling and server-side trouble. */
const RETRYABLE_STATUSES = new Set([429, 500, 502, 503, 504]);
const BASE_DELAY_MS = 250;
const MAX_DELAY_MS = 10_000;

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

/** How long to wait before attempt `attempt + 1`, honouring `Retry-After`. */
export function retryDelayMs(error: unknown, attempt: number): number {
  if (error instanceof ApiException) {
    const retryAfter = Number(error.headers?.['retry-after']);
    if (Number.isFinite(retryAfter) && retryAfter >= 0) {
      return Math.min(retryAfter * 1000, MAX_DELAY_MS);
    }
  }
  return Math.min(BASE_DELAY_MS * 2 ** attempt, MAX_DELAY_MS);
}

/**
 * Runs `request`, retrying retryable failures with exponential backoff as
 * long as the next attempt would start before `deadline` (epoch ms).
 */
export async function withRetries<T>(
  request: () => Promise<T>,
  deadline: number,
  sleep: (ms: number) => Promise<void> = ms =>
    new Promise(r => setTimeout(r, ms)),
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await request();
    } catch (error) {
      const delay = retryDelayMs(error, attempt);
      if (!isRetryable(error) || Date.now() + delay >= deadline) {
        throw error;
      }
      await sleep(delay);
    }
  }
}
