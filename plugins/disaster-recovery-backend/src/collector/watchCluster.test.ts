import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import {
  startSimulator,
  type KubeObject,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import {
  RECORD_KINDS,
  type WorkloadRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import { DatabaseResourceStore } from '../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../database/migrations';
import type { ResourceStore } from '../database/ResourceStore';
import { builtInResourceKinds } from '../sources/builtInSources';
import { simulatedClusterConfig } from './simulatedClusterConfig';
import { watchCluster, type WatchSettings } from './watchCluster';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});
const resourceKinds = builtInResourceKinds();
const BACKUP = RECORD_KINDS.veleroBackup;
const START = new Date('2026-11-20T12:00:00.000Z');

const SETTINGS: WatchSettings = {
  relistAfterMs: 3_600_000,
  stallTimeoutMs: 1_000,
  watchTimeoutSeconds: 60,
  batchMaxEvents: 50,
  batchMaxDelayMs: 100,
  checkpointMs: 200,
};

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 10_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined && found !== false) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 50));
  }
}

/** A copy of a served object under a new name, as a client would create it. */
function copyOf(object: KubeObject, name: string): KubeObject {
  const { uid, resourceVersion, creationTimestamp, generation, ...metadata } =
    object.metadata as KubeObject['metadata'] & Record<string, unknown>;
  return { ...object, metadata: { ...metadata, name } } as KubeObject;
}

