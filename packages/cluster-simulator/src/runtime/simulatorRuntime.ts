import { FaultInjector } from '../faults/faultInjector.ts';
import {
  faultSettingsErrors,
  type FaultSettings,
} from '../faults/faultSettings.ts';
import { ApiError, badRequest } from '../kube/apiStatus.ts';
import { isJsonObject, type KubeObject } from '../kube/kubeObject.ts';
import { knownType, resourceTypeForObject } from '../kube/resourceCatalog.ts';
import { SimulationClock } from '../clock/simulationClock.ts';
import { EstateEngine, type RefusedWrite } from '../lifecycle/estateEngine.ts';
import type { Scenario } from '../scenarios/scenario.ts';
import type { TokenGrant } from '../server/accessControl.ts';
import {
  SimulatedCluster,
  SYSTEM_NAMESPACES,
} from '../store/simulatedCluster.ts';
import type { ObjectValidator } from '../validation/objectValidator.ts';

/** Options of a runtime built from a scenario. */
export interface RuntimeOptions {
  scenario: Scenario;
  validator: ObjectValidator;
  /** Simulated time at which the clock starts (the end of the history). */
  startTime: number;
  /** Clock speed: 1 = real time, 0 = frozen. */
  speed: number;
  /** Faults per cluster name, applied on top of the scenario's. */
  faults?: Record<string, FaultSettings>;
}

/**
 * The simulator's state behind both the HTTP server and the programmatic
 * API: the clusters, the clock, the lifecycle engine and the fault
 * injectors. Everything that changes state goes through here.
 */
export class SimulatorRuntime {
  readonly clusters = new Map<string, SimulatedCluster>();
  readonly clock: SimulationClock;
  readonly engine: EstateEngine;
  readonly notices: string[];
  private readonly injectors = new Map<string, FaultInjector>();

  constructor(options: RuntimeOptions) {
    const { scenario, validator } = options;
    this.notices = [...scenario.notices];
    for (const seed of scenario.clusters) {
      const cluster = new SimulatedCluster(
        seed.name,
        new Set(seed.groups),
        validator,
        scenario.behaviour.seed,
      );
      for (const grant of seed.tokens) {
        cluster.grants.set(grant.token, grant);
      }
      for (const namespace of SYSTEM_NAMESPACES) {
        cluster.ensureNamespace(namespace, scenario.historyStart);
      }
      for (const object of seed.objects) {
        try {
          cluster.write(object, scenario.historyStart);
        } catch (error) {
          if (!(error instanceof ApiError)) {
            throw error;
          }
          this.notices.push(
            `${seed.name}: refused ${object.kind} ${
              object.metadata?.namespace ?? ''
            }/${object.metadata?.name}: ${error.message}`,
          );
        }
      }
      this.clusters.set(seed.name, cluster);
      this.injectors.set(
        seed.name,
        new FaultInjector(
          `${scenario.behaviour.seed}/${seed.name}`,
          () => cluster.faults,
        ),
      );
      const faults = options.faults?.[seed.name] ?? seed.faults;
      if (faults) {
        this.setFaults(seed.name, faults);
      }
    }
    this.engine = new EstateEngine(
      this.clusters,
      scenario.behaviour,
      scenario.historyStart,
    );
    this.engine.advanceTo(options.startTime);
    this.clock = new SimulationClock(options.startTime, options.speed);
  }

  /** The cluster of that name; 404 Status error when unknown. */
  cluster(name: string): SimulatedCluster {
    const cluster = this.clusters.get(name);
    if (!cluster) {
      throw new ApiError({
        code: 404,
        reason: 'NotFound',
        message: `no simulated cluster named "${name}"`,
      });
    }
    return cluster;
  }

  /** The fault injector of a cluster. */
  injector(name: string): FaultInjector {
    this.cluster(name);
    return this.injectors.get(name)!;
  }

  /** Brings the estate up to the clock's current time. */
  catchUp(): number {
    const now = this.clock.now();
    this.engine.advanceTo(now);
    return now;
  }

  /** Moves the clock forward and runs everything that happens meanwhile. */
  advanceClock(ms: number): number {
    this.clock.advance(ms);
    return this.catchUp();
  }

  /**
   * Creates or replaces an object after validating it (422 when invalid);
   * `created` tells which of the two happened.
   */
  apply(
    clusterName: string,
    object: unknown,
  ): { object: KubeObject; created: boolean } {
    const cluster = this.cluster(clusterName);
    const now = this.catchUp();
    const type = isJsonObject(object)
      ? resourceTypeForObject(String(object.apiVersion), String(object.kind))
      : undefined;
    const metadata =
      isJsonObject(object) && isJsonObject(object.metadata)
        ? object.metadata
        : {};
    const existed =
      type !== undefined &&
      cluster.serves(type) &&
      cluster.find(
        type,
        metadata.namespace as string | undefined,
        String(metadata.name),
      ) !== undefined;
    const written = cluster.write(object, now, 'apply');
    // Let the controllers see the change (e.g. a new schedule) right away.
    this.engine.advanceTo(now);
    return { object: written, created: !existed };
  }

  /** Deletes an object; 404 when it does not exist. */
  remove(
    clusterName: string,
    ref: { apiVersion: string; kind: string; namespace?: string; name: string },
  ): KubeObject {
    const cluster = this.cluster(clusterName);
    let type;
    try {
      type = knownType(ref.apiVersion, ref.kind);
    } catch {
      throw badRequest(`unknown apiVersion/kind ${ref.apiVersion} ${ref.kind}`);
    }
    this.catchUp();
    return cluster.delete(type, ref.namespace, ref.name);
  }

  /** Replaces a cluster's fault settings; 400 when they are not valid. */
  setFaults(clusterName: string, faults: unknown): FaultSettings {
    const cluster = this.cluster(clusterName);
    const errors = faultSettingsErrors(faults);
    if (errors.length > 0) {
      throw badRequest(`invalid fault settings: ${errors.join('; ')}`);
    }
    cluster.faults = { ...(faults as FaultSettings) };
    this.injector(clusterName).reset();
    return cluster.faults;
  }

  /** Adds or replaces a bearer token of a cluster. */
  grantToken(clusterName: string, grant: TokenGrant): void {
    this.cluster(clusterName).grants.set(grant.token, grant);
  }

  /** Writes the lifecycle engine refused; empty unless there is a bug. */
  get refusedWrites(): readonly RefusedWrite[] {
    return this.engine.refusedWrites;
  }
}
