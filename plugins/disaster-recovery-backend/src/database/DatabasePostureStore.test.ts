import { TestDatabases } from '@backstage/backend-test-utils';
import type { CheckStatus } from '@dr-posture/plugin-disaster-recovery-common';
import { storedPosture } from '../__testUtils__/storedPosture';
import { DatabasePostureStore } from './DatabasePostureStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

const posture = (
  name: string,
  status: CheckStatus,
  tier: string | undefined,
  lastCleanBackupAt?: string,
) => storedPosture({ name, status, tier, lastCleanBackupAt });

describe('DatabasePostureStore', () => {
  it.each(databases.eachSupportedId())(
    'filters, searches and sorts summaries with missing values last, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      await applyDatabaseMigrations(knex);
      const store = DatabasePostureStore.create(knex);
      await store.replaceAll([
        posture('alpha', 'pass', '2', '2026-11-20T10:00:00.000Z'),
        posture('beta_1', 'fail', '1', '2026-11-20T11:00:00.000Z'),
        posture('gamma', 'unknown', undefined),
        posture('delta', 'warn', '1', '2026-11-19T11:00:00.000Z'),
        posture('epsilon', 'fail', '3', '2026-11-20T09:00:00.000Z'),
        posture('zeta', 'fail', undefined),
      ]);
      const names = async (query: Parameters<typeof store.listMatches>[0]) =>
        (await store.listMatches(query)).map(m => m.entityRef.split('/')[1]);

      // Status worst first, then the most critical tier, without a tier last.
      expect(await names({ sort: 'status', order: 'desc' })).toEqual([
        'beta_1',
        'epsilon',
        'zeta',
        'delta',
        'gamma',
        'alpha',
      ]);
      expect(await names({ sort: 'tier', order: 'desc' })).toEqual([
        'epsilon',
        'alpha',
        'beta_1',
        'delta',
        'gamma',
        'zeta',
      ]);
      expect(await names({ sort: 'lastCleanBackupAt', order: 'desc' })).toEqual(
        ['beta_1', 'alpha', 'epsilon', 'delta', 'gamma', 'zeta'],
      );
      // Oldest first: never backed up is older than any backup.
      expect(await names({ sort: 'lastCleanBackupAt', order: 'asc' })).toEqual([
        'gamma',
        'zeta',
        'delta',
        'epsilon',
        'alpha',
        'beta_1',
      ]);
      expect(await names({ tier: ['1'], status: ['warn'] })).toEqual(['delta']);
      expect(await names({ tier: ['none', '2'] })).toEqual([
        'alpha',
        'gamma',
        'zeta',
      ]);
      // `_` is a literal, not a LIKE wildcard.
      expect(await names({ q: 'A_1' })).toEqual(['beta_1']);
      expect(await names({ q: 'team-a' })).toHaveLength(6);

      // Replacing drops entities that left the catalog.
      await store.replaceAll([posture('alpha', 'fail', '2')]);
      expect(await names({})).toEqual(['alpha']);
      expect((await store.get('component:default/alpha'))?.summary.status).toBe(
        'fail',
      );
      expect(
        (
          await store.getSummaries([
            'component:default/alpha',
            'component:default/gone',
          ])
        ).map(summary => summary.name),
      ).toEqual(['alpha']);
      await knex.destroy();
    },
  );
});
