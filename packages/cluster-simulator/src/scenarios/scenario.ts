import type { FaultSettings } from '../faults/faultSettings.ts';
import type { KubeObject } from '../kube/kubeObject.ts';
import type { ApiGroupName } from '../kube/resourceCatalog.ts';
import type { EstateBehaviour } from '../lifecycle/behaviour.ts';
import type { TokenGrant } from '../server/accessControl.ts';

/** One cluster of a scenario, as it is at the start of its history. */
export interface ClusterSeed {
  name: string;
  /** API groups installed besides the core group. */
  groups: ApiGroupName[];
  tokens: TokenGrant[];
  objects: KubeObject[];
  faults?: FaultSettings;
}

/** A scenario: clusters, their starting objects and how they behave. */
export interface Scenario {
  name: string;
  /** Simulated time at which the clusters' history begins (epoch ms). */
  historyStart: number;
  clusters: ClusterSeed[];
  behaviour: EstateBehaviour;
  /** One-line notes for the operator (e.g. fixtures skipped). */
  notices: string[];
}

/** The read-only grant a DR collector's service account has. */
export function readOnlyGrant(token: string): TokenGrant {
  return {
    token,
    user: 'system:serviceaccount:dr-posture:collector',
    resources: '*',
    verbs: ['get', 'list', 'watch'],
  };
}

/** Behaviour for scenarios served exactly as loaded, which never change. */
export function staticBehaviour(seed: string): EstateBehaviour {
  return {
    seed,
    runsControllers: false,
    backupRuns: () => ({
      failureRate: 0,
      partialFailureRate: 0,
      durationMs: [60_000, 60_000],
      itemCount: [10, 10],
    }),
    cnpgRuns: () => ({ failureRate: 0, durationMs: [60_000, 60_000] }),
    drills: [],
    timeline: [],
  };
}
