import { badRequest, continueExpired } from '../kube/apiStatus.ts';
import type { KubeObject } from '../kube/kubeObject.ts';
import { parseFieldSelector } from '../selectors/fieldSelector.ts';
import {
  parseLabelSelector,
  SelectorSyntaxError,
} from '../selectors/labelSelector.ts';
import {
  lowerBound,
  objectKey,
  type ObjectCollection,
} from '../store/objectCollection.ts';
import { decodeContinue, encodeContinue } from './continueToken.ts';

/** The list query parameters the simulator honours. */
export interface ListQuery {
  namespace?: string;
  labelSelector?: string;
  fieldSelector?: string;
  limit?: string;
  continue?: string;
  resourceVersion?: string;
}

/** One page of a list. */
export interface ListPage {
  items: readonly KubeObject[];
  resourceVersion: number;
  continueToken?: string;
  remainingItemCount?: number;
}

/** How long and how far continue tokens stay usable. */
export interface ContinuePolicy {
  /** Retention of a list snapshot, counted from its first page (ms). */
  snapshotRetentionMs: number;
  /** When set, the page after this many pages answers 410 Expired. */
  expireAfterPages?: number;
  /** Current real time (ms), for snapshot retention. */
  now: number;
}

function parseSelectors(query: ListQuery) {
  try {
    return {
      labels: parseLabelSelector(query.labelSelector ?? ''),
      fields: parseFieldSelector(query.fieldSelector ?? ''),
    };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) {
      throw badRequest(error.message);
    }
    throw error;
  }
}

function parseLimit(limit: string | undefined): number {
  if (limit === undefined || limit === '') {
    return 0;
  }
  const value = Number(limit);
  if (!Number.isInteger(value)) {
    throw badRequest(`invalid limit: ${limit}`);
  }
  // The API server treats zero and negative limits as "no limit".
  return Math.max(0, value);
}

/**
 * Serves one page of a list the way kube-apiserver does from etcd: items in
 * key order, `limit` counted after selector filtering, a continue token when
 * keys remain, `remainingItemCount` only for unfiltered lists, and later
 * pages read the snapshot of the first page (410 Expired once it is gone).
 */
export function listObjects(
  collection: ObjectCollection,
  clusterVersion: number,
  query: ListQuery,
  policy: ContinuePolicy,
): ListPage {
  const selectors = parseSelectors(query);
  const limit = parseLimit(query.limit);
  let entries: readonly KubeObject[];
  let version: number;
  let start = '';
  let page = 0;
  if (query.continue) {
    if (query.resourceVersion) {
      throw badRequest(
        'specifying resource version is not allowed when using continue',
      );
    }
    const position = decodeContinue(query.continue);
    const inconsistent = encodeContinue({
      rv: -1,
      start: position.start,
      page: position.page,
    });
    if (
      policy.expireAfterPages !== undefined &&
      position.page >= policy.expireAfterPages
    ) {
      throw continueExpired(inconsistent);
    }
    if (position.rv === -1) {
      entries = collection.snapshot();
      version = clusterVersion;
    } else {
      const retained = collection.snapshotAt(
        position.rv,
        policy.now,
        policy.snapshotRetentionMs,
      );
      if (!retained) {
        throw continueExpired(inconsistent);
      }
      entries = retained;
      version = position.rv;
    }
    start = position.start;
    page = position.page;
  } else {
    entries = collection.snapshot();
    version = clusterVersion;
  }

  const prefix = query.namespace !== undefined ? `${query.namespace}/` : '';
  let index = lowerBound(entries, start > prefix ? start : prefix);
  const items: KubeObject[] = [];
  const filtered =
    selectors.labels.requirements.length > 0 ||
    selectors.fields.requirements.length > 0;
  while (index < entries.length && (limit === 0 || items.length < limit)) {
    const object = entries[index];
    if (prefix && !objectKey(object).startsWith(prefix)) {
      index = entries.length;
      break;
    }
    index++;
    const { metadata } = object;
    if (
      selectors.labels.matches(metadata.labels) &&
      selectors.fields.matches({
        name: metadata.name,
        namespace: metadata.namespace ?? '',
      })
    ) {
      items.push(object);
    }
  }
  const hasMore =
    index < entries.length &&
    (!prefix || objectKey(entries[index]).startsWith(prefix));
  if (!hasMore) {
    return { items, resourceVersion: version };
  }
  collection.retainSnapshot(version, entries, policy.now);
  const remaining = filtered
    ? undefined
    : (prefix ? lowerBound(entries, `${query.namespace}0`) : entries.length) -
      index;
  return {
    items,
    resourceVersion: version,
    continueToken: encodeContinue({
      rv: version,
      // Resume after the last key examined, as etcd does.
      start: `${objectKey(entries[index - 1])}\u0000`,
      page: page + 1,
    }),
    ...(remaining !== undefined ? { remainingItemCount: remaining } : {}),
  };
}
