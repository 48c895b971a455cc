import { TestDatabases } from '@backstage/backend-test-utils';
import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import fc from 'fast-check';
import type { Knex } from 'knex';
import {
  postgresGroupKey,
  veleroGroupKey,
  veleroGroupScope,
} from './backupHistoryColumns';
import {
  DatabaseBackupHistoryStore,
  type BackupHistoryPosition,
  type BackupHistoryQuery,
} from './DatabaseBackupHistoryStore';
import { DatabaseResourceStore } from './DatabaseResourceStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(120_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const VELERO = RECORD_KINDS.veleroBackup.id;
const POSTGRES = RECORD_KINDS.postgresBackup.id;
const SEEN_AT = new Date('2026-11-20T12:00:00Z');

/** A Velero backup of the `payments` namespace, hourly schedule by default. */
function veleroBackup(
  name: string,
  startedAt: string | undefined,
  extra: Record<string, unknown> = {},
) {
  return {
    namespace: 'velero',
    name,
    uid: `uid-${name}`,
    resourceVersion: '1',
    record: {
      labels: {},
      includedNamespaces: ['payments'],
      excludedNamespaces: [],
      scheduleName: 'payments-hourly',
      phase: 'Completed',
      errors: 0,
      warnings: 0,
      ...(startedAt ? { startedAt } : {}),
      ...extra,
    },
  };
}

const PAYMENTS_GROUP = veleroGroupKey(
  'prod',
  veleroGroupScope('velero', {
    scheduleName: 'payments-hourly',
    includedNamespaces: ['payments'],
    excludedNamespaces: [],
  }),
);

async function storeWith(knex: Knex) {
  await applyDatabaseMigrations(knex);
  return {
    resources: DatabaseResourceStore.create(knex),
    history: DatabaseBackupHistoryStore.create(knex),
  };
}

/** Every page, following each `next` position. */
async function allPages(
  history: DatabaseBackupHistoryStore,
  query: Omit<BackupHistoryQuery, 'after'>,
) {
  const names: string[] = [];
  let after: BackupHistoryPosition | undefined;
  for (let pages = 0; pages < 1000; pages++) {
    const page = await history.page({ ...query, after });
    names.push(...page.entries.map(e => e.record.name));
    if (!page.next) return names;
    after = page.next;
  }
  throw new Error('paging did not end');
}

