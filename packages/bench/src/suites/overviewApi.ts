import type {
  CheckStatus,
  EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import {
  applyDatabaseMigrations,
  createApiRouter,
  CursorCodec,
  DatabasePostureStore,
  overviewRoutes,
  type RouteContext,
  type StoredPosture,
} from '../backendInternals';
import express from 'express';
import knexFactory, { type Knex } from 'knex';
import type { AddressInfo } from 'node:net';
import {
  createDatabase,
  databasePrefix,
  databaseUrl,
  dropDatabases,
} from '../infra/postgres';
import { timed } from '../infra/http';
import type { BenchProfile } from '../profile';
import { formatCount, formatMs } from '../report/format';
import type { SuiteResult } from '../report/suiteResult';
import {
  growthExponent,
  summarizeLatency,
  type LatencySummary,
} from '../stats/latency';

const STATUSES: CheckStatus[] = ['pass', 'warn', 'fail', 'unknown'];
const ENGINES = ['postgres', 'sqlite'] as const;
type Engine = (typeof ENGINES)[number];
const ENGINE_TITLES: Record<Engine, string> = {
  postgres: 'PostgreSQL',
  sqlite: 'SQLite',
};

/**
 * The requests the overview page makes: first page, filters, search, sort,
 * a deep page (page 11, by the cursor a 500-item page ends with).
 */
const overviewRequests = (page11Cursor: string) => [
  '/overview?limit=50',
  '/overview?limit=50&status=fail&tier=1',
  '/overview?limit=50&q=service-01',
  '/overview?limit=50&sort=lastCleanBackupAt&order=desc',
  `/overview?limit=50&cursor=${page11Cursor}`,
];
const REQUESTS_PER_ROUND = 5;

/** An evaluated posture with the summary fields the overview reads. */
function syntheticPosture(i: number): StoredPosture {
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

/**
 * The overview routes alone over HTTP. The catalog's visibility answer is
 * in memory ("all visible"), so the figures are this plugin's own cost; a
 * real catalog adds one getEntitiesByRefs call per request.
 */
async function serveOverview(knex: Knex) {
  const context = {
    httpAuth: { credentials: async () => ({}) },
    catalog: {
      getEntitiesByRefs: async ({ entityRefs }: { entityRefs: string[] }) => ({
        items: entityRefs.map(() => ({})),
      }),
    },
    postures: DatabasePostureStore.create(knex),
    policies: [],
    cursors: CursorCodec.fromSecret('bench'),
  } as unknown as RouteContext;
  const router = await createApiRouter();
  overviewRoutes(router, context);
  const server = express().use(router).listen(0);
  await new Promise(resolve => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

async function withDatabase<T>(
  engine: Engine,
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
  const prefix = databasePrefix('overview');
  const database = await createDatabase(`${prefix}db`);
  const knex = knexFactory({ client: 'pg', connection: databaseUrl(database) });
  try {
    return await run(knex);
  } finally {
    await knex.destroy();
    await dropDatabases(prefix);
  }
}

async function measure(url: string, rounds: number): Promise<LatencySummary> {
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as { nextCursor?: string };
  };
  const request = (path: string) => () => get(path);
  // Cursors are sealed: page 11's is the one a 500-item page ends with.
  const { nextCursor } = await get('/overview?limit=500');
  if (!nextCursor) throw new Error('the estate holds no page 11');
  const requests = overviewRequests(nextCursor);
  // The first requests warm the connection pool and the query plans.
  for (const path of requests) await request(path)();
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const path of requests) {
      times.push(await timed(request(path)));
    }
  }
  return summarizeLatency(times);
}

/** Issue 8, item 3: overview API latency by estate size and database. */
export async function benchOverviewApi(
  profile: BenchProfile['overviewApi'],
): Promise<SuiteResult> {
  const rows: string[][] = [];
  const metrics: Record<string, number> = {};
  const notes: string[] = [];
  for (const engine of ENGINES) {
    const points: Array<{ size: number; value: number }> = [];
    for (const size of profile.sizes) {
      const result = await withDatabase(engine, async knex => {
        await applyDatabaseMigrations(knex);
        await DatabasePostureStore.create(knex).replaceAll(
          Array.from({ length: size }, (_, i) => syntheticPosture(i)),
        );
        const server = await serveOverview(knex);
        try {
          return await measure(server.url, profile.rounds);
        } finally {
          await server.close();
        }
      });
      metrics[`overviewApi.${engine}.${size}.p50`] = result.p50;
      metrics[`overviewApi.${engine}.${size}.p95`] = result.p95;
      points.push({ size, value: result.p50 });
      rows.push([
        ENGINE_TITLES[engine],
        formatCount(size),
        formatMs(result.p50),
        formatMs(result.p95),
      ]);
    }
    if (points.length >= 2) {
      const exponent = growthExponent(points);
      metrics[`overviewApi.${engine}.growth`] = exponent;
      notes.push(
        `${ENGINE_TITLES[engine]}: p50 grows as size^${exponent.toFixed(
          2,
        )} from ${formatCount(points[0].size)} to ${formatCount(
          points[points.length - 1].size,
        )} entities (1 is linear).`,
      );
    }
  }
  return {
    id: 'overviewApi',
    title: '3. Overview API by estate size',
    method: `Evaluated postures stored in a fresh database, the overview route served over HTTP, and ${
      REQUESTS_PER_ROUND * profile.rounds
    } requests timed per size (${
      profile.rounds
    } rounds of: first page, a tier and status filter, a search, a sort by last backup, page 11). The catalog's visibility answer is in memory, so this is the plugin's own cost.`,
    table: {
      headers: ['database', 'entities', 'p50', 'p95'],
      rows,
      numeric: [1, 2, 3],
    },
    notes: [
      ...notes,
      'Each request reads the tier and status of every matching entity (the catalog decides visibility per caller before paging) and the full summaries of one page, so time grows with the estate.',
    ],
    metrics,
  };
}
