import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import type { ResourceStore } from '../database/ResourceStore';
import type { ListPageFn } from './clusterApi';
import { listAllPages, type ListingOutcome } from './listAllPages';
import { identityOf } from './writeObjects';

/** One kind listed completely. */
export interface KindListing extends ListingOutcome {
  /** The uid of every object listed: the run's deletions follow from it. */
  seen: Set<string>;
}

/**
 * Lists one kind's metadata only and compares each object's resourceVersion
 * with the store's: when the store holds every one at its version, nothing
 * of the kind changed except deletions, and reading the objects in full
 * would only confirm it. Returns `undefined` when anything is new, changed
 * or without a uid and version (the full listing writes it, or names it as
 * malformed).
 */
export async function listUnchanged(options: {
  /** A metadata lister (`createListPage(config, 'metadata')`). */
  listMetadataPage: ListPageFn;
  kind: KubernetesResourceKind;
  cluster: string;
  store: ResourceStore;
  pageSize: number;
  deadline: number;
  requestTimeoutMs: number;
  maxRetryDelayMs?: number;
  signal?: AbortSignal;
}): Promise<KindListing | undefined> {
  const seen = new Set<string>();
  let changed = false;
  const outcome = await listAllPages({
    listPage: options.listMetadataPage,
    kind: options.kind,
    pageSize: options.pageSize,
    deadline: options.deadline,
    requestTimeoutMs: options.requestTimeoutMs,
    maxRetryDelayMs: options.maxRetryDelayMs,
    signal: options.signal,
    onPage: async items => {
      if (changed) return;
      const identities = items.map(identityOf);
      const stored = await options.store.storedVersions(
        options.cluster,
        identities.flatMap(identity => (identity ? [identity.uid] : [])),
      );
      for (const identity of identities) {
        if (
          !identity ||
          stored.get(identity.uid) !== identity.resourceVersion
        ) {
          changed = true;
          return;
        }
        seen.add(identity.uid);
      }
    },
  });
  return changed ? undefined : { ...outcome, seen };
}
