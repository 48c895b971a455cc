import type { Entity } from '@backstage/catalog-model';
import type {
  ClusterCollectionHealthResponse,
  EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import path from 'node:path';
import { startBackend } from '../infra/backendProcess';
import { fetchJson, timed, waitFor } from '../infra/http';
import {
  startSimulatorProcess,
  type SimulatedCluster,
} from '../infra/simulatorProcess';
import type { BenchProfile } from '../profile';
import { formatMs, formatRatio } from '../report/format';
import type { SuiteResult } from '../report/suiteResult';
import { summarizeLatency, type LatencySummary } from '../stats/latency';

/** The service whose page is loaded: namespace service-000 of every cluster. */
const SERVICE = 'service-000';
const SCHEDULE = `${SERVICE}-0`;
const WARM_UP_REQUESTS = 5;

/**
 * The entity as a platform team would describe it for both plugins: the
 * Kubernetes plugin finds its Velero objects by label, ours by the explicit
 * schedule list (the same schedules, so both show the same backup state).
 */
function serviceEntity(clusters: SimulatedCluster[]): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: SERVICE,
      annotations: {
        'backstage.io/kubernetes-label-selector': `velero.io/schedule-name=${SCHEDULE}`,
        'disaster-recovery/tier': '2',
        'disaster-recovery/velero-schedules': clusters
          .map(cluster => `${cluster.name}/velero/${SCHEDULE}`)
          .join(','),
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-a',
    },
  };
}

interface KubernetesObjectsResponse {
  items: Array<{
    resources: Array<{ type: string; resources: unknown[] }>;
    errors: unknown[];
  }>;
}

/** Velero objects in a Kubernetes-plugin answer, to check it did the work. */
function veleroObjectsIn(response: KubernetesObjectsResponse): number {
  return response.items
    .flatMap(item => item.resources)
    .filter(resource => resource.type === 'customresources')
    .reduce((sum, resource) => sum + resource.resources.length, 0);
}

interface ClusterCountResult {
  clusters: number;
  kubernetes: LatencySummary;
  ours: LatencySummary;
  catalogLookup: LatencySummary;
  veleroObjects: number;
}

