import { TestDatabases } from '@backstage/backend-test-utils';
import {
  simulatedClustersConfig,
  startSimulator,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import knexFactory, { type Knex } from 'knex';
import { replicaBackend, waitUntil } from '../__testUtils__/replicaBackend';

jest.setTimeout(180_000);

// Task locks need a database shared by separate connections: PostgreSQL.
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const CLUSTERS = 5;

function backendOn(knex: Knex, simulator: Simulator) {
  return replicaBackend(knex, {
    clusters: simulatedClustersConfig(simulator.clusters),
    collection: {
      mode: 'poll',
      frequency: { seconds: 3 },
      initialDelay: { seconds: 0 },
      timeout: { seconds: 60 },
    },
    posture: { evaluationFrequency: { hours: 1 } },
  });
}

const describeOnPostgres =
  databases.eachSupportedId().length > 0 ? describe : describe.skip;

describeOnPostgres('two backend replicas on one PostgreSQL database', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    simulator = await startSimulator({
      scenario: 'scale',
      speed: 0,
      scale: { clusters: CLUSTERS, namespacesPerCluster: 3, days: 2 },
    });
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('collects every cluster, never on both at once, without duplicate rows', async () => {
    const knex = await databases.init('POSTGRES_15');
    // Like real replicas, each backend has its own connection pool.
    const connectionOf = () =>
      knexFactory({ ...knex.client.config, pool: { min: 0, max: 10 } });
    const [knexA, knexB] = [connectionOf(), connectionOf()];
    // One after the other: knex cannot create its migration table from two
    // processes at the same moment, a deployment concern outside this test.
    const first = await backendOn(knexA, simulator);
    const second = await backendOn(knexB, simulator);

    // Wait for two successful runs of every cluster.
    await waitUntil(async () => {
      const rows = await knex('collection_runs')
        .select('cluster')
        .count({ n: '*' })
        .where({ status: 'succeeded' })
        .groupBy('cluster');
      return rows.length === CLUSTERS && rows.every(r => Number(r.n) >= 2);
    }, 120_000);
    await Promise.all([first.stop(), second.stop()]);
    await Promise.all([knexA.destroy(), knexB.destroy()]);

    const runs = await knex('collection_runs')
      .select('cluster', 'started_at', 'finished_at', 'status')
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
    expect(runs.filter(run => run.status !== 'succeeded')).toEqual([]);

    for (const cluster of simulator.clusters) {
      const served = simulator.objects(cluster.name, 'velero.io/v1', 'Backup');
      const [{ n, distinct }] = await knex('resources')
        .where({ cluster: cluster.name, kind: 'velero.io/Backup' })
        .select(
          knex.raw('count(*) as n'),
          knex.raw('count(distinct uid) as distinct'),
        );
      expect(Number(n)).toBe(served.length);
      expect(Number(distinct)).toBe(served.length);
    }
    await knex.destroy();
  });
});
