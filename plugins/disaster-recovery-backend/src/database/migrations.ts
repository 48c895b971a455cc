import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** The knex migrations shipped with this package. */
export const migrationsDirectory = resolvePackagePath(
  '@dr-posture/plugin-disaster-recovery-backend',
  'migrations',
);

/** A PostgreSQL advisory lock key of this plugin's migrations (any fixed number). */
const MIGRATION_LOCK_KEY = 7_316_021_611;

/**
 * Brings the plugin's database schema up to date. On PostgreSQL, replicas
 * starting at the same instant would race to create knex's own tables (and
 * fail on "already exists" or knex's migration lock), so they queue on an
 * advisory lock held by one transaction in which every migration runs: the
 * first applies them, the others then find nothing to do.
 */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  if (knex.client.dialect !== 'postgresql') {
    await knex.migrate.latest({ directory: migrationsDirectory });
    return;
  }
  await knex.transaction(async trx => {
    await trx.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
    await trx.migrate.latest({ directory: migrationsDirectory });
  });
}