async function measureAt(
  clusterCount: number,
  profile: BenchProfile['entityPage'],
  workDir: string,
): Promise<ClusterCountResult> {
  const label = `entity${clusterCount}`;
  const simulator = await startSimulatorProcess(
    { clusters: clusterCount, ...profile.estatePerCluster },
    path.join(workDir, `${label}-simulator.log`),
  );
  try {
    await simulator.setLatency(profile.latencyMs);
    const entity = serviceEntity(simulator.clusters);
    const backend = await startBackend({
      label,
      workDir,
      clusters: simulator.clusters,
      entities: [entity],
    });
    try {
      const token = await backend.userToken();
      const headers = { authorization: `Bearer ${token}` };
      const api = `${backend.baseUrl}/api`;
      const entityUrl = `${api}/catalog/entities/by-name/component/default/${SERVICE}`;
      const catalogEntity = await waitFor(
        'the catalog to hold the service',
        async () => {
          const response = await fetch(entityUrl, { headers });
          return response.ok ? ((await response.json()) as Entity) : undefined;
        },
        { timeoutMs: 180_000, intervalMs: 1000 },
      );
      await waitFor(
        'every cluster to be collected',
        async () => {
          const health = await fetchJson<ClusterCollectionHealthResponse>(
            `${api}/disaster-recovery/clusters`,
            { headers },
          );
          const collected = health.items.filter(c => c.lastSuccessAt).length;
          return collected >= clusterCount ? true : undefined;
        },
        { timeoutMs: 300_000, intervalMs: 1000 },
      );
      const postureUrl = `${api}/disaster-recovery/entities/component/default/${SERVICE}/posture`;
      // The posture is evaluated on a schedule; wait for one that has seen
      // every cluster's schedule.
      await waitFor(
        'a posture covering every cluster',
        async () => {
          const posture = await fetchJson<EntityPostureResponse>(postureUrl, {
            headers,
          });
          return posture.schedules.length >= clusterCount ? true : undefined;
        },
        { timeoutMs: 120_000, intervalMs: 1000 },
      );
      const kubernetesRequest = async () => {
        const response = await fetch(`${api}/kubernetes/services/${SERVICE}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ entity: catalogEntity }),
        });
        if (!response.ok) {
          throw new Error(`Kubernetes plugin answered ${response.status}`);
        }
        return (await response.json()) as KubernetesObjectsResponse;
      };
      const ourRequest = async () => {
        const response = await fetch(postureUrl, { headers });
        if (!response.ok)
          throw new Error(`posture answered ${response.status}`);
        await response.json();
      };
      // Both routes look the entity up in the catalog first: the share of
      // the time that is not theirs.
      const catalogRequest = async () => {
        await fetchJson(entityUrl, { headers });
      };
      const veleroObjects = veleroObjectsIn(await kubernetesRequest());
      for (let i = 0; i < WARM_UP_REQUESTS; i++) {
        await kubernetesRequest();
        await ourRequest();
      }
      // Alternating the two spreads any background noise over both.
      const kubernetes: number[] = [];
      const ours: number[] = [];
      const catalogLookup: number[] = [];
      for (let round = 0; round < profile.rounds; round++) {
        kubernetes.push(await timed(kubernetesRequest));
        ours.push(await timed(ourRequest));
        catalogLookup.push(await timed(catalogRequest));
      }
      return {
        clusters: clusterCount,
        kubernetes: summarizeLatency(kubernetes),
        ours: summarizeLatency(ours),
        catalogLookup: summarizeLatency(catalogLookup),
        veleroObjects,
      };
    } finally {
      await backend.stop();
    }
  } finally {
    await simulator.stop();
  }
}

/** Issue 8, item 1: an entity's backup state, ours against the Kubernetes plugin. */
export async function benchEntityPage(
  profile: BenchProfile['entityPage'],
  workDir: string,
): Promise<SuiteResult> {
  const results: ClusterCountResult[] = [];
  for (const clusterCount of profile.clusterCounts) {
    results.push(await measureAt(clusterCount, profile, workDir));
  }
  const metrics: Record<string, number> = {};
  for (const result of results) {
    metrics[`entityPage.speedup.${result.clusters}`] =
      result.kubernetes.p50 / result.ours.p50;
  }
  return {
    id: 'entityPage',
    title: '1. Entity page data: ours vs the Kubernetes plugin',
    method: `One backend (packages/backend, every plugin, PostgreSQL) per cluster count; each simulated cluster answers after ${profile.latencyMs} ms. Timed, alternately, ${profile.rounds} times each after ${WARM_UP_REQUESTS} warm-up requests, as a signed-in guest: \`POST /api/kubernetes/services/${SERVICE}\` (what the Kubernetes tab requests; Velero \`backups\` and \`schedules\` as \`customResources\`, object types limited to \`pods\`, the one core type the simulator serves, the entity's label selector \`velero.io/schedule-name=${SCHEDULE}\`) and \`GET /api/disaster-recovery/entities/component/default/${SERVICE}/posture\` for the same schedules.`,
    table: {
      headers: [
        'clusters',
        'Kubernetes plugin p50',
        'p95',
        'ours p50',
        'p95',
        'ours faster (p50)',
        'catalog lookup alone p50',
        'Velero objects per Kubernetes answer',
      ],
      rows: results.map(r => [
        String(r.clusters),
        formatMs(r.kubernetes.p50),
        formatMs(r.kubernetes.p95),
        formatMs(r.ours.p50),
        formatMs(r.ours.p95),
        formatRatio(r.kubernetes.p50 / r.ours.p50),
        formatMs(r.catalogLookup.p50),
        r.veleroObjects.toLocaleString('en-US'),
      ]),
      numeric: [0, 1, 2, 3, 4, 5, 6, 7],
    },
    notes: [
      `The Kubernetes plugin lists each configured object type and custom resource in every cluster on each request, so its time follows the slowest cluster and the number of clusters; ours reads the posture the backend evaluated after its last collection, with one catalog lookup. Both routes first ask the catalog for the entity (with the caller's credentials); the catalog lookup alone, timed in the same rounds, is the part of our time that is the catalog's.`,
    ],
    metrics,
  };
}
