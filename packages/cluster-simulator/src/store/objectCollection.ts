import type { KubeObject } from '../kube/kubeObject.ts';

/**
 * The storage key of an object, ordered the way etcd orders the keys
 * `/registry/<resource>/<namespace>/<name>`, which is the order in which the
 * API server returns list items.
 */
export function storageKey(
  namespace: string | undefined,
  name: string,
): string {
  return `${namespace ?? ''}/${name}`;
}

/** The storage key of a stored object. */
export function objectKey(object: KubeObject): string {
  return storageKey(object.metadata.namespace, object.metadata.name);
}

/** A list snapshot kept alive for continue tokens. */
interface RetainedSnapshot {
  entries: readonly KubeObject[];
  retainedAt: number;
}

/**
 * All objects of one resource type in one cluster. Lists read an immutable,
 * key-ordered snapshot; a write invalidates the current snapshot, so a
 * paginated list keeps reading the snapshot of its first page (consistent
 * lists, as with etcd) until the snapshot's retention runs out.
 */
export class ObjectCollection {
  private readonly byKey = new Map<string, KubeObject>();
  private current: readonly KubeObject[] | undefined;
  private readonly retained = new Map<number, RetainedSnapshot>();
  /** Cluster resource version of the latest write to this collection. */
  lastWriteVersion = 0;

  get size(): number {
    return this.byKey.size;
  }

  get(namespace: string | undefined, name: string): KubeObject | undefined {
    return this.byKey.get(storageKey(namespace, name));
  }

  /** Stores (creates or replaces) an object written at `version`. */
  put(object: KubeObject, version: number): void {
    this.byKey.set(objectKey(object), object);
    this.current = undefined;
    this.lastWriteVersion = version;
  }

  /** Removes an object; returns it, or undefined when it did not exist. */
  remove(
    namespace: string | undefined,
    name: string,
    version: number,
  ): KubeObject | undefined {
    const key = storageKey(namespace, name);
    const existing = this.byKey.get(key);
    if (existing) {
      this.byKey.delete(key);
      this.current = undefined;
      this.lastWriteVersion = version;
    }
    return existing;
  }

  /** Iterates objects in no particular order (for the lifecycle engine). */
  values(): IterableIterator<KubeObject> {
    return this.byKey.values();
  }

  /** The current key-ordered snapshot. */
  snapshot(): readonly KubeObject[] {
    if (!this.current) {
      const keyed = Array.from(this.byKey, ([key, object]) => ({
        key,
        object,
      }));
      // Keys are unique, so the comparison never needs to answer "equal".
      keyed.sort((a, b) => (a.key < b.key ? -1 : 1));
      this.current = keyed.map(k => k.object);
    }
    return this.current;
  }

  /**
   * Keeps `entries` readable as the state at cluster resource version
   * `version`, for the continue tokens handed out with it.
   */
  retainSnapshot(
    version: number,
    entries: readonly KubeObject[],
    now: number,
  ): void {
    // The age counts from the first page, as etcd compacts by revision age.
    if (!this.retained.has(version)) {
      this.retained.set(version, { entries, retainedAt: now });
    }
  }

  /**
   * The snapshot at `version` if it is still retained (and not older than
   * `maxAgeMs`), else undefined: the state at that version can no longer be
   * read, which the API answers with 410 Expired.
   */
  snapshotAt(
    version: number,
    now: number,
    maxAgeMs: number,
  ): readonly KubeObject[] | undefined {
    for (const [retainedVersion, snapshot] of this.retained) {
      if (now - snapshot.retainedAt > maxAgeMs) {
        this.retained.delete(retainedVersion);
      }
    }
    return this.retained.get(version)?.entries;
  }
}

/** Index of the first entry whose key is >= `key` (binary search). */
export function lowerBound(
  entries: readonly KubeObject[],
  key: string,
): number {
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (objectKey(entries[middle]) < key) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}
