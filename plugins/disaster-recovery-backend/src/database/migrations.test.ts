import { TestDatabases } from '@backstage/backend-test-utils';
import type { Knex } from 'knex';
import { migrationsDirectory } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});

async function migrateUpOnce(knex: Knex) {
  await knex.migrate.up({ directory: migrationsDirectory });
}

async function migrateDownOnce(knex: Knex) {
  await knex.migrate.down({ directory: migrationsDirectory });
}

describe('migrations', () => {
  it.each(databases.eachSupportedId())(
    '20261121000000_clusters, %p',
    async databaseId => {
      const knex = await databases.init(databaseId);

      await migrateUpOnce(knex);

      await knex('clusters').insert({
        name: 'prod-eu-active',
        last_error: 'connect ECONNREFUSED',
      });
      const [row] = await knex('clusters').where({ name: 'prod-eu-active' });
      expect(row).toMatchObject({
        name: 'prod-eu-active',
        last_error: 'connect ECONNREFUSED',
        last_success_at: null,
        stale_since: null,
      });
      expect(row.first_seen_at).toBeTruthy();
      const duplicate = await knex('clusters')
        .insert({ name: 'prod-eu-active' })
        .then(
          () => 'stored',
          () => 'refused',
        );
      expect(duplicate).toBe('refused');
      const [{ n }] = await knex('clusters').count({ n: '*' });
      expect(Number(n)).toBe(1);

      await migrateDownOnce(knex);
      expect(await knex.schema.hasTable('clusters')).toBe(false);

      await knex.destroy();
    },
  );
});