describe('DatabaseBackupHistoryStore', () => {
  it.each(databases.eachSupportedId())(
    'pages an entity backups newest first, undated last, with filters, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { resources, history } = await storeWith(knex);
      await resources.upsertPage(
        'prod',
        VELERO,
        [
          veleroBackup('b-0900', '2026-11-20T09:00:00Z'),
          veleroBackup('b-1000', '2026-11-20T10:00:00Z', {
            phase: 'PartiallyFailed',
          }),
          // Same start as b-1000: the name decides.
          veleroBackup('a-1000', '2026-11-20T10:00:00Z'),
          veleroBackup('undated', undefined),
          // Created, not started yet: its creation time counts.
          veleroBackup('created-1100', undefined, {
            phase: 'New',
            createdAt: '2026-11-20T11:00:00Z',
          }),
          // Another scope: another group, not this entity's.
          veleroBackup('other-0930', '2026-11-20T09:30:00Z', {
            includedNamespaces: ['checkout'],
          }),
        ].map(row => ({ row, raw: {} })),
        SEEN_AT,
      );
      await resources.upsertPage(
        'prod',
        POSTGRES,
        [
          {
            namespace: 'payments',
            name: 'pg-0930',
            uid: 'uid-pg-0930',
            record: {
              labels: {},
              clusterName: 'payments-db',
              phase: 'completed',
              startedAt: '2026-11-20T09:30:00Z',
            },
          },
        ].map(row => ({ row, raw: {} })),
        SEEN_AT,
      );
      // Vanished from the cluster: still history.
      await knex('resources')
        .update({ deleted_at: SEEN_AT })
        .where({ uid: 'uid-b-0900' });
      const groups = [
        PAYMENTS_GROUP,
        postgresGroupKey('prod', {
          namespace: 'payments',
          clusterName: 'payments-db',
        }),
      ];

      expect(await allPages(history, { groups, limit: 100 })).toEqual([
        'created-1100',
        'a-1000',
        'b-1000',
        'pg-0930',
        'b-0900',
        'undated',
      ]);
      for (const limit of [1, 2, 5]) {
        expect(await allPages(history, { groups, limit })).toEqual([
          'created-1100',
          'a-1000',
          'b-1000',
          'pg-0930',
          'b-0900',
          'undated',
        ]);
      }
      // Past 200 groups one query sorts them all: the same pages.
      const many = [
        ...groups,
        ...Array.from({ length: 200 }, (_, i) => `no-such-group-${i}`),
      ];
      for (const limit of [1, 4]) {
        for (const phases of [undefined, ['Completed', 'completed']]) {
          expect(
            await allPages(history, { groups: many, phases, limit }),
          ).toEqual(await allPages(history, { groups, phases, limit }));
        }
      }
      const first = await history.page({ groups, limit: 100 });
      const deleted = first.entries.find(e => e.record.name === 'b-0900')!;
      expect(deleted.record.deletedAt).toBe(SEEN_AT.toISOString());
      expect(first.entries.map(e => e.kindId)).toContain(POSTGRES);

      // [from, to): undated backups cannot be in a range.
      expect(
        await allPages(history, {
          groups,
          limit: 2,
          from: Date.parse('2026-11-20T09:30:00Z'),
          to: Date.parse('2026-11-20T11:00:00Z'),
        }),
      ).toEqual(['a-1000', 'b-1000', 'pg-0930']);
      expect(
        await allPages(history, {
          groups,
          limit: 10,
          phases: ['PartiallyFailed', 'completed'],
        }),
      ).toEqual(['b-1000', 'pg-0930']);
      expect(await history.page({ groups: [], limit: 10 })).toEqual({
        entries: [],
      });
      const all = await history.listGroups();
      expect(all.map(g => g.cluster)).toEqual(['prod', 'prod']);
      const keys = all.map(g => g.key);
      expect(keys).toEqual([...keys].sort());
      expect(await history.listGroupKeys()).toEqual(keys);
      expect(await history.listGroups([keys[1], 'no-such-group'])).toEqual([
        all[1],
      ]);
      expect(await history.listGroups([])).toEqual([]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'fills the history columns of backups stored before them, once, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const { resources, history } = await storeWith(knex);
      await resources.upsertPage(
        'prod',
        VELERO,
        [
          veleroBackup('b-0900', '2026-11-20T09:00:00Z'),
          veleroBackup('b-1000', '2026-11-20T10:00:00Z'),
        ].map(row => ({ row, raw: {} })),
        SEEN_AT,
      );
      // As rows written before the migration were.
      await knex('resources').update({
        history_group: null,
        history_at: null,
        history_phase: null,
      });
      await knex('backup_groups').delete();
      expect(
        await history.page({ groups: [PAYMENTS_GROUP], limit: 10 }),
      ).toEqual({ entries: [] });

      expect(await history.backfill()).toBe(2);
      expect(await history.backfill()).toBe(0);
      expect(
        await allPages(history, { groups: [PAYMENTS_GROUP], limit: 1 }),
      ).toEqual(['b-1000', 'b-0900']);
      expect((await history.listGroups()).map(g => g.key)).toEqual([
        PAYMENTS_GROUP,
      ]);
      await knex.destroy();
    },
  );

  it('pages every backup exactly once, in order, whatever the ties (property)', async () => {
    const knex = await databases.init('SQLITE_3');
    const { resources, history } = await storeWith(knex);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            name: fc.constantFrom('a', 'b', 'c', 'd'),
            cluster: fc.constantFrom('prod', 'dr'),
            // Few distinct times, some missing: many ties.
            hour: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
          }),
          { maxLength: 25 },
        ),
        fc.integer({ min: 1, max: 6 }),
        async (backups, limit) => {
          run += 1;
          const groups = new Set<string>();
          for (const [i, b] of backups.entries()) {
            const row = veleroBackup(
              b.name,
              b.hour === undefined ? undefined : `2026-11-20T0${b.hour}:00:00Z`,
            );
            row.uid = `run${run}-${i}`;
            row.record.includedNamespaces = [`run${run}`];
            groups.add(
              veleroGroupKey(
                b.cluster,
                veleroGroupScope('velero', {
                  ...row.record,
                  includedNamespaces: [`run${run}`],
                }),
              ),
            );
            await resources.upsertPage(
              b.cluster,
              VELERO,
              [{ row, raw: {} }],
              SEEN_AT,
            );
          }
          const query = { groups: [...groups], limit };
          const everything = await history.page({ ...query, limit: 1000 });
          const expected = everything.entries.map(e => e.record.uid);
          const paged: string[] = [];
          let after: BackupHistoryPosition | undefined;
          for (;;) {
            const page = await history.page({ ...query, after });
            expect(page.entries.length).toBeLessThanOrEqual(limit);
            paged.push(...page.entries.map(e => e.record.uid));
            if (!page.next) break;
            after = page.next;
          }
          expect(paged).toEqual(expected);
          expect(new Set(paged).size).toBe(backups.length);
          const times = everything.entries.map(e =>
            Date.parse((e.record as { startedAt?: string }).startedAt ?? ''),
          );
          const dated = times.filter(t => !Number.isNaN(t));
          expect(dated).toEqual([...dated].sort((x, y) => y - x));
          // Undated backups come after every dated one.
          expect(
            times.slice(0, dated.length).every(t => !Number.isNaN(t)),
          ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
    await knex.destroy();
  });
});
