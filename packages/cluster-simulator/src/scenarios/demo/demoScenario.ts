import type { Scenario } from '../scenario.ts';
import { readOnlyGrant } from '../scenario.ts';
import {
  activeClusterObjects,
  stagingClusterObjects,
  standbyClusterObjects,
} from './demoClusters.ts';
import { demoBehaviour } from './demoBehaviour.ts';
import { DEMO_CLUSTERS, HISTORY_LENGTH } from './demoEstate.ts';

/** The fixed demo token of a cluster; demo only, not a secret. */
export function demoToken(cluster: string): string {
  return `demo-token-${cluster}`;
}

/**
 * The `demo` scenario: active, warm-standby and staging clusters holding the
 * example catalog's services, with four weeks of history ending at `start`.
 * The same seed and start time always give the same estate.
 */
export function demoScenario(options: {
  seed: string;
  start: number;
}): Scenario {
  const { seed, start } = options;
  return {
    name: 'demo',
    historyStart: start - HISTORY_LENGTH,
    clusters: [
      {
        name: DEMO_CLUSTERS.active,
        groups: [
          'velero.io',
          'postgresql.cnpg.io',
          'barmancloud.cnpg.io',
          'cert-manager.io',
        ],
        tokens: [readOnlyGrant(demoToken(DEMO_CLUSTERS.active))],
        objects: activeClusterObjects(start),
      },
      {
        name: DEMO_CLUSTERS.standby,
        // Replica clusters; no cert-manager, whose kind is then left out.
        groups: ['velero.io', 'postgresql.cnpg.io'],
        tokens: [readOnlyGrant(demoToken(DEMO_CLUSTERS.standby))],
        objects: standbyClusterObjects(start),
      },
      {
        name: DEMO_CLUSTERS.staging,
        groups: ['velero.io'],
        tokens: [readOnlyGrant(demoToken(DEMO_CLUSTERS.staging))],
        objects: stagingClusterObjects(start),
      },
    ],
    behaviour: demoBehaviour(seed, start),
    notices: [],
  };
}
