import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
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
  describeRef,
  recordsOf,
  refOf,
  verdict,
  type CollectedObject,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import request from 'supertest';
import { sourcesModule } from './__testUtils__/sourcesModule';
import { DatabaseResourceStore } from './database/DatabaseResourceStore';
import { disasterRecoveryPlugin } from './plugin';

jest.setTimeout(60_000);

const START = new Date('2026-11-20T12:00:00.000Z');
const BASE = '/api/disaster-recovery';

interface RecoveryBundleRecord extends CollectedObject {
  runbookVersion: string;
}

/** A kind of a third-party operator: no built-in source collects it. */
const recoveryBundles: KubernetesResourceKind<RecoveryBundleRecord> = {
  ...defineRecordKind<RecoveryBundleRecord>({
    id: 'dr.example.com/RecoveryBundle',
    apiVersion: 'dr.example.com/v1',
    kind: 'RecoveryBundle',
    plural: 'recoverybundles',
  }),
  toRow(object) {
    const { metadata, spec } = object as {
      metadata: { namespace: string; name: string; uid: string };
      spec: { runbookVersion: string };
    };
    return {
      namespace: metadata.namespace,
      name: metadata.name,
      uid: metadata.uid,
      record: { labels: {}, runbookVersion: spec.runbookVersion },
    };
  },
};

/** Every cluster running the entity holds a recovery bundle. */
const recoveryBundleCheck = defineCheck<
  'recovery-bundle',
  { runbookVersions: string[] }
>({
  id: 'recovery-bundle',
  title: 'Recovery bundle in every cluster',
  appliesTo: 'Entities with workloads in collected clusters.',
  docs: 'Every cluster running the entity holds a RecoveryBundle, so the operator can restore it there.',
  scorecard: { omitted: 'A test check.' },
  evaluate: context => {
    const clusters = [
      ...new Set(context.coverage.workloads.map(w => w.cluster)),
    ];
    if (clusters.length === 0) return undefined;
    const bundles = recordsOf(recoveryBundles, context.records).filter(b =>
      clusters.includes(b.cluster),
    );
    const without = clusters.filter(c => !bundles.some(b => b.cluster === c));
    return verdict(
      without.length === 0 ? 'pass' : 'fail',
      without.length === 0
        ? `Recovery bundles: ${bundles.map(describeRef).join(', ')}.`
        : `No recovery bundle in ${without.join(', ')}.`,
      bundles.map(bundle => refOf('RecoveryBundle', bundle)),
      { runbookVersions: bundles.map(b => b.runbookVersion) },
    );
  },
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

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

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

  it('has its kind collected and its check in the posture the API serves', async () => {
    const knex = await databases.init('SQLITE_3');
    const { scheduler, run } = manualScheduler();
    const { server } = await startTestBackend({
      features: [
        disasterRecoveryPlugin,
        sourcesModule('recovery-bundles', [
          {
            id: 'recovery-bundles',
            resourceKinds: [recoveryBundles],
            checks: [recoveryBundleCheck],
          },
        ]),
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        scheduler.factory,
        mockServices.database.factory({ knex }),
        mockServices.rootConfig.factory({
          data: {
            disasterRecovery: {
              clusters: simulatedClustersConfig(simulator.clusters),
              // One run lists each cluster once (a watch run holds on).
              collection: { mode: 'poll' },
            },
          },
        }),
      ],
    });
    const clusters = simulator.clusters.map(c => c.name);
    for (const cluster of clusters) {
      await run(`collect-cluster:${cluster}`);
    }

    // The collector listed the module's kind with the built-in ones; the
    // simulated clusters do not serve it (the operator is not installed).
    const health = await request(server).get(`${BASE}/clusters`);
    expect(health.body.items).toHaveLength(clusters.length);
    for (const cluster of health.body.items) {
      expect(cluster.lastRun.details.kinds[recoveryBundles.id]).toEqual({
        seen: 0,
        skipped: 0,
        notInstalled: true,
      });
    }

    // Where the operator runs, its objects are stored like any other kind.
    const store = DatabaseResourceStore.create(knex);
    for (const [i, cluster] of clusters.entries()) {
      await store.upsertPage(
        cluster,
        recoveryBundles.id,
        [
          {
            row: recoveryBundles.toRow({
              metadata: { namespace: 'dr', name: 'bundle', uid: `uid-${i}` },
              spec: { runbookVersion: `v${i + 1}` },
            }),
            raw: {},
          },
        ],
        START,
      );
    }
    await run('evaluate-posture');

    const response = await request(server).get(
      `${BASE}/entities/component/default/payments-api/posture`,
    );

    expect(response.status).toBe(200);
    const checks: Array<{ id: string }> = response.body.posture.checks;
    // After every built-in check, as contributed checks are.
    expect(checks.at(-1)).toEqual({
      id: 'recovery-bundle',
      title: 'Recovery bundle in every cluster',
      status: 'pass',
      summary: expect.stringContaining(`${DEMO_CLUSTERS.active}/dr/bundle`),
      evidence: {
        refs: expect.arrayContaining([
          {
            kind: 'RecoveryBundle',
            cluster: DEMO_CLUSTERS.active,
            namespace: 'dr',
            name: 'bundle',
          },
        ]),
        values: { runbookVersions: expect.arrayContaining(['v1']) },
      },
    });
    await knex.destroy();
  });

  it('refuses a contributed check whose id is built in', async () => {
    const clash = sourcesModule('clash', [
      {
        id: 'clash',
        checks: [{ ...recoveryBundleCheck, id: 'backup-freshness' }],
      },
    ]);
    await expect(
      startTestBackend({ features: [disasterRecoveryPlugin, clash] }),
    ).rejects.toThrow(
      "Check 'backup-freshness' of the 'clash' disaster-recovery source is already defined by the plugin",
    );
  });
});
