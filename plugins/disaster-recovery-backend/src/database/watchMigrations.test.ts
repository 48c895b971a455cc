import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDirectory } from './migrations';
import { DatabaseChangeQueue } from './DatabaseChangeQueue';
import { DatabaseResourceStore } from './DatabaseResourceStore';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

describe('watch and incremental evaluation migrations', () => {
  it.each(databases.eachSupportedId())(
    '20261220000000_watch_positions, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDirectory });
      const store = DatabaseResourceStore.create(knex);
      await store.startRun('prod', new Date('2026-12-20T10:00:00.000Z'));
      expect(await store.watchPosition('prod')).toBeUndefined();
      // resourceVersions are opaque strings, not always short numbers.
      const versions = {
        'velero.io/Backup': '9'.repeat(40),
        Pod: 'a/b+c',
      };
      const listedAt = new Date('2026-12-20T10:00:01.000Z');
      await store.saveWatchPosition('prod', { listedAt, versions });
      expect(await store.watchPosition('prod')).toEqual({ listedAt, versions });

      const name = '20261220000000_watch_positions.js';
      await knex.migrate.down({ directory: migrationsDirectory, name });
      const columns = Object.keys(await knex('clusters').columnInfo());
      expect(columns).not.toContain('watch_versions');
      expect(await knex('clusters').where({ name: 'prod' })).toHaveLength(1);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    '20261220010000_posture_changes, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await knex.migrate.latest({ directory: migrationsDirectory });
      const store = DatabaseResourceStore.create(knex);
      const queue = DatabaseChangeQueue.create(knex);
      const seenAt = new Date('2026-12-20T10:00:00.000Z');
      const row = (uid: string) => ({
        row: {
          uid,
          namespace: 'app',
          name: uid,
          resourceVersion: '1',
          record: { labels: {} },
        },
        raw: {},
      });
      // A page is queued as one change; a deletion as another.
      await store.upsertPage('prod', 'Pod', [row('a'), row('b')], seenAt);
      await store.markDeleted({
        cluster: 'prod',
        kind: 'Pod',
        uids: ['a'],
        deletedAt: seenAt,
      });
      const queued = await queue.read(10);
      expect(queued.map(({ cluster, uids }) => ({ cluster, uids }))).toEqual([
        { cluster: 'prod', uids: ['a', 'b'] },
        { cluster: 'prod', uids: ['a'] },
      ]);
      expect(await queue.pendingIds()).toEqual(queued.map(q => q.id));
      await queue.remove([queued[0].id]);
      expect((await queue.read(10)).map(q => q.id)).toEqual([queued[1].id]);

      // One replica holds the evaluation until its lease lapses.
      expect(await queue.claim('one', 1_000, 31_000)).toEqual({
        held: true,
        continued: false,
      });
      expect(await queue.claim('one', 2_000, 32_000)).toEqual({
        held: true,
        continued: true,
      });
      expect(await queue.claim('two', 3_000, 33_000)).toEqual({
        held: false,
        continued: false,
      });
      expect(await queue.claim('two', 32_001, 62_001)).toEqual({
        held: true,
        continued: false,
      });
      expect(await queue.claim('one', 40_000, 70_000)).toEqual({
        held: false,
        continued: false,
      });

      const name = '20261220010000_posture_changes.js';
      await knex.migrate.down({ directory: migrationsDirectory, name });
      expect(await knex.schema.hasTable('posture_changes')).toBe(false);
      expect(await knex.schema.hasTable('evaluation_lease')).toBe(false);
      await knex.destroy();
    },
  );
});
