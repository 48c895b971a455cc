import { abortableRequest, RunAbortedError } from './abortableRequest';
import type { ServedGroupVersionsFn } from './clusterApi';
import { DiscoveryError } from './describeCollectionError';
import { withRetries } from './retryPolicy';

/**
 * The group versions a cluster serves, from API discovery with the run's
 * retries and request timeout; a failure is a {@link DiscoveryError}, so
 * that no kind is ever judged installed or not without it.
 */
export function discoverServed(
  servedGroupVersions: ServedGroupVersionsFn,
  options: {
    deadline: number;
    requestTimeoutMs: number;
    maxRetryDelayMs?: number;
    signal?: AbortSignal;
  },
): Promise<Set<string>> {
  const { deadline, requestTimeoutMs, signal } = options;
  return withRetries(
    () =>
      abortableRequest(servedGroupVersions, {
        timeoutMs: Math.max(
          1,
          Math.min(requestTimeoutMs, deadline - Date.now()),
        ),
        runSignal: signal,
      }),
    { deadline, maxDelayMs: options.maxRetryDelayMs, signal },
  ).catch(error => {
    throw error instanceof RunAbortedError ? error : new DiscoveryError(error);
  });
}
