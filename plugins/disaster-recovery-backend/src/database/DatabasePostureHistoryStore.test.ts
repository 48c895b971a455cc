import { TestDatabases } from '@backstage/backend-test-utils';
import type { CheckStatus } from '@dr-posture/plugin-disaster-recovery-common';
import { storedPosture } from '../__testUtils__/storedPosture';
import type { RecordedPostureChange } from './DatabasePostureHistoryStore';
import { DatabasePostureHistoryStore } from './DatabasePostureHistoryStore';
import { DatabasePostureStore } from './DatabasePostureStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-01T00:00:00.000Z');

/** A tier-1 posture evaluated at `at` with these checks. */
const posture = (
  name: string,
  at: number,
  checks: Record<string, CheckStatus>,
  tier = '1',
) =>
  storedPosture({
    name,
    checks,
    tier,
    evaluatedAt: new Date(at).toISOString(),
  });

async function setUp(databaseId: Parameters<typeof databases.init>[0]) {
  const knex = await databases.init(databaseId);
  await applyDatabaseMigrations(knex);
  const told: RecordedPostureChange[][] = [];
  const store = DatabasePostureStore.create(knex, {
    onChanges: async changes => {
      told.push(changes);
    },
  });
  return {
    knex,
    store,
    told,
    history: DatabasePostureHistoryStore.create(knex),
  };
}

