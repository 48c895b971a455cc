import { TestDatabases } from '@backstage/backend-test-utils';
import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';
import { ABANDONED_RUN_ERROR } from './closeAbandonedRuns';
import { DatabaseResourceStore } from './DatabaseResourceStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});
type DatabaseId = Parameters<typeof databases.init>[0];

const KIND = RECORD_KINDS.veleroBackup;
const MINUTE = 60_000;
const T0 = new Date('2026-11-01T10:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * MINUTE);
const emptyDetails = { kinds: {}, skippedObjects: [] };
const counts = { seen: 2, written: 2, skipped: 0 };

function backup(name: string) {
  return {
    row: {
      namespace: 'velero',
      name,
      uid: `uid-${name}`,
      resourceVersion: '1',
      record: { phase: 'Completed' },
    },
    raw: { metadata: { name } },
  };
}

async function createStore(databaseId: DatabaseId) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  return { knex, store: DatabaseResourceStore.create(knex) };
}

/** A complete run of `prod` at `minutes` that saw backups a and b. */
async function succeed(store: DatabaseResourceStore, minutes: number) {
  const runId = await store.startRun('prod', at(minutes));
  await store.upsertPage(
    'prod',
    KIND.id,
    [backup('a'), backup('b')],
    at(minutes),
  );
  await store.completeRun({
    runId,
    cluster: 'prod',
    finishedAt: at(minutes),
    seenUids: new Map([[KIND.id, new Set(['uid-a', 'uid-b'])]]),
    counts,
    details: emptyDetails,
  });
  return runId;
}

async function runStatus(knex: Knex, id: number) {
  return knex('collection_runs')
    .select('status', 'error', 'finished_at')
    .where({ id })
    .first();
}

