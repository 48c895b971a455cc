import knexFactory, { type Knex } from 'knex';

/** The PostgreSQL server the benchmarks create their databases on. */
export const POSTGRES_URL =
  process.env.DR_BENCH_POSTGRES ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';

function admin(): Knex {
  return knexFactory({ client: 'pg', connection: POSTGRES_URL });
}

/** A unique database name prefix for one benchmark step. */
export function databasePrefix(label: string): string {
  return `drbench_${label}_${Date.now().toString(36)}_`;
}

/** The connection URL of one database on the server. */
export function databaseUrl(database: string): string {
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Creates an empty database and returns its name. */
export async function createDatabase(name: string): Promise<string> {
  const db = admin();
  try {
    await db.raw('create database ??', [name]);
    return name;
  } finally {
    await db.destroy();
  }
}

/** Drops every database whose name starts with `prefix`. */
export async function dropDatabases(prefix: string): Promise<void> {
  const db = admin();
  try {
    const { rows } = await db.raw(
      'select datname from pg_database where datname like ?',
      [`${prefix.replace(/_/g, '\\_')}%`],
    );
    for (const { datname } of rows as Array<{ datname: string }>) {
      await db.raw('drop database if exists ?? with (force)', [datname]);
    }
  } finally {
    await db.destroy();
  }
}

/** The server's version, for the report. */
export async function postgresVersion(): Promise<string> {
  const db = admin();
  try {
    const { rows } = await db.raw('show server_version');
    return String(rows[0].server_version);
  } finally {
    await db.destroy();
  }
}
