import { TestDatabases } from '@backstage/backend-test-utils';
import {
  simulatedClustersConfig,
  startSimulator,
  type KubeObject,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import knexFactory, { type Knex } from 'knex';
import { replicaBackend, waitUntil } from '../__testUtils__/replicaBackend';

jest.setTimeout(400_000);

// Task locks need a database shared by separate connections: PostgreSQL.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const CLUSTERS = 3;

function backendOn(knex: Knex, simulator: Simulator) {
  return replicaBackend(knex, {
    clusters: simulatedClustersConfig(simulator.clusters),
    collection: {
      mode: 'watch',
      // Short holds (15 s of a listing or watching), so that clusters
      // change hands often.
      timeout: { seconds: 20 },
      initialDelay: { seconds: 0 },
      watch: { holdFor: { seconds: 20 }, batchDelay: { milliseconds: 200 } },
    },
    evaluation: { fullFrequency: { hours: 1 } },
  });
}

const describeOnPostgres =
  databases.eachSupportedId().length > 0 ? describe : describe.skip;

describeOnPostgres(
  'two backend replicas watching on one PostgreSQL database',
  () => {
    let simulator: Simulator;

    beforeAll(async () => {
      simulator = await startSimulator({
        scenario: 'scale',
        speed: 0,
        scale: { clusters: CLUSTERS, namespacesPerCluster: 2, days: 1 },
      });
    });

    afterAll(async () => {
      await simulator.stop();
    });

    it("never watches one cluster from both, hands a stopped replica's clusters to the other, and loses no change", async () => {
      const knex = await databases.init('POSTGRES_15');
      const connectionOf = () =>
        knexFactory({ ...knex.client.config, pool: { min: 0, max: 10 } });
      const [knexA, knexB] = [connectionOf(), connectionOf()];
      const first = await backendOn(knexA, simulator);
      const second = await backendOn(knexB, simulator);

      // Every kind a cluster serves is watched by one stream at most.
      const watchedKinds = async (cluster: string) => {
        const row = await knex('clusters')
          .select('watch_versions')
          .where({ name: cluster })
          .first();
        return row?.watch_versions
          ? Object.keys(JSON.parse(row.watch_versions)).length
          : undefined;
      };
      const doubled: string[] = [];
      let changes = 0;
      const sampling = setInterval(async () => {
        for (const { name } of simulator.clusters) {
          const kinds = await watchedKinds(name);
          const open = simulator.openWatchStreams(name);
          if (kinds !== undefined && open > kinds) {
            doubled.push(`${name}: ${open} streams for ${kinds} kinds`);
          }
        }
        // Changes keep coming while clusters change hands.
        const cluster = simulator.clusters[changes % CLUSTERS].name;
        const [template] = simulator.objects(cluster, 'velero.io/v1', 'Backup');
        const { uid, resourceVersion, creationTimestamp, ...metadata } =
          template.metadata as KubeObject['metadata'] & Record<string, unknown>;
        simulator.apply(cluster, {
          ...template,
          metadata: { ...metadata, name: `handover-${changes++}` },
        } as KubeObject);
      }, 300);

      const succeededSince = (since: Date) => async () => {
        const rows = await knex('collection_runs')
          .select('cluster')
          .count({ n: '*' })
          .where({ status: 'succeeded' })
          .where('started_at', '>=', since)
          .groupBy('cluster');
        return rows.length === CLUSTERS && rows.every(r => Number(r.n) >= 2);
      };
      let stoppedAt: Date;
      try {
        // Each cluster listed and watched, whichever replica claimed it.
        await waitUntil(succeededSince(new Date(0)), 120_000);
        // One replica goes away: the other takes its clusters over, resuming
        // their watches where the store stands.
        await first.stop();
        stoppedAt = new Date();
        await waitUntil(succeededSince(stoppedAt), 200_000);
      } finally {
        clearInterval(sampling);
      }
      // The last changes reach the store.
      const served = (cluster: string) =>
        simulator
          .objects(cluster, 'velero.io/v1', 'Backup')
          .map(b => b.metadata.uid as string)
          .sort();
      const stored = async (cluster: string) =>
        (
          (await knex('resources')
            .pluck('uid')
            .where({ cluster, kind: 'velero.io/Backup' })
            .whereNull('deleted_at')) as string[]
        ).sort();
      await waitUntil(async () => {
        for (const { name } of simulator.clusters) {
          if ((await stored(name)).join() !== served(name).join()) return false;
        }
        return true;
      }, 30_000);
      await second.stop();
      await Promise.all([knexA.destroy(), knexB.destroy()]);

      expect(doubled).toEqual([]);
      const runs = await knex('collection_runs')
        .select('cluster', 'started_at', 'finished_at', 'status', 'error')
        .orderBy(['cluster', 'started_at']);
      // A cluster's next run starts only after its previous one ended.
      const overlapping = runs.filter(
        (run, i) =>
          i > 0 &&
          runs[i - 1].cluster === run.cluster &&
          new Date(run.started_at).getTime() <
            new Date(runs[i - 1].finished_at).getTime(),
      );
      expect(overlapping).toEqual([]);
      // Only runs of the replicas stopping failed: aborted, or left open.
      expect(
        runs.filter(
          run =>
            run.status === 'failed' &&
            !/aborted|stopped before the run finished/.test(run.error ?? ''),
        ),
      ).toEqual([]);
      // The clusters of the replica that stopped resumed, never listed again.
      const listedSince = await knex('clusters')
        .pluck('name')
        .where('watch_listed_at', '>=', stoppedAt!);
      expect(listedSince).toEqual([]);
      for (const { name } of simulator.clusters) {
        expect(await stored(name)).toEqual(served(name));
      }
      await knex.destroy();
    });
  },
);
