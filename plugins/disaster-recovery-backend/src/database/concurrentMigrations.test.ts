import { TestDatabases } from '@backstage/backend-test-utils';
import knexFactory from 'knex';
import { applyDatabaseMigrations, migrationsDirectory } from './migrations';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const describeOnPostgres =
  databases.eachSupportedId().length > 0 ? describe : describe.skip;

describeOnPostgres(
  'migrations of replicas starting at the same instant',
  () => {
    it('run once, without error, on PostgreSQL', async () => {
      const knex = await databases.init('POSTGRES_15');
      // Each replica has a connection pool of its own.
      const replicas = Array.from({ length: 3 }, () =>
        knexFactory({ ...knex.client.config, pool: { min: 0, max: 5 } }),
      );

      const outcomes = await Promise.allSettled(
        replicas.map(replica => applyDatabaseMigrations(replica)),
      );

      expect(outcomes.filter(o => o.status === 'rejected')).toEqual([]);
      const [completed, pending] = await knex.migrate.list({
        directory: migrationsDirectory,
      });
      expect(pending).toEqual([]);
      const applied = await knex('knex_migrations').pluck('name');
      expect(applied).toHaveLength(completed.length);
      expect(new Set(applied).size).toBe(applied.length);
      await Promise.all(replicas.map(replica => replica.destroy()));
      await knex.destroy();
    });
  },
);