/** Makes the database refuse to record a run as succeeded, as a full disk would. */
async function failSucceededRuns(knex: Knex, databaseId: DatabaseId) {
  if (databaseId === 'SQLITE_3') {
    await knex.raw(`CREATE TRIGGER refuse_success BEFORE UPDATE ON collection_runs
      WHEN NEW.status = 'succeeded' BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
  } else if (databaseId === 'POSTGRES_15') {
    await knex.raw(`CREATE FUNCTION refuse_success() RETURNS trigger AS $$
      BEGIN IF NEW.status = 'succeeded' THEN RAISE EXCEPTION 'disk full'; END IF;
      RETURN NEW; END $$ LANGUAGE plpgsql`);
    await knex.raw(`CREATE TRIGGER refuse_success BEFORE UPDATE ON collection_runs
      FOR EACH ROW EXECUTE FUNCTION refuse_success()`);
  } else {
    await knex.raw(`CREATE TRIGGER refuse_success BEFORE UPDATE ON collection_runs
      FOR EACH ROW BEGIN IF NEW.status = 'succeeded' THEN
      SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'disk full'; END IF; END`);
  }
}

describe('collection runs', () => {
  it.each(databases.eachSupportedId())(
    'a cluster goes stale from the age of its last success, even while a run hangs or died, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await succeed(store, 0);
      // A later run never ends: its process was killed.
      await store.startRun('prod', at(5));

      const healthAt = async (minutes: number) =>
        (await store.listClusterHealth({ now: at(minutes) }))[0];
      expect((await healthAt(15)).staleSince).toBeUndefined();
      expect(await healthAt(15.001)).toMatchObject({
        staleSince: at(15).toISOString(),
        lastSuccessAt: at(0).toISOString(),
        lastRun: { status: 'running' },
      });
    },
  );

  it.each(databases.eachSupportedId())(
    'a cluster never collected completely is stale from its first attempt, %p',
    async databaseId => {
      const { store } = await createStore(databaseId);
      await store.startRun('prod', at(0));
      await store.upsertPage('prod', KIND.id, [backup('a')], at(0));

      const [health] = await store.listClusterHealth({ now: at(1) });
      expect(health.staleSince).toBe(at(0).toISOString());
    },
  );

  it.each(databases.eachSupportedId())(
    'the next run of a cluster closes its run left open by a dead process, and no other cluster’s, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const dead = await store.startRun('prod', at(0));
      const otherCluster = await store.startRun('staging', at(0));

      await succeed(store, 10);

      expect(await runStatus(knex, dead)).toMatchObject({
        status: 'failed',
        error: ABANDONED_RUN_ERROR,
      });
      expect((await runStatus(knex, dead)).finished_at).toBeTruthy();
      expect((await runStatus(knex, otherCluster)).status).toBe('running');
      expect(await store.listRecords({ kind: KIND })).toHaveLength(2);
    },
  );

  it.each(databases.eachSupportedId())(
    'at start-up only runs older than any live run can be are closed, so another replica’s run is left alone, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      const old = await store.startRun('prod', at(0));
      const live = await store.startRun('staging', at(8));

      // Runs end within their 4-minute timeout: at 10 minutes, one started
      // before minute 6 cannot be alive.
      const closed = await store.closeAbandonedRuns({
        startedBefore: at(6),
        now: at(10),
      });

      expect(closed).toBe(1);
      expect(await runStatus(knex, old)).toMatchObject({
        status: 'failed',
        error: ABANDONED_RUN_ERROR,
      });
      expect((await runStatus(knex, live)).status).toBe('running');
      const health = await store.listClusterHealth({ now: at(10) });
      expect(health.find(h => h.name === 'prod')?.lastError).toBe(
        ABANDONED_RUN_ERROR,
      );
    },
  );

  it.each(databases.eachSupportedId())(
    'a run closed as abandoned cannot complete afterwards: nothing it saw is applied, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await succeed(store, 0);
      const zombie = await store.startRun('prod', at(5));
      await store.closeAbandonedRuns({ startedBefore: at(6), now: at(10) });

      await expect(
        store.completeRun({
          runId: zombie,
          cluster: 'prod',
          finishedAt: at(11),
          seenUids: new Map([[KIND.id, new Set(['uid-a'])]]),
          counts,
          details: emptyDetails,
        }),
      ).rejects.toThrow(/closed as abandoned/);

      expect(await store.listRecords({ kind: KIND })).toHaveLength(2);
      expect((await runStatus(knex, zombie)).status).toBe('failed');
      const [health] = await store.listClusterHealth({ now: at(11) });
      expect(health.lastSuccessAt).toBe(at(0).toISOString());
    },
  );

  it.each(databases.eachSupportedId())(
    'a database error at the end of a run leaves nothing half done: no deletion, no success, the run open for failRun, %p',
    async databaseId => {
      const { knex, store } = await createStore(databaseId);
      await succeed(store, 0);
      await failSucceededRuns(knex, databaseId);
      const runId = await store.startRun('prod', at(5));

      // b vanished from the cluster.
      const error = await store
        .completeRun({
          runId,
          cluster: 'prod',
          finishedAt: at(5),
          seenUids: new Map([[KIND.id, new Set(['uid-a'])]]),
          counts,
          details: emptyDetails,
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      // Not toThrow: better-sqlite3 is loaded once per Jest worker, so its
      // errors may come from another test file's realm and fail instanceof.
      expect(String((error as Error | undefined)?.message)).toMatch(
        /disk full/,
      );

      expect(
        (await store.listRecords({ kind: KIND })).map(r => r.name),
      ).toEqual(['a', 'b']);
      const [health] = await store.listClusterHealth({ now: at(5) });
      expect(health.lastSuccessAt).toBe(at(0).toISOString());
      expect(health.lastRun?.status).toBe('running');
      await store.failRun({
        runId,
        cluster: 'prod',
        finishedAt: at(5),
        error: 'the plugin database failed',
        counts: { ...counts, deleted: 0 },
        details: emptyDetails,
      });
      expect((await runStatus(knex, runId)).status).toBe('failed');
    },
  );
});
