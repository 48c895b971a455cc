import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';

/** The knex migrations shipped with this package. */
export const migrationsDirectory = resolvePackagePath(
  '@dr-posture/plugin-disaster-recovery-backend',
  'migrations',
);

/** Brings the plugin's database schema up to date. */
export async function applyDatabaseMigrations(knex: Knex): Promise<void> {
  await knex.migrate.latest({ directory: migrationsDirectory });
}
