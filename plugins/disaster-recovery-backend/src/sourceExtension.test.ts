import { createBackendModule } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEMO_CLUSTERS,
  demoCatalogEntities,
  simulatedClustersConfig,
  startSimulator,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import {
  defineCheck,
  defineRecordKind,
  recordsOf,
  refOf,
  verdict,
  type CollectedObject,
} from '@dr-posture/plugin-disaster-recovery-common';
import {
  disasterRecoverySourcesExtensionPoint,
  type DisasterRecoverySource,
  type KubernetesResourceKind,
} from '@dr-posture/plugin-disaster-recovery-node';
import request from 'supertest';
import { disasterRecoveryPlugin } from './plugin';

jest.setTimeout(60_000);

const START = new Date('2026-11-20T12:00:00.000Z');

interface SnapshotLocationRecord extends CollectedObject {
  provider: string;
  region?: string;
}

/** A kind no built-in source collects, though Velero clusters serve it. */
const snapshotLocations: KubernetesResourceKind<SnapshotLocationRecord> = {
  ...defineRecordKind<SnapshotLocationRecord>({
    id: 'velero.io/VolumeSnapshotLocation',
    apiVersion: 'velero.io/v1',
    kind: 'VolumeSnapshotLocation',
    plural: 'volumesnapshotlocations',
  }),
  toRow(object) {
    const { metadata, spec } = object as {
      metadata: {
        namespace: string;
        name: string;
        uid: string;
        resourceVersion?: string;
      };
      spec: { provider: string; config?: { region?: string } };
    };
    return {
      namespace: metadata.namespace,
      name: metadata.name,
      uid: metadata.uid,
      resourceVersion: metadata.resourceVersion,
      record: {
        labels: {},
        provider: spec.provider,
        ...(spec.config?.region ? { region: spec.config.region } : {}),
      },
    };
  },
};

/** Volumes can be snapshotted where the entity's workloads run. */
const snapshotLocationCheck = defineCheck<
  'volume-snapshot-location',
  { regions: string[] }
>({
  id: 'volume-snapshot-location',
  title: 'Volume snapshots configured',
  appliesTo: 'Entities with workloads in collected clusters.',
  docs: 'Every cluster running the entity has a Velero VolumeSnapshotLocation, so its volumes can be snapshotted.',
  scorecard: { omitted: 'A test check.' },
  evaluate: context => {
    const clusters = [
      ...new Set(context.coverage.workloads.map(w => w.cluster)),
    ];
    if (clusters.length === 0) return undefined;
    const locations = recordsOf(snapshotLocations, context.records).filter(
      location => clusters.includes(location.cluster),
    );
    const without = clusters.filter(
      cluster => !locations.some(location => location.cluster === cluster),
    );
    return verdict(
      without.length === 0 ? 'pass' : 'fail',
      without.length === 0
        ? `Snapshot locations in ${clusters.join(', ')}.`
        : `No snapshot location in ${without.join(', ')}.`,
      locations.map(location => refOf('VolumeSnapshotLocation', location)),
      { regions: locations.flatMap(l => (l.region ? [l.region] : [])) },
    );
  },
});

/** A backend module adding one source through the extension point. */
function sourceModule(moduleId: string, source: DisasterRecoverySource) {
  return createBackendModule({
    pluginId: 'disaster-recovery',
    moduleId,
    register(env) {
      env.registerInit({
        deps: { sources: disasterRecoverySourcesExtensionPoint },
        async init({ sources }) {
          sources.addSource(source);
        },
      });
    },
  });
}

const snapshotsModule = sourceModule('volume-snapshots', {
  id: 'volume-snapshots',
  resourceKinds: [snapshotLocations],
  checks: [snapshotLocationCheck],
});

/** Runs the plugin's scheduled tasks on demand instead of on their timers. */
function manualScheduler() {
  const tasks = new Map<string, () => Promise<void>>();
  const scheduler = mockServices.scheduler.mock({
    async scheduleTask(task) {
      tasks.set(task.id, async () => {
        await task.fn(new AbortController().signal);
      });
    },
  });
  return { scheduler, run: (id: string) => tasks.get(id)!() };
}

describe('a source added through the extension point', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    simulator = await startSimulator({
      scenario: 'demo',
      startTime: START,
      speed: 0,
    });
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('collects its kind and reports its check in the posture the API serves', async () => {
    const { scheduler, run } = manualScheduler();
    const { server } = await startTestBackend({
      features: [
        disasterRecoveryPlugin,
        snapshotsModule,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            disasterRecovery: {
              clusters: simulatedClustersConfig(simulator.clusters),
            },
          },
        }),
      ],
    });
    const clusters = simulator.clusters.map(c => c.name);
    for (const cluster of clusters) {
      await run(`collect-cluster:${cluster}`);
    }
    await run('evaluate-posture');

    const response = await request(server).get(
      '/api/disaster-recovery/entities/component/default/payments-api/posture',
    );

    expect(response.status).toBe(200);
    const checks: Array<{ id: string }> = response.body.posture.checks;
    // After every built-in check, as contributed checks are.
    expect(checks.at(-1)).toEqual({
      id: 'volume-snapshot-location',
      title: 'Volume snapshots configured',
      // Only the production clusters of the demo define snapshot locations.
      status: 'fail',
      summary: `No snapshot location in ${DEMO_CLUSTERS.staging}.`,
      evidence: {
        refs: expect.arrayContaining([
          {
            kind: 'VolumeSnapshotLocation',
            cluster: DEMO_CLUSTERS.active,
            namespace: 'velero',
            name: 'default',
          },
        ]),
        values: { regions: expect.arrayContaining(['eu-west-1']) },
      },
    });
  });

  it('refuses a contributed check whose id is built in', async () => {
    const clash = sourceModule('clash', {
      id: 'clash',
      resourceKinds: [],
      checks: [{ ...snapshotLocationCheck, id: 'backup-freshness' }],
    });
    await expect(
      startTestBackend({ features: [disasterRecoveryPlugin, clash] }),
    ).rejects.toThrow(
      "Check 'backup-freshness' of the 'clash' disaster-recovery source is already defined by the plugin",
    );
  });
});
