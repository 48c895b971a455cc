import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startSimulator, type Simulator } from '@dr-posture/cluster-simulator';
import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';
import { ABANDONED_RUN_ERROR } from '../database/closeAbandonedRuns';
import { DatabaseResourceStore } from '../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../database/migrations';
import type { ResourceStore } from '../database/ResourceStore';
import { builtInResourceKinds } from '../sources/builtInSources';
import { collectCluster } from './collectCluster';
import { simulatedClusterConfig } from './simulatedClusterConfig';

// Starting the demo estate takes a minute on a busy machine.
jest.setTimeout(180_000);

// SQLite triggers stand in for a database failing at a chosen statement.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const BACKUP = RECORD_KINDS.veleroBackup;

describe('a collection run when the plugin database fails', () => {
  let simulator: Simulator;
  let knex: Knex;
  let store: DatabaseResourceStore;
  let cluster: string;

  beforeAll(async () => {
    simulator = await startSimulator({
      scenario: 'demo',
      startTime: new Date('2026-11-20T12:00:00.000Z'),
      speed: 0,
    });
    cluster = simulator.clusters[0].name;
  });
  afterAll(() => simulator.stop());

  beforeEach(async () => {
    knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    store = DatabaseResourceStore.create(knex);
  });

  function collect(target: ResourceStore = store) {
    return collectCluster({
      cluster: simulatedClusterConfig(
        simulator.clusters.find(c => c.name === cluster)!,
      ),
      resourceKinds: builtInResourceKinds(),
      store: target,
      logger: mockServices.logger.mock(),
      pageSize: 500,
      deadline: Date.now() + 20_000,
    });
  }

  async function removeOneBackup() {
    const [gone] = simulator.objects(cluster, 'velero.io/v1', 'Backup');
    simulator.remove(cluster, {
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      namespace: gone.metadata.namespace,
      name: gone.metadata.name,
    });
  }

  it('marks a run failed when the database errs at its end, and applies none of it', async () => {
    expect((await collect()).status).toBe('succeeded');
    const stored = (await store.listRecords({ kind: BACKUP, cluster })).length;
    const [{ lastSuccessAt }] = await store.listClusterHealth();
    await removeOneBackup();
    await knex.raw(`CREATE TRIGGER refuse_success BEFORE UPDATE ON collection_runs
      WHEN NEW.status = 'succeeded' BEGIN SELECT RAISE(ABORT, 'disk I/O error'); END`);

    const result = await collect();

    expect(result).toMatchObject({ status: 'failed', deleted: 0 });
    // The database's own message, whichever field shows it.
    expect(JSON.stringify(result)).toMatch(/disk I\/O error/);
    // The vanished backup is not marked deleted by a run recorded as failed.
    expect(await store.listRecords({ kind: BACKUP, cluster })).toHaveLength(
      stored,
    );
    const [health] = await store.listClusterHealth();
    expect(health.lastSuccessAt).toBe(lastSuccessAt);
    expect(health.lastRun).toMatchObject({
      id: result.runId,
      status: 'failed',
    });
  });

  it('reports a run failed when the database cannot even record that, and the next run closes it', async () => {
    expect((await collect()).status).toBe('succeeded');
    const unavailable = () =>
      Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432'));
    const down: ResourceStore = Object.assign(Object.create(store), {
      upsertPage: unavailable,
      storedVersions: unavailable,
      failRun: unavailable,
    });

    const result = await collect(down);

    expect(result.status).toBe('failed');
    const [open] = await store.listClusterHealth();
    expect(open.lastRun).toMatchObject({ id: result.runId, status: 'running' });

    const next = await collect();
    expect(next).toMatchObject({ status: 'succeeded', deleted: 0 });
    const closed = await knex('collection_runs')
      .where({ id: result.runId })
      .first();
    expect(closed).toMatchObject({
      status: 'failed',
      error: ABANDONED_RUN_ERROR,
    });
  });
});
