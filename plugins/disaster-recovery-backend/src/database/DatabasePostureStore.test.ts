import { TestDatabases } from '@backstage/backend-test-utils';
import type {
  CheckStatus,
  EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import { DatabasePostureStore } from './DatabasePostureStore';
import { applyDatabaseMigrations } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

function posture(
  name: string,
  status: CheckStatus,
  tier: string | undefined,
  lastCleanBackupAt?: string,
) {
  const detail = {
    summary: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      owner: 'group:default/team-a',
      tier,
      status,
      failingChecks: [],
      lastCleanBackupAt,
      evaluatedAt: '2026-11-20T12:00:00.000Z',
    },
  } as unknown as EntityPostureResponse;
  return { detail, dependsOn: [] };
}

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
      ]);
      const names = async (query: Parameters<typeof store.listMatches>[0]) =>
        (await store.listMatches(query)).map(m => m.entityRef.split('/')[1]);

      expect(await names({ sort: 'status', order: 'desc' })).toEqual([
        'beta_1',
        'delta',
        'gamma',
        'alpha',
      ]);
      expect(await names({ sort: 'tier', order: 'desc' })).toEqual([
        'alpha',
        'beta_1',
        'delta',
        'gamma',
      ]);
      expect(await names({ sort: 'lastCleanBackupAt', order: 'desc' })).toEqual(
        ['beta_1', 'alpha', 'delta', 'gamma'],
      );
      expect(await names({ tier: ['1'], status: ['warn'] })).toEqual(['delta']);
      expect(await names({ tier: ['none', '2'] })).toEqual(['alpha', 'gamma']);
      // `_` is a literal, not a LIKE wildcard.
      expect(await names({ q: 'A_1' })).toEqual(['beta_1']);
      expect(await names({ q: 'team-a' })).toHaveLength(4);

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
