import { TestDatabases } from '@backstage/backend-test-utils';
import { migrationsDirectory } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

describe('migration 20261221000000_posture_history', () => {
  it.each(databases.eachSupportedId())(
    'keeps one row per entity revision, epoch ms beyond 32 bits and long JSON, and goes down, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);
      const name = '20261221000000_posture_history.js';
      await knex.migrate.latest({ directory: migrationsDirectory });
      const row = {
        entity_ref: 'component:default/payments-api',
        revision: 1,
        changed_at_ms: 4_102_444_800_123,
        tier: '1',
        status: 'fail',
        previous_status: null,
        rpo_standing: 'breached',
        check_statuses: JSON.stringify({ 'backup-freshness': 'fail' }),
        changes: JSON.stringify([{ id: 'x', summary: 'y'.repeat(100_000) }]),
      };
      await knex('posture_history').insert(row);
      const duplicate = await knex('posture_history')
        .insert({ ...row, changed_at_ms: 1 })
        .then(
          () => 'stored',
          () => 'refused',
        );
      expect(duplicate).toBe('refused');
      await knex('posture_history').insert({ ...row, revision: 2 });
      const [stored] = await knex('posture_history').where({ revision: 1 });
      expect(Number(stored.changed_at_ms)).toBe(4_102_444_800_123);
      expect(JSON.parse(stored.changes)[0].summary).toHaveLength(100_000);

      await knex.migrate.down({ directory: migrationsDirectory, name });
      expect(await knex.schema.hasTable('posture_history')).toBe(false);
      await knex.destroy();
    },
  );
});
