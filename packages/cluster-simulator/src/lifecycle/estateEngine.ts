import { ApiError } from '../kube/apiStatus.ts';
import type { KubeObject } from '../kube/kubeObject.ts';
import { knownType } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import type { EstateBehaviour } from './behaviour.ts';
import { CnpgScheduleController } from './cnpgScheduleController.ts';
import type { EngineContext, LifecycleController } from './engineContext.ts';
import { EventQueue } from './eventQueue.ts';
import { RestoreDrillController } from './restoreDrillController.ts';
import { VeleroScheduleController } from './veleroScheduleController.ts';

/** A write the engine attempted and the cluster refused (a bug to fix). */
export interface RefusedWrite {
  cluster: string;
  object: string;
  message: string;
}

/**
 * Moves the estate through simulated time: a discrete-event loop over the
 * controllers (Velero schedules, CloudNativePG scheduled backups, restore
 * drills) and the scenario's timeline. It is driven lazily: each API request
 * first advances it to the clock's current time, so time passes (and
 * history is generated at start-up) without timers.
 */
export class EstateEngine {
  private readonly queue = new EventQueue();
  private readonly controllers: LifecycleController[];
  private time: number;
  /** Writes refused by validation; should stay empty. */
  readonly refusedWrites: RefusedWrite[] = [];

  private readonly clusters: ReadonlyMap<string, SimulatedCluster>;

  constructor(
    clusters: ReadonlyMap<string, SimulatedCluster>,
    behaviour: EstateBehaviour,
    startTime: number,
  ) {
    this.clusters = clusters;
    this.time = startTime;
    const context: EngineContext = {
      clusters,
      behaviour,
      queue: this.queue,
      now: () => this.time,
      write: (cluster, object, at) => this.write(cluster, object, at),
      remove: (cluster, type, namespace, name) => {
        if (cluster.serves(type) && cluster.find(type, namespace, name)) {
          cluster.delete(type, namespace, name);
        }
      },
    };
    this.controllers = behaviour.runsControllers
      ? [
          new VeleroScheduleController(context),
          new CnpgScheduleController(context),
        ]
      : [];
    if (behaviour.runsControllers) {
      new RestoreDrillController(context).start(behaviour.drills);
    }
    for (const event of behaviour.timeline) {
      const cluster = clusters.get(event.cluster);
      if (!cluster) {
        throw new Error(`timeline event for unknown cluster ${event.cluster}`);
      }
      const type = knownType(event.target.apiVersion, event.target.kind);
      this.queue.push({
        at: event.at,
        run: () => {
          const current = cluster.find(
            type,
            event.target.namespace,
            event.target.name,
          );
          this.write(cluster, event.change(current), event.at);
          this.reconcile(cluster);
        },
      });
    }
  }

  /** The simulated time the estate has reached. */
  get now(): number {
    return this.time;
  }

  private write(
    cluster: SimulatedCluster,
    object: KubeObject,
    at: number,
  ): KubeObject | undefined {
    try {
      return cluster.write(object, at);
    } catch (error) {
      if (error instanceof ApiError) {
        this.refusedWrites.push({
          cluster: cluster.name,
          object: `${object.kind} ${object.metadata.namespace ?? ''}/${
            object.metadata.name
          }`,
          message: error.message,
        });
        return undefined;
      }
      throw error;
    }
  }

  private reconcile(cluster: SimulatedCluster): void {
    for (const controller of this.controllers) {
      controller.reconcile(cluster);
    }
  }

  /** Runs every event up to `target` (no-op when `target` is in the past). */
  advanceTo(target: number): void {
    if (target < this.time) {
      return;
    }
    for (const cluster of this.clusters.values()) {
      this.reconcile(cluster);
    }
    while (this.queue.peekTime() <= target) {
      const event = this.queue.pop()!;
      this.time = event.at;
      event.run(target);
    }
    this.time = target;
    for (const controller of this.controllers) {
      controller.flushStatus();
    }
  }
}