describe('watchCluster against the simulator', () => {
  let simulator: Simulator;
  let cluster: string;

  beforeEach(async () => {
    // Small and frozen: nothing changes but what a test does.
    simulator = await startSimulator({
      scenario: 'scale',
      scale: { clusters: 1, namespacesPerCluster: 2, days: 1 },
      startTime: START,
      speed: 0,
      watchBookmarkIntervalMs: 300,
    });
    cluster = simulator.clusters[0].name;
  });

  afterEach(async () => {
    await simulator.stop();
  });

  function watch(
    store: ResourceStore,
    options: {
      runMs?: number;
      settings?: Partial<WatchSettings>;
      signal?: AbortSignal;
      maxDeletedShare?: number;
    } = {},
  ) {
    return watchCluster({
      cluster: simulatedClusterConfig(
        simulator.clusters.find(c => c.name === cluster)!,
      ),
      resourceKinds,
      store,
      logger: mockServices.logger.mock(),
      pageSize: 100,
      deadline: Date.now() + (options.runMs ?? 3_000),
      settings: { ...SETTINGS, ...options.settings },
      requestTimeoutMs: 2_000,
      maxRetryDelayMs: 500,
      maxDeletedShare: options.maxDeletedShare,
      signal: options.signal,
    });
  }

  /** Whether every kind the cluster serves is being watched. */
  const watching = (store: ResourceStore) => async () => {
    const position = await store.watchPosition(cluster);
    return (
      position !== undefined &&
      simulator.openWatchStreams(cluster) >=
        Object.keys(position.versions).length
    );
  };

  async function storedUids(store: ResourceStore) {
    return new Set(
      (await store.listRecords({ kind: BACKUP, cluster })).map(b => b.uid),
    );
  }

  function servedBackupUids() {
    return new Set(
      simulator
        .objects(cluster, 'velero.io/v1', 'Backup')
        .map(b => b.metadata.uid as string),
    );
  }

  describe.each(databases.eachSupportedId())('on %p', databaseId => {
    let store: DatabaseResourceStore;

    beforeEach(async () => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      store = DatabaseResourceStore.create(knex);
    });

    it('lists, watches changes into the store within the batch delay, marks deletions and resumes on the next run without listing', async () => {
      const run = watch(store);
      await waitFor('the watches', watching(store));
      const [template, doomed] = simulator.objects(
        cluster,
        'velero.io/v1',
        'Backup',
      );
      const added = simulator.apply(cluster, copyOf(template, 'watched-1'));
      simulator.remove(cluster, {
        apiVersion: 'velero.io/v1',
        kind: 'Backup',
        namespace: doomed.metadata.namespace,
        name: doomed.metadata.name,
      });
      const at = Date.now();
      await waitFor('the new backup', async () =>
        (await storedUids(store)).has(added.metadata.uid as string),
      );
      expect(Date.now() - at).toBeLessThan(2_000);
      const result = await run;

      expect(result).toMatchObject({
        status: 'succeeded',
        listings: 1,
        reconnects: 0,
      });
      expect(result.events).toBeGreaterThanOrEqual(2);
      expect(await storedUids(store)).toEqual(servedBackupUids());
      const history = await store.listRecords({
        kind: BACKUP,
        cluster,
        includeDeleted: true,
      });
      expect(
        history.find(b => b.uid === doomed.metadata.uid)?.deletedAt,
      ).toBeDefined();
      const position = await store.watchPosition(cluster);
      expect(Object.keys(position!.versions)).toContain(BACKUP.id);

      // Changed between runs: the next run resumes from the saved versions.
      const between = simulator.apply(cluster, copyOf(template, 'watched-2'));
      const next = await watch(store, { runMs: 1_500 });
      expect(next).toMatchObject({ status: 'succeeded', listings: 0 });
      expect(
        (await storedUids(store)).has(between.metadata.uid as string),
      ).toBe(true);
      const [health] = (await store.listClusterHealth()).filter(
        h => h.name === cluster,
      );
      expect(health.lastRun).toMatchObject({
        status: 'succeeded',
        counts: { deleted: 0 },
      });
      expect(health.staleSince).toBeUndefined();
    });
  });

  describe('on SQLite', () => {
    let store: DatabaseResourceStore;

    beforeEach(async () => {
      const knex = await databases.init('SQLITE_3');
      await applyDatabaseMigrations(knex);
      store = DatabaseResourceStore.create(knex);
      // Listed once: the cases below start from a stored cluster.
      await watch(store, { runMs: 3_000 });
    });

    it('lists again when the resumed version was compacted away (410 Gone), losing nothing', async () => {
      const [template] = simulator.objects(cluster, 'velero.io/v1', 'Backup');
      const missed = simulator.apply(cluster, copyOf(template, 'missed'));
      simulator.compactWatchHistory(cluster);

      // Long enough for the listing that the 410 calls for.
      const result = await watch(store, { runMs: 6_000 });

      expect(result).toMatchObject({ status: 'succeeded', listings: 1 });
      expect((await storedUids(store)).has(missed.metadata.uid as string)).toBe(
        true,
      );
      expect(await storedUids(store)).toEqual(servedBackupUids());
    });

    it('records a held watch current together with the versions its bookmarks reach', async () => {
      const writes: string[] = [];
      const counting: ResourceStore = Object.assign(Object.create(store), {
        confirmCurrent: (
          ...args: Parameters<ResourceStore['confirmCurrent']>
        ) => {
          writes.push(args[2] ? 'current+position' : 'current');
          return store.confirmCurrent(...args);
        },
        saveWatchPosition: (
          ...args: Parameters<ResourceStore['saveWatchPosition']>
        ) => {
          writes.push('position');
          return store.saveWatchPosition(...args);
        },
      });
      const startedAt = Date.now();
      const run = watch(counting, { runMs: 2_500 });
      await waitFor('the watches', watching(store));

      // One change: the other kinds' bookmarks (every 300 ms) then carry
      // its newer version without an event of their own.
      const [template] = simulator.objects(cluster, 'velero.io/v1', 'Backup');
      simulator.apply(cluster, copyOf(template, 'bookmarked'));
      const result = await run;

      expect(result).toMatchObject({ status: 'succeeded', events: 1 });
      expect(writes).toContain('current+position');
      const position = await store.watchPosition(cluster);
      expect(new Set(Object.values(position!.versions)).size).toBe(1);
      const [health] = (await store.listClusterHealth()).filter(
        h => h.name === cluster,
      );
      // Whole seconds: not every database keeps more.
      expect(Date.parse(health.lastSuccessAt!)).toBeGreaterThanOrEqual(
        Math.floor(startedAt / 1000) * 1000,
      );
    });

    it('lists again once the periodic relist is due', async () => {
      const result = await watch(store, {
        runMs: 800,
        settings: { relistAfterMs: 1 },
      });
      expect(result.listings).toBe(1);
    });

    it('reopens dropped streams from the last version seen, losing nothing', async () => {
      simulator.setFaults(cluster, { watchDropAfterMs: 300 });
      const run = watch(store, { runMs: 3_000 });
      await waitFor('the watches', watching(store));
      const [template] = simulator.objects(cluster, 'velero.io/v1', 'Backup');
      const added: KubeObject[] = [];
      for (let i = 0; i < 5; i++) {
        added.push(simulator.apply(cluster, copyOf(template, `dropped-${i}`)));
        await new Promise(resolve => setTimeout(resolve, 200));
      }
      const result = await run;

      expect(result.status).toBe('succeeded');
      expect(result.reconnects).toBeGreaterThan(0);
      expect(await storedUids(store)).toEqual(servedBackupUids());
    });

    it('reopens a stalled stream after its stall timeout and catches up once it flows again', async () => {
      simulator.setFaults(cluster, { watchStall: true });
      const run = watch(store, { runMs: 4_000 });
      const [template] = simulator.objects(cluster, 'velero.io/v1', 'Backup');
      const during = simulator.apply(cluster, copyOf(template, 'stalled'));
      // Twice the stall timeout without a bookmark.
      await new Promise(resolve =>
        setTimeout(resolve, 2 * SETTINGS.stallTimeoutMs),
      );
      simulator.setFaults(cluster, {});
      await waitFor('the backup written while stalled', async () =>
        (await storedUids(store)).has(during.metadata.uid as string),
      );
      const result = await run;

      expect(result.reconnects).toBeGreaterThan(0);
      expect(await storedUids(store)).toEqual(servedBackupUids());
    });

    it('refuses to mark more than maxDeletedShare of the objects deleted in one run', async () => {
      const run = watch(store, { runMs: 3_000, maxDeletedShare: 0.01 });
      await waitFor('the watches', watching(store));
      const backups = simulator.objects(cluster, 'velero.io/v1', 'Backup');
      for (const backup of backups.slice(0, 40)) {
        simulator.remove(cluster, {
          apiVersion: 'velero.io/v1',
          kind: 'Backup',
          namespace: backup.metadata.namespace,
          name: backup.metadata.name,
        });
      }
      const result = await run;

      expect(result.status).toBe('failed');
      expect(result.error).toMatch(
        /Refused to mark \d+ of the \d+ live objects/,
      );
      const live = await storedUids(store);
      expect(backups.every(b => live.has(b.metadata.uid as string))).toBe(true);
    });

    it('carries a pod restart history over from one watched version to the next', async () => {
      const run = watch(store, { runMs: 2_000 });
      await waitFor('the watches', watching(store));
      const [pod] = simulator.objects(cluster, 'v1', 'Pod');
      const status = pod.status as {
        containerStatuses: Array<{ restartCount: number }>;
      };
      simulator.apply(cluster, {
        ...pod,
        status: {
          ...status,
          containerStatuses: status.containerStatuses.map(c => ({
            ...c,
            restartCount: c.restartCount + 3,
          })),
        },
      });
      await run;

      const [stored] = (
        await store.listRecords<WorkloadRecord>({
          kind: RECORD_KINDS.pod,
          cluster,
        })
      ).filter(p => p.uid === pod.metadata.uid);
      expect(stored.pod?.restartHistory.map(h => h.restarts)).toEqual([
        expect.any(Number),
        expect.any(Number),
      ]);
    });

    it('fails on a revoked token, naming the cause without the token, and keeps the data', async () => {
      const before = await storedUids(store);
      const run = watch(store, { runMs: 3_000 });
      await waitFor('the watches', watching(store));
      // Open streams stay open; cut them, so that they reconnect.
      simulator.setFaults(cluster, {
        tokenRevoked: 'unauthorized',
        watchDropAfterMs: 0,
      });
      const result = await run;

      expect(result).toMatchObject({
        status: 'failed',
        error: 'token rejected (401)',
      });
      expect(await storedUids(store)).toEqual(before);
      const token = simulator.clusters[0].token;
      const [health] = (await store.listClusterHealth()).filter(
        h => h.name === cluster,
      );
      expect(health.lastError).toBe('token rejected (401)');
      expect(JSON.stringify(health)).not.toContain(token);
    });
  });
});
