import type { KubeObject } from '../kube/kubeObject.ts';
import type { ResourceType } from '../kube/resourceCatalog.ts';

/** A watch event type, as the API server sends them. */
export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** One change to a cluster's objects. */
export interface ChangeEvent {
  type: WatchEventType;
  resource: ResourceType;
  /** The object after the change (before it, with the new version, for DELETED). */
  object: KubeObject;
  /** Cluster resource version of the change. */
  resourceVersion: number;
}

/** Default number of recent events kept per cluster for watch resumption. */
export const DEFAULT_WATCH_HISTORY = 4096;

/**
 * The recent changes of one cluster, as etcd's watch cache holds them: a
 * ring of the last `capacity` events, so a watch can resume from a recent
 * resourceVersion, and memory stays bounded however long the simulator runs.
 * A resumption from before the ring's start is "too old" (410 Expired).
 */
export class WatchLog {
  private readonly ring: (ChangeEvent | undefined)[];
  private next = 0;
  private count = 0;
  /** Highest resource version no longer in the ring (0: nothing dropped). */
  private droppedThrough = 0;
  private readonly listeners = new Set<(event: ChangeEvent) => void>();

  readonly capacity: number;

  constructor(capacity: number = DEFAULT_WATCH_HISTORY) {
    this.capacity = capacity;
    this.ring = new Array(capacity);
  }

  /** Records a change and hands it to every subscriber. */
  record(event: ChangeEvent): void {
    if (this.capacity > 0) {
      const evicted = this.ring[this.next];
      if (evicted) {
        this.droppedThrough = evicted.resourceVersion;
      }
      this.ring[this.next] = event;
      this.next = (this.next + 1) % this.capacity;
      this.count = Math.min(this.count + 1, this.capacity);
    } else {
      this.droppedThrough = event.resourceVersion;
    }
    for (const listener of this.listeners) {
      listener(event);
    }
  }

  /**
   * The events after `resourceVersion`, oldest first; undefined when some of
   * them are no longer kept (the version is too old).
   */
  since(resourceVersion: number): ChangeEvent[] | undefined {
    if (resourceVersion < this.droppedThrough) {
      return undefined;
    }
    const events: ChangeEvent[] = [];
    const first = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) {
      const event = this.ring[(first + i) % this.capacity]!;
      if (event.resourceVersion > resourceVersion) {
        events.push(event);
      }
    }
    return events;
  }

  /**
   * Forgets every recorded event, as etcd's compaction does: a watch can
   * then resume only from the current version, and an older one gets 410.
   */
  compact(throughVersion: number): void {
    this.ring.fill(undefined);
    this.next = 0;
    this.count = 0;
    this.droppedThrough = Math.max(this.droppedThrough, throughVersion);
  }

  /** The oldest resource version a watch can still resume from. */
  get oldestResumable(): number {
    return this.droppedThrough;
  }

  /** Calls `listener` for every later change; returns the unsubscribe. */
  subscribe(listener: (event: ChangeEvent) => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Number of open subscriptions (watch streams). */
  get subscribers(): number {
    return this.listeners.size;
  }
}
