import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startSimulator, type Simulator } from '@dr-posture/cluster-simulator';
import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import { DatabaseResourceStore } from '../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../database/migrations';
import type { ResourceStore } from '../database/ResourceStore';
import { collectCluster } from './collectCluster';
import { simulatedClusterConfig } from './simulatedClusterConfig';
import { builtInResourceKinds } from '../sources/builtInSources';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});
const resourceKinds = builtInResourceKinds();
const BACKUP = RECORD_KINDS.veleroBackup;
const START = new Date('2026-11-20T12:00:00.000Z');

function clusterConfig(simulator: Simulator, name: string) {
  return simulatedClusterConfig(simulator.clusters.find(c => c.name === name)!);
}

function collect(
  simulator: Simulator,
  store: ResourceStore,
  cluster: string,
  options: {
    pageSize?: number;
    budgetMs?: number;
    requestTimeoutMs?: number;
    url?: (url: string) => string;
    now?: () => Date;
  } = {},
) {
  const config = clusterConfig(simulator, cluster);
  return collectCluster({
    cluster: options.url ? { ...config, url: options.url(config.url) } : config,
    resourceKinds,
    store,
    logger: mockServices.logger.mock(),
    pageSize: options.pageSize ?? 100,
    // Generous: a loaded CI machine took over 20 s to list a cluster into
    // MySQL; the tests of the deadline set a short budget of their own.
    deadline: Date.now() + (options.budgetMs ?? 90_000),
    requestTimeoutMs: options.requestTimeoutMs,
    now: options.now,
  });
}

/** What the simulator serves per kind id, for one cluster. */
function servedCounts(simulator: Simulator, cluster: string) {
  return Object.fromEntries(
    resourceKinds.map(kind => [
      kind.id,
      simulator.objects(cluster, kind.apiVersion, kind.kind).length,
    ]),
  );
}

async function storedCounts(store: ResourceStore, cluster: string) {
  const counts: Record<string, number> = {};
  for (const kind of resourceKinds) {
    counts[kind.id] = (await store.listRecords({ kind, cluster })).length;
  }
  return counts;
}

