import { TestDatabases } from '@backstage/backend-test-utils';
import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import type { CollectedRow } from '@dr-posture/plugin-disaster-recovery-node';
import { DatabaseResourceStore } from './DatabaseResourceStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const KIND = RECORD_KINDS.veleroBackup;
const T0 = new Date('2026-11-01T10:00:00.000Z');
const T1 = new Date('2026-11-01T10:05:00.000Z');
const T2 = new Date('2026-11-01T10:10:00.000Z');

function backup(name: string, resourceVersion: string, phase = 'Completed') {
  const row: CollectedRow = {
    namespace: 'velero',
    name,
    uid: `uid-${name}`,
    resourceVersion,
    record: { phase, scheduleName: 'hourly' },
  };
  return { row, raw: { metadata: { name, resourceVersion } } };
}

const emptyDetails = { kinds: {}, skippedObjects: [] };

async function createStore(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return { knex, store: DatabaseResourceStore.create(knex) };
}

describe('DatabaseResourceStore', () => {
  it.each(databases.eachSupportedId())(
    'writes pages idempotently and knows the stored versions, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await store.startRun('prod', T0);

      expect(
        await store.upsertPage(
          'prod',
          KIND.id,
          [backup('a', '1'), backup('b', '1')],
          T0,
        ),
      ).toBe(2);
      // The same page again (a restarted listing) leaves one row per object.
      await store.upsertPage(
        'prod',
        KIND.id,
        [backup('a', '1'), backup('b', '1')],
        T0,
      );
      expect(
        await store.storedVersions('prod', ['uid-a', 'uid-b', 'uid-c']),
      ).toEqual(
        new Map([
          ['uid-a', '1'],
          ['uid-b', '1'],
        ]),
      );
      // A changed object is written over the stored one.
      await store.upsertPage(
        'prod',
        KIND.id,
        [backup('a', '2', 'PartiallyFailed')],
        T1,
      );
      expect((await store.storedVersions('prod', ['uid-a'])).get('uid-a')).toBe(
        '2',
      );

      const stored = await store.listRecords({ kind: KIND });
      expect(stored.map(r => [r.name, r.phase])).toEqual([
        ['a', 'PartiallyFailed'],
        ['b', 'Completed'],
      ]);
      const [first] = await knex('resources').where({ uid: 'uid-a' });
      expect(new Date(first.first_seen_at).toISOString()).toBe(
        T0.toISOString(),
      );
      const [{ n }] = await knex('resources').count({ n: '*' });
      expect(Number(n)).toBe(2);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'marks vanished objects deleted only after a complete run and keeps them as history, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const first = await store.startRun('prod', T0);
      await store.upsertPage(
        'prod',
        KIND.id,
        [backup('a', '1'), backup('b', '1')],
        T0,
      );
      await store.completeRun({
        runId: first,
        cluster: 'prod',
        finishedAt: T0,
        seenUids: new Map([[KIND.id, new Set(['uid-a', 'uid-b'])]]),
        counts: { seen: 2, written: 2, skipped: 0 },
        details: emptyDetails,
      });

      // b vanished, but the run fails: nothing is deleted, and the cluster
      // is stale once its last success is older than the limit (15 min).
      const failed = await store.startRun('prod', T1);
      await store.upsertPage('prod', KIND.id, [backup('a', '1')], T1);
      await store.failRun({
        runId: failed,
        cluster: 'prod',
        finishedAt: T1,
        error: 'the API server answered 503 ServiceUnavailable',
        errorDetail: 'HTTP-Code: 503 from https://10.0.0.1:6443',
        counts: { seen: 1, written: 0, skipped: 0, deleted: 0 },
        details: emptyDetails,
      });
      expect(await store.listRecords({ kind: KIND })).toHaveLength(2);
      const staleAt = new Date(T0.getTime() + 15 * 60_000);
      const [staleHealth] = await store.listClusterHealth({
        now: new Date(staleAt.getTime() + 1),
      });
      expect(staleHealth).toMatchObject({
        name: 'prod',
        staleSince: staleAt.toISOString(),
        lastError: 'the API server answered 503 ServiceUnavailable',
        lastErrorDetail: 'HTTP-Code: 503 from https://10.0.0.1:6443',
        lastSuccessAt: T0.toISOString(),
        lastRun: {
          id: failed,
          status: 'failed',
          error: 'the API server answered 503 ServiceUnavailable',
          errorDetail: 'HTTP-Code: 503 from https://10.0.0.1:6443',
        },
      });

      // The next complete run marks b deleted; it stays in history.
      const complete = await store.startRun('prod', T2);
      await store.upsertPage('prod', KIND.id, [backup('a', '1')], T2);
      const deleted = await store.completeRun({
        runId: complete,
        cluster: 'prod',
        finishedAt: T2,
        seenUids: new Map([[KIND.id, new Set(['uid-a'])]]),
        counts: { seen: 1, written: 0, skipped: 0 },
        details: emptyDetails,
      });
      expect(deleted).toBe(1);
      expect(
        (await store.listRecords({ kind: KIND })).map(r => r.name),
      ).toEqual(['a']);
      const history = await store.listRecords({
        kind: KIND,
        includeDeleted: true,
      });
      expect(history.map(r => [r.name, r.deletedAt])).toEqual([
        ['a', undefined],
        ['b', T2.toISOString()],
      ]);
      // a was seen by the last complete run, b last by the first one.
      expect(history.map(r => [r.name, r.lastSeenAt])).toEqual([
        ['a', T2.toISOString()],
        ['b', T0.toISOString()],
      ]);
      const [health] = await store.listClusterHealth({ now: T2 });
      expect(health).toMatchObject({
        lastSuccessAt: T2.toISOString(),
        lastRun: {
          status: 'succeeded',
          counts: { seen: 1, written: 0, skipped: 0, deleted: 1 },
          durationMs: 0,
        },
      });
      expect(health.staleSince).toBeUndefined();
      expect(health.lastError).toBeUndefined();
      expect(health.lastErrorDetail).toBeUndefined();

      // A deleted object that reappears is live again.
      await store.upsertPage('prod', KIND.id, [backup('b', '1')], T2);
      expect(await store.listRecords({ kind: KIND })).toHaveLength(2);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'prunes only history that vanished before the cut-off, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const run = await store.startRun('prod', T0);
      await store.upsertPage(
        'prod',
        KIND.id,
        [backup('a', '1'), backup('b', '1')],
        T0,
      );
      await store.completeRun({
        runId: run,
        cluster: 'prod',
        finishedAt: T1,
        seenUids: new Map([[KIND.id, new Set(['uid-a'])]]),
        counts: { seen: 1, written: 2, skipped: 0 },
        details: emptyDetails,
      });

      expect(await store.prune(T1)).toEqual({ resources: 0, runs: 1 });
      expect(await store.prune(T2)).toEqual({ resources: 1, runs: 0 });
      const history = await store.listRecords({
        kind: KIND,
        includeDeleted: true,
      });
      expect(history.map(r => r.name)).toEqual(['a']);
      await knex.destroy();
    },
  );
});