describe('DatabasePostureHistoryStore', () => {
  it.each(databases.eachSupportedId())(
    'records each change once, with its checks, and nothing for a repeat, %p',
    async databaseId => {
      const { knex, store, told, history } = await setUp(databaseId);
      const ref = 'component:default/alpha';

      await store.replaceAll([
        posture('alpha', T0, {
          'backup-freshness': 'pass',
          'schedule-active': 'pass',
        }),
      ]);
      expect(told).toHaveLength(1);
      expect(told[0]).toEqual([
        expect.objectContaining({
          entityRef: ref,
          revision: 1,
          status: 'pass',
          previousStatus: undefined,
          rpoStanding: 'within',
          checks: [
            expect.objectContaining({
              id: 'backup-freshness',
              status: 'pass',
              previousStatus: undefined,
            }),
            expect.objectContaining({
              id: 'schedule-active',
              status: 'pass',
              previousStatus: undefined,
            }),
          ],
        }),
      ]);
      expect(told[0][0].summary?.owner).toBe('group:default/team-a');

      // The same verdicts later are no change.
      await store.replaceAll([
        posture('alpha', T0 + 60_000, {
          'backup-freshness': 'pass',
          'schedule-active': 'pass',
        }),
      ]);
      await store.upsert([
        posture('alpha', T0 + 120_000, {
          'backup-freshness': 'pass',
          'schedule-active': 'pass',
        }),
      ]);
      expect(told).toHaveLength(1);

      await store.upsert([
        posture('alpha', T0 + DAY, {
          'backup-freshness': 'fail',
          'schedule-active': 'pass',
        }),
      ]);
      expect(told[1]).toEqual([
        expect.objectContaining({
          revision: 2,
          at: T0 + DAY,
          status: 'fail',
          previousStatus: 'pass',
          rpoStanding: 'breached',
          checks: [
            {
              id: 'backup-freshness',
              title: 'Title of backup-freshness',
              status: 'fail',
              previousStatus: 'pass',
              summary: 'backup-freshness is fail',
            },
          ],
        }),
      ]);

      // A check that no longer applies, and a tier change alone, are changes.
      await store.upsert([
        posture('alpha', T0 + 2 * DAY, { 'backup-freshness': 'fail' }),
      ]);
      await store.upsert([
        posture('alpha', T0 + 3 * DAY, { 'backup-freshness': 'fail' }, '2'),
      ]);
      expect(told[2][0].checks).toEqual([
        {
          id: 'schedule-active',
          title: 'schedule-active',
          previousStatus: 'pass',
        },
      ]);
      expect(told[3][0]).toMatchObject({ revision: 4, tier: '2', checks: [] });

      // Leaving the catalog closes the history; coming back starts afresh.
      await store.replaceAll([], new Date(T0 + 4 * DAY));
      expect(told[4][0]).toMatchObject({
        revision: 5,
        status: undefined,
        previousStatus: 'fail',
        rpoStanding: undefined,
        checks: [{ id: 'backup-freshness', previousStatus: 'fail' }],
      });
      await store.replaceAll([], new Date(T0 + 4 * DAY));
      expect(told).toHaveLength(5);
      await store.upsert([
        posture('alpha', T0 + 5 * DAY, { 'backup-freshness': 'fail' }),
      ]);
      expect(told[5][0]).toMatchObject({
        revision: 6,
        previousStatus: undefined,
        checks: [
          { id: 'backup-freshness', status: 'fail', previousStatus: undefined },
        ],
      });

      const page = await history.listEntity({ entityRef: ref, limit: 2 });
      expect(page.map(r => r.revision)).toEqual([6, 5]);
      const next = await history.listEntity({
        entityRef: ref,
        before: 5,
        limit: 10,
      });
      expect(next.map(r => r.revision)).toEqual([4, 3, 2, 1]);
      const ranged = await history.listEntity({
        entityRef: ref,
        from: T0 + DAY,
        to: T0 + 3 * DAY,
        limit: 10,
      });
      expect(ranged.map(r => r.revision)).toEqual([3, 2]);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'records a change written by two replicas at once only once, %p',
    async databaseId => {
      const { knex, store, told } = await setUp(databaseId);
      await store.replaceAll([
        posture('alpha', T0, { 'backup-freshness': 'pass' }),
      ]);
      const otherTold: RecordedPostureChange[][] = [];
      const otherReplica = DatabasePostureStore.create(knex, {
        onChanges: async changes => {
          otherTold.push(changes);
        },
      });
      const failing = posture('alpha', T0 + 1000, {
        'backup-freshness': 'fail',
      });
      await Promise.all([
        store.upsert([failing]),
        otherReplica.upsert([failing]),
      ]);

      const transitions = [...told.slice(1), ...otherTold].flat();
      expect(transitions).toEqual([
        expect.objectContaining({
          revision: 2,
          status: 'fail',
          previousStatus: 'pass',
        }),
      ]);
      const [{ n }] = await knex('posture_history').count({ n: '*' });
      expect(Number(n)).toBe(2);
      await knex.destroy();
    },
  );

  it.each(databases.eachSupportedId())(
    'lists the standings in effect over a period and prunes what was superseded before the retention, %p',
    async databaseId => {
      const { knex, store, history } = await setUp(databaseId);
      await store.replaceAll([
        posture('alpha', T0, { 'backup-freshness': 'pass' }),
        posture('beta', T0, { 'backup-freshness': 'fail' }, '2'),
        posture('gone', T0, { 'backup-freshness': 'pass' }),
      ]);
      await store.replaceAll(
        [
          posture('alpha', T0 + DAY, { 'backup-freshness': 'warn' }),
          posture('beta', T0 + DAY, { 'backup-freshness': 'fail' }, '2'),
        ],
        new Date(T0 + DAY),
      );
      await store.upsert([
        posture('alpha', T0 + 2 * DAY, { 'backup-freshness': 'fail' }),
      ]);

      const standings = await history.listEstateStandings({
        from: T0 + DAY + 1,
        to: T0 + 3 * DAY,
      });
      expect(
        standings.map(s => [
          s.entityRef.split('/')[1],
          s.at - T0,
          s.tier,
          s.rpoStanding,
        ]),
      ).toEqual([
        // alpha's warning (still within the RPO) did not change its standing.
        ['alpha', DAY + 1, '1', 'within'],
        ['alpha', 2 * DAY, '1', 'breached'],
        ['beta', DAY + 1, '2', 'breached'],
        ['gone', DAY + 1, undefined, undefined],
      ]);

      // Before T0 + 1.5 days: alpha's revision 1 is superseded by its
      // revision 2 (kept, in effect then); beta keeps its only revision;
      // nothing is kept of gone, which had left by then.
      const pruned = await history.prune(T0 + 1.5 * DAY);
      expect(pruned).toBe(3);
      const alpha = await history.listEntity({
        entityRef: 'component:default/alpha',
        limit: 10,
      });
      expect(alpha.map(r => r.revision)).toEqual([3, 2]);
      expect(
        await history.listEntity({
          entityRef: 'component:default/beta',
          limit: 10,
        }),
      ).toHaveLength(1);
      expect(
        await history.listEntity({
          entityRef: 'component:default/gone',
          limit: 10,
        }),
      ).toEqual([]);
      await knex.destroy();
    },
  );
});
