import type { KubernetesObjectApi } from '@kubernetes/client-node';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import { statusOf, withRetries } from './retryPolicy';

/** How often one listing may restart after its continue token expired. */
const MAX_RESTARTS = 3;

/** The result of listing one kind in one cluster. */
export type ListingOutcome =
  | { installed: true; pages: number; restarts: number }
  | { installed: false };

/**
 * Lists every object of one kind across all namespaces, page by page
 * (`limit`/`continue`), handing each page to `onPage` before fetching the
 * next so that a cluster is never held in memory whole. An expired continue
 * token (410) restarts the listing from the start; `onPage` must therefore be
 * idempotent. A kind whose API group the cluster does not serve is reported
 * as not installed.
 */
export async function listAllPages(options: {
  api: KubernetesObjectApi;
  kind: KubernetesResourceKind;
  pageSize: number;
  deadline: number;
  onPage: (items: unknown[]) => Promise<void>;
}): Promise<ListingOutcome> {
  const { api, kind, pageSize, deadline, onPage } = options;
  let continueToken: string | undefined;
  let pages = 0;
  let restarts = 0;
  for (;;) {
    let page;
    const token = continueToken;
    try {
      page = await withRetries(
        () =>
          api.list(
            kind.apiVersion,
            kind.kind,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            undefined,
            pageSize,
            token,
          ),
        deadline,
      );
    } catch (error) {
      const status = statusOf(error);
      if (status === 410 && continueToken && restarts < MAX_RESTARTS) {
        restarts += 1;
        continueToken = undefined;
        continue;
      }
      if (status === 404 && !continueToken) {
        return { installed: false };
      }
      throw error;
    }
    pages += 1;
    await onPage(page.items ?? []);
    // Raw JSON says `continue`; the client's typed list metadata `_continue`.
    const metadata = page.metadata as
      | { continue?: string; _continue?: string }
      | undefined;
    continueToken = metadata?._continue || metadata?.continue || undefined;
    if (!continueToken) {
      return { installed: true, pages, restarts };
    }
  }
}
