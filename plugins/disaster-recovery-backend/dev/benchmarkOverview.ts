/*
 * Overview API benchmark: stores N evaluated postures in a fresh database,
 * serves the plugin's overview route over HTTP, and prints p50/p95 latency of
 * typical overview requests (first page, a filter, a search, a sort, a deep
 * page) at 1,000, 5,000 and 20,000 entities on PostgreSQL and SQLite.
 *
 *   yarn workspace @dr-posture/plugin-disaster-recovery-backend bench:overview
 *
 * The catalog's visibility check is answered in memory ("every entity is
 * visible"), so the figures are this plugin's own cost; a real catalog adds
 * one getEntitiesByRefs call per request. PostgreSQL comes from
 * DR_BENCH_POSTGRES or BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING.
 */
import type {
  CheckStatus,
  EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import express from 'express';
import knexFactory, { type Knex } from 'knex';
import type { AddressInfo } from 'node:net';
import { DatabasePostureStore } from '../src/database/DatabasePostureStore';
import { applyDatabaseMigrations } from '../src/database/migrations';
import { overviewRoutes } from '../src/service/routes/overviewRoutes';
import type { RouteContext } from '../src/service/routes/context';

const POSTGRES =
  process.env.DR_BENCH_POSTGRES ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const SIZES = (process.env.DR_BENCH_SIZES ?? '1000,5000,20000')
  .split(',')
  .map(Number);
const ROUNDS = Number(process.env.DR_BENCH_ROUNDS ?? 40);
const STATUSES: CheckStatus[] = ['pass', 'warn', 'fail', 'unknown'];

function syntheticPosture(i: number) {
  const name = `service-${String(i).padStart(5, '0')}`;
  const status = STATUSES[i % 4];
  const detail = {
    summary: {
      entityRef: `component:default/${name}`,
      kind: 'Component',
      namespace: 'default',
      name,
      title: `Service ${i}`,
      owner: `group:default/team-${i % 40}`,
      system: `system:default/system-${i % 120}`,
      tier: String((i % 3) + 1),
      status,
      failingChecks:
        status === 'fail'
          ? [
              {
                id: 'backup-freshness',
                status: 'fail',
                title: 'Backup freshness',
              },
            ]
          : [],
      rpoMs: 3_600_000,
      lastCleanBackupAt: new Date(
        Date.now() - (i % 500) * 60_000,
      ).toISOString(),
      evaluatedAt: new Date().toISOString(),
    },
  } as unknown as EntityPostureResponse;
  return { detail, dependsOn: [] };
}

async function serve(knex: Knex) {
  const context = {
    httpAuth: { credentials: async () => ({}) },
    catalog: {
      getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(() => ({})),
      }),
    },
    postures: DatabasePostureStore.create(knex),
    policies: [],
  } as unknown as RouteContext;
  const app = express().use(overviewRoutes(context));
  const server = app.listen(0);
  await new Promise(resolve => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    server,
  };
}

function percentile(sorted: number[], p: number) {
  return sorted[
    Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))
  ];
}

async function measure(url: string): Promise<{ p50: number; p95: number }> {
  const paths = [
    '/overview?limit=50',
    '/overview?limit=50&status=fail&tier=1',
    '/overview?limit=50&q=service-01',
    '/overview?limit=50&sort=lastCleanBackupAt&order=desc',
    `/overview?limit=50&cursor=${Buffer.from(
      JSON.stringify({ offset: 500 }),
    ).toString('base64url')}`,
  ];
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const path of paths) {
      const started = process.hrtime.bigint();
      const response = await fetch(`${url}${path}`);
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      await response.json();
      times.push(Number(process.hrtime.bigint() - started) / 1e6);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function withDatabase<T>(
  engine: 'postgres' | 'sqlite',
  run: (knex: Knex) => Promise<T>,
): Promise<T> {
  if (engine === 'sqlite') {
    const knex = knexFactory({
      client: 'better-sqlite3',
      connection: ':memory:',
      useNullAsDefault: true,
    });
    try {
      return await run(knex);
    } finally {
      await knex.destroy();
    }
  }
  const admin = knexFactory({ client: 'pg', connection: POSTGRES });
  const database = `dr_bench_overview_${Date.now()}`;
  await admin.raw('create database ??', [database]);
  const url = new URL(POSTGRES);
  url.pathname = `/${database}`;
  const knex = knexFactory({ client: 'pg', connection: url.toString() });
  try {
    return await run(knex);
  } finally {
    await knex.destroy();
    await admin.raw('drop database if exists ??', [database]);
    await admin.destroy();
  }
}

async function main() {
  const rows: string[] = [];
  for (const engine of ['postgres', 'sqlite'] as const) {
    for (const size of SIZES) {
      const result = await withDatabase(engine, async knex => {
        await applyDatabaseMigrations(knex);
        await DatabasePostureStore.create(knex).replaceAll(
          Array.from({ length: size }, (_, i) => syntheticPosture(i)),
        );
        const { url, server } = await serve(knex);
        try {
          return await measure(url);
        } finally {
          server.close();
        }
      });
      rows.push(
        `${engine.padEnd(9)} ${String(size).padStart(
          6,
        )} entities   p50 ${result.p50.toFixed(
          1,
        )} ms   p95 ${result.p95.toFixed(1)} ms`,
      );
      process.stdout.write(`${rows[rows.length - 1]}\n`);
    }
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
