import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import type { ListPageFn } from './clusterApi';
import { statusOf, withRetries } from './retryPolicy';

/** How often one listing may restart after its continue token expired. */
const MAX_RESTARTS = 3;

/**
 * Gives up on a request that does not answer in time. The client waits
 * forever on a connection dropped after its Content-Length header; this
 * turns that into a retryable failure.
 */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(new Error(`Kubernetes API request timed out after ${ms} ms`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The result of listing one kind in one cluster. */
export type ListingOutcome =
  | { installed: true; restarts: number }
  | { installed: false };

/**
 * Lists every object of one kind across all namespaces, page by page
 * (`limit`/`continue`), handing each page to `onPage` before fetching the
 * next so that a cluster is never held in memory whole. An expired continue
 * token (410) restarts the listing from the start; `onPage` must therefore be
 * idempotent. A kind whose API the cluster does not serve (404 on the first
 * page) is reported as not installed.
 */
export async function listAllPages(options: {
  listPage: ListPageFn;
  kind: KubernetesResourceKind;
  pageSize: number;
  deadline: number;
  requestTimeoutMs: number;
  maxRetryDelayMs?: number;
  onPage: (items: unknown[]) => Promise<void>;
}): Promise<ListingOutcome> {
  const { listPage, kind, pageSize, deadline, requestTimeoutMs, onPage } =
    options;
  const retry = { deadline, maxDelayMs: options.maxRetryDelayMs };
  let continueToken: string | undefined;
  let restarts = 0;
  for (;;) {
    let page;
    const token = continueToken;
    try {
      page = await withRetries(
        () =>
          withTimeout(
            listPage(kind, pageSize, token),
            Math.max(1, Math.min(requestTimeoutMs, deadline - Date.now())),
          ),
        retry,
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === 410 && token && restarts < MAX_RESTARTS) {
        restarts += 1;
        continueToken = undefined;
        continue;
      }
      if (status === 404 && !token) {
        return { installed: false };
      }
      throw error;
    }
    await onPage(page.items);
    continueToken = page.continueToken;
    if (!continueToken) {
      return { installed: true, restarts };
    }
  }
}
