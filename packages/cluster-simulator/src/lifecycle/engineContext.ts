import type { KubeObject } from '../kube/kubeObject.ts';
import type { ResourceType } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import type { EstateBehaviour } from './behaviour.ts';
import type { EventQueue } from './eventQueue.ts';

/** What the lifecycle controllers share with the engine that drives them. */
export interface EngineContext {
  readonly clusters: ReadonlyMap<string, SimulatedCluster>;
  readonly behaviour: EstateBehaviour;
  readonly queue: EventQueue;
  /** Simulated time of the event being processed. */
  now(): number;
  /**
   * Writes an object as the controller would; a refusal (422) is recorded
   * on the engine rather than thrown, and undefined is returned.
   */
  write(
    cluster: SimulatedCluster,
    object: KubeObject,
    at: number,
  ): KubeObject | undefined;
  /** Deletes an object if it exists. */
  remove(
    cluster: SimulatedCluster,
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): void;
}

/** A controller that reacts to the objects of its clusters over time. */
export interface LifecycleController {
  /** Picks up objects created or changed outside the engine. */
  reconcile(cluster: SimulatedCluster): void;
  /** Writes status that is kept up to date lazily (e.g. last run times). */
  flushStatus(): void;
}