describe('collectCluster against the simulator', () => {
  let simulator: Simulator;

  beforeEach(async () => {
    // A frozen clock: the estate does not change between listing and asserting.
    simulator = await startSimulator({
      scenario: 'demo',
      startTime: START,
      speed: 0,
    });
  });

  afterEach(async () => {
    await simulator.stop();
  });

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let store: ResourceStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      store = DatabaseResourceStore.create(knex);
    });

    it('collects every demo cluster completely', async () => {
      for (const { name } of simulator.clusters) {
        const result = await collect(simulator, store, name);

        expect(result).toMatchObject({ status: 'succeeded', skipped: 0 });
        const served = servedCounts(simulator, name);
        expect(await storedCounts(store, name)).toEqual(served);
        expect(result.seen).toBe(
          Object.values(served).reduce((sum, n) => sum + n, 0),
        );
      }
      const health = await store.listClusterHealth();
      expect(health.map(h => [h.name, h.lastRun?.status])).toEqual(
        simulator.clusters.map(c => [c.name, 'succeeded']).sort(),
      );
    });

    it('isolates a failing cluster: its data stays, stale once its last success is too old, the others are collected', async () => {
      const [failing, ...healthy] = simulator.clusters.map(c => c.name);
      // Its last success was an hour ago, more than the 15 minutes allowed
      // (whole seconds: MySQL keeps no more).
      const anHourAgo = new Date(
        Math.floor((Date.now() - 3_600_000) / 1000) * 1000,
      );
      await collect(simulator, store, failing, { now: () => anHourAgo });
      const before = await storedCounts(store, failing);

      simulator.setFaults(failing, { errorRates: { '500': 1 } });
      const failed = await collect(simulator, store, failing, {
        budgetMs: 1_500,
      });
      for (const name of healthy) {
        expect(await collect(simulator, store, name)).toMatchObject({
          status: 'succeeded',
        });
      }

      expect(failed.status).toBe('failed');
      expect(failed.error).toMatch(/500/);
      expect(await storedCounts(store, failing)).toEqual(before);
      const health = await store.listClusterHealth();
      const failingHealth = health.find(h => h.name === failing)!;
      expect(failingHealth.staleSince).toBe(
        new Date(anHourAgo.getTime() + 15 * 60_000).toISOString(),
      );
      expect(failingHealth.lastError).toMatch(/500/);
      expect(health.filter(h => h.staleSince).map(h => h.name)).toEqual([
        failing,
      ]);
    });

    it('restarts a listing whose continue token expired and stores each object once', async () => {
      const cluster = simulator.clusters[0].name;
      const backups = servedCounts(simulator, cluster)[BACKUP.id];
      expect(backups).toBeGreaterThan(300);
      const pageSize = Math.ceil(backups / 10);

      // Expire the continue token once, when page 3 is asked for.
      let backupPages = 0;
      const upsertPage = store.upsertPage.bind(store);
      const expiringStore: ResourceStore = Object.assign(Object.create(store), {
        upsertPage: async (
          ...args: Parameters<ResourceStore['upsertPage']>
        ) => {
          if (args[1] === BACKUP.id) {
            backupPages += 1;
            if (backupPages === 2) {
              simulator.setFaults(cluster, { continueExpiryAfterPages: 2 });
            } else if (backupPages === 3) {
              simulator.setFaults(cluster, {});
            }
          }
          return upsertPage(...args);
        },
      });

      const result = await collect(simulator, expiringStore, cluster, {
        pageSize,
      });

      expect(result.status).toBe('succeeded');
      // 2 pages, then a restart that lists all 10.
      expect(backupPages).toBe(12);
      const stored = await store.listRecords({ kind: BACKUP, cluster });
      expect(stored).toHaveLength(backups);
      expect(new Set(stored.map(r => r.uid)).size).toBe(backups);
      const [health] = (await store.listClusterHealth()).filter(
        h => h.name === cluster,
      );
      expect(health.lastRun?.details?.kinds[BACKUP.id]).toMatchObject({
        seen: backups,
        restarts: 1,
      });
    });

    it('skips a malformed object, names it, and stores the rest of the page', async () => {
      const cluster = simulator.clusters[0].name;
      // Valid for the CRD, but a restore of nothing cannot be judged.
      simulator.apply(cluster, {
        apiVersion: 'velero.io/v1',
        kind: 'Restore',
        metadata: { name: 'restore-of-nothing', namespace: 'velero' },
        spec: {},
      });
      const served = servedCounts(simulator, cluster)['velero.io/Restore'];

      const result = await collect(simulator, store, cluster);

      expect(result).toMatchObject({ status: 'succeeded', skipped: 1 });
      const stored = await store.listRecords({
        kind: RECORD_KINDS.veleroRestore,
        cluster,
      });
      expect(stored).toHaveLength(served - 1);
      const [health] = (await store.listClusterHealth()).filter(
        h => h.name === cluster,
      );
      expect(health.lastRun?.details?.skippedObjects).toEqual([
        expect.stringContaining('velero.io/Restore velero/restore-of-nothing'),
      ]);
    });

    it('loses nothing when a run dies midway and converges on the next run', async () => {
      const cluster = simulator.clusters[0].name;
      let backupPages = 0;
      const upsertPage = store.upsertPage.bind(store);
      const dyingStore: ResourceStore = Object.assign(Object.create(store), {
        upsertPage: async (
          ...args: Parameters<ResourceStore['upsertPage']>
        ) => {
          if (args[1] === BACKUP.id && ++backupPages === 2) {
            simulator.setFaults(cluster, { errorRates: { '503': 1 } });
          }
          return upsertPage(...args);
        },
      });

      const died = await collect(simulator, dyingStore, cluster, {
        budgetMs: 1_500,
      });
      expect(died.status).toBe('failed');
      expect((await store.listRecords({ kind: BACKUP, cluster })).length).toBe(
        200,
      );

      simulator.setFaults(cluster, {});
      const next = await collect(simulator, store, cluster);
      expect(next).toMatchObject({ status: 'succeeded', deleted: 0 });
      expect(await storedCounts(store, cluster)).toEqual(
        servedCounts(simulator, cluster),
      );
    });

    it('re-collects from metadata alone, reading in full only the kind that changed', async () => {
      const cluster = simulator.clusters[0].name;
      await collect(simulator, store, cluster);
      const readInFull: string[] = [];
      const upsertPage = store.upsertPage.bind(store);
      const watchedStore: ResourceStore = Object.assign(Object.create(store), {
        upsertPage: async (
          ...args: Parameters<ResourceStore['upsertPage']>
        ) => {
          readInFull.push(args[1]);
          return upsertPage(...args);
        },
      });

      const unchanged = await collect(simulator, watchedStore, cluster);
      expect(unchanged).toMatchObject({
        status: 'succeeded',
        written: 0,
        deleted: 0,
      });
      expect(readInFull).toEqual([]);
      const served = servedCounts(simulator, cluster);
      expect(unchanged.seen).toBe(
        Object.values(served).reduce((sum, n) => sum + n, 0),
      );

      const [backup] = simulator.objects(cluster, 'velero.io/v1', 'Backup');
      simulator.apply(cluster, {
        ...backup,
        metadata: {
          ...backup.metadata,
          labels: { ...backup.metadata.labels, relabelled: 'yes' },
        },
      });
      const changed = await collect(simulator, watchedStore, cluster);
      expect(changed).toMatchObject({ status: 'succeeded', written: 1 });
      expect(new Set(readInFull)).toEqual(new Set([BACKUP.id]));
      expect(await storedCounts(store, cluster)).toEqual(served);
    });

    it('marks removed backups deleted after the next complete run and keeps their history', async () => {
      const cluster = simulator.clusters[0].name;
      await collect(simulator, store, cluster);
      const [gone] = simulator.objects(cluster, 'velero.io/v1', 'Backup');
      simulator.remove(cluster, {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        namespace: gone.metadata.namespace,
        name: gone.metadata.name,
      });

      const result = await collect(simulator, store, cluster);

      expect(result).toMatchObject({ status: 'succeeded', deleted: 1 });
      const live = await store.listRecords({ kind: BACKUP, cluster });
      expect(live.map(r => r.uid)).not.toContain(gone.metadata.uid);
      const history = await store.listRecords({
        kind: BACKUP,
        cluster,
        includeDeleted: true,
      });
      expect(
        history.find(r => r.uid === gone.metadata.uid)?.deletedAt,
      ).toBeDefined();
    });
  });

  // How the API answers does not depend on the database: SQLite is enough.
  describe('against a misbehaving API server', () => {
    let store: ResourceStore;

    beforeEach(async () => {
      const knex = await databases.init('SQLITE_3');
      await applyDatabaseMigrations(knex);
      store = DatabaseResourceStore.create(knex);
    });

    it('rides out dropped connections, bad bodies and throttling', async () => {
      const cluster = simulator.clusters[0].name;
      simulator.setFaults(cluster, {
        dropConnectionRate: 0.15,
        malformedJsonRate: 0.15,
        truncatedJsonRate: 0.1,
        errorRates: { '429': 0.1, '503': 0.1 },
        retryAfterSeconds: 0,
      });

      // Each retry waits at least a second (Retry-After 0 is no tight
      // loop), so fewer, larger pages keep the test quick.
      const result = await collect(simulator, store, cluster, {
        budgetMs: 60_000,
        pageSize: 500,
      });

      expect(result).toMatchObject({ status: 'succeeded', skipped: 0 });
      simulator.setFaults(cluster, {});
      expect(await storedCounts(store, cluster)).toEqual(
        servedCounts(simulator, cluster),
      );
    });

    it('deletes nothing when the cluster URL is mistyped: discovery fails the run', async () => {
      const cluster = simulator.clusters[0].name;
      await collect(simulator, store, cluster);
      const before = await storedCounts(store, cluster);

      // Every list under a wrong URL answers 404, which once read as "no
      // kind installed" and marked every stored object deleted.
      const result = await collect(simulator, store, cluster, {
        url: url => `${url}-typo`,
      });

      expect(result).toMatchObject({
        status: 'failed',
        deleted: 0,
        // A reason anyone may read; the URL only in the detail.
        error:
          'API discovery failed: the API server answered 404 NotFound (check the cluster URL)',
        errorDetail: expect.stringContaining(
          'API discovery of the cluster failed',
        ),
      });
      expect(await storedCounts(store, cluster)).toEqual(before);
      const [health] = (
        await store.listClusterHealth({
          now: new Date(Date.now() + 15 * 60_000 + 1),
        })
      ).filter(h => h.name === cluster);
      expect(health.lastRun?.status).toBe('failed');
      expect(health.staleSince).toBeDefined();
    });

    it('refuses a run that would mark most of the live objects deleted', async () => {
      const cluster = simulator.clusters[0].name;
      await collect(simulator, store, cluster);
      const before = await storedCounts(store, cluster);
      const live = Object.values(before).reduce((sum, n) => sum + n, 0);
      // Remove whole kinds, largest first, until over half the objects are gone.
      let removed = 0;
      for (const kind of [...resourceKinds].sort(
        (a, b) => before[b.id] - before[a.id],
      )) {
        if (removed > live / 2) break;
        for (const object of simulator.objects(
          cluster,
          kind.apiVersion,
          kind.kind,
        )) {
          simulator.remove(cluster, {
            apiVersion: kind.apiVersion,
            kind: kind.kind,
            namespace: object.metadata.namespace,
            name: object.metadata.name,
          });
          removed += 1;
        }
      }

      const result = await collect(simulator, store, cluster);

      expect(result).toMatchObject({
        status: 'failed',
        deleted: 0,
        error: expect.stringContaining(
          `Refused to mark ${removed} of the ${live} live objects of cluster ${cluster} deleted (more than 50 %)`,
        ),
      });
      expect(await storedCounts(store, cluster)).toEqual(before);
    });

    it('gives up on an API server that does not answer in time', async () => {
      const cluster = simulator.clusters[0].name;
      simulator.setFaults(cluster, { latencyMs: 5_000 });

      const result = await collect(simulator, store, cluster, {
        budgetMs: 1_500,
        requestTimeoutMs: 300,
      });

      expect(result.status).toBe('failed');
      expect(result.error).toMatch(/timed out after \d+ ms$/);
      expect(result.errorDetail).toMatch(
        /Kubernetes API request timed out after \d+ ms/,
      );
    });
  });
});
