import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import type { ListPageFn } from './clusterApi';
import { abortableRequest } from './abortableRequest';
import { statusOf, withRetries } from './retryPolicy';

/** How often one listing may restart after its continue token expired. */
const MAX_RESTARTS = 3;

/** The result of listing one kind in one cluster. */
export interface ListingOutcome {
  /** Listings restarted because a continue token expired (410). */
  restarts: number;
  /**
   * The resourceVersion of the listing (its first page's: every page of a
   * paginated list reads one snapshot); absent when the server sent none.
   */
  resourceVersion?: string;
}

/**
 * Lists every object of one kind across all namespaces, page by page
 * (`limit`/`continue`), handing each page to `onPage` before fetching the
 * next so that a cluster is never held in memory whole. An expired continue
 * token (410) restarts the listing from the start; `onPage` must therefore be
 * idempotent. A 404 is an error like any other: whether a kind is
 * installed is decided from API discovery, never from a list's answer.
 */
export async function listAllPages(options: {
  listPage: ListPageFn;
  kind: KubernetesResourceKind;
  pageSize: number;
  deadline: number;
  requestTimeoutMs: number;
  maxRetryDelayMs?: number;
  /** The run's abort signal: it aborts the request in flight. */
  signal?: AbortSignal;
  onPage: (items: unknown[]) => Promise<void>;
}): Promise<ListingOutcome> {
  const { listPage, kind, pageSize, deadline, requestTimeoutMs, onPage } =
    options;
  const retry = {
    deadline,
    maxDelayMs: options.maxRetryDelayMs,
    signal: options.signal,
  };
  let continueToken: string | undefined;
  let restarts = 0;
  let resourceVersion: string | undefined;
  for (;;) {
    let page;
    const token = continueToken;
    try {
      page = await withRetries(
        () =>
          abortableRequest(signal => listPage(kind, pageSize, token, signal), {
            timeoutMs: Math.max(
              1,
              Math.min(requestTimeoutMs, deadline - Date.now()),
            ),
            runSignal: options.signal,
          }),
        retry,
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === 410 && token && restarts < MAX_RESTARTS) {
        restarts += 1;
        continueToken = undefined;
        continue;
      }
      throw error;
    }
    if (!token) {
      resourceVersion = page.resourceVersion;
    }
    await onPage(page.items);
    continueToken = page.continueToken;
    if (!continueToken) {
      return { restarts, resourceVersion };
    }
  }
}
