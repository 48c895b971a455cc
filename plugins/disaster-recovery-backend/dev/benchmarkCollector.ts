/*
 * Collector benchmark: starts the cluster simulator's `scale` scenario in a
 * child process, collects every cluster into a fresh PostgreSQL database, and
 * prints wall time, objects per second and this process's peak resident
 * memory, for a first collection and for a second one with nothing changed.
 *
 *   yarn workspace @dr-posture/plugin-disaster-recovery-backend bench:collector
 *
 * PostgreSQL comes from DR_BENCH_POSTGRES (default: the test variable
 * BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING, else
 * postgresql://postgres@127.0.0.1:5432). Scale: DR_BENCH_CLUSTERS (50),
 * DR_BENCH_NAMESPACES (20), DR_BENCH_DAYS (9): 50 × 20 × 24 × 9 = 216,000
 * Backups by default.
 */
import type { LoggerService } from '@backstage/backend-plugin-api';
import { spawn } from 'node:child_process';
import path from 'node:path';
import knexFactory from 'knex';
import { collectCluster } from '../src/collector/collectCluster';
import { simulatedClusterConfig } from '../src/collector/simulatedClusterConfig';
import { builtInResourceKinds } from '../src/sources/builtInSources';
import { DatabaseResourceStore } from '../src/database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../src/database/migrations';

const CONNECTION =
  process.env.DR_BENCH_POSTGRES ??
  process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??
  'postgresql://postgres@127.0.0.1:5432';
const CLUSTERS = Number(process.env.DR_BENCH_CLUSTERS ?? 50);
const NAMESPACES = Number(process.env.DR_BENCH_NAMESPACES ?? 20);
const DAYS = Number(process.env.DR_BENCH_DAYS ?? 9);
const PAGE_SIZE = 500;

/** Quiet about progress, loud about problems. */
const logger: LoggerService = {
  debug: () => {},
  info: () => {},
  warn: message => process.stderr.write(`warn: ${message}\n`),
  error: message => process.stderr.write(`error: ${message}\n`),
  child: () => logger,
};

interface SimulatedCluster {
  name: string;
  url: string;
  token: string;
}

/** Starts the simulator CLI and reads the cluster lines it prints. */
function startSimulator(): Promise<{
  clusters: SimulatedCluster[];
  stop: () => void;
}> {
  const root = path.resolve(__dirname, '../../..');
  const child = spawn(
    process.execPath,
    [
      '--disable-warning=MODULE_TYPELESS_PACKAGE_JSON',
      '--experimental-strip-types',
      'packages/cluster-simulator/src/cli.ts',
      '--scenario',
      'scale',
      '--port',
      '0',
      '--speed',
      '0',
      '--clusters',
      String(CLUSTERS),
      '--namespaces',
      String(NAMESPACES),
      '--days',
      String(DAYS),
    ],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.on('exit', code =>
      reject(new Error(`simulator exited with ${code}`)),
    );
    child.stdout.on('data', chunk => {
      output += chunk;
      if (!output.includes('admin API:')) return;
      const clusters = [
        ...output.matchAll(/^ {2}(\S+) {2}(http\S+) {2}(\S+)$/gm),
      ].map(([, name, url, token]) => ({ name, url, token }));
      resolve({ clusters, stop: () => child.kill('SIGTERM') });
    });
  });
}

async function collectAll(
  clusters: SimulatedCluster[],
  store: DatabaseResourceStore,
) {
  const resourceKinds = builtInResourceKinds();
  const started = process.hrtime.bigint();
  let seen = 0;
  let written = 0;
  // Like the scheduler with two workers: clusters in parallel, two at a time.
  const queue = [...clusters];
  await Promise.all(
    [0, 1].map(async () => {
      for (let cluster = queue.shift(); cluster; cluster = queue.shift()) {
        const result = await collectCluster({
          cluster: simulatedClusterConfig(cluster),
          resourceKinds,
          store,
          logger,
          pageSize: PAGE_SIZE,
          deadline: Date.now() + 10 * 60_000,
        });
        if (result.status !== 'succeeded') {
          throw new Error(`collecting ${cluster.name} failed: ${result.error}`);
        }
        seen += result.seen;
        written += result.written;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, seen, written };
}

async function main() {
  const admin = knexFactory({ client: 'pg', connection: CONNECTION });
  const database = `dr_bench_${Date.now()}`;
  await admin.raw('create database ??', [database]);
  const url = new URL(CONNECTION);
  url.pathname = `/${database}`;
  const knex = knexFactory({
    client: 'pg',
    connection: url.toString(),
    pool: { min: 0, max: 10 },
  });
  const simulator = await startSimulator();
  try {
    await applyDatabaseMigrations(knex);
    const store = DatabaseResourceStore.create(knex);
    const baseline = process.memoryUsage().rss;
    const first = await collectAll(simulator.clusters, store);
    const second = await collectAll(simulator.clusters, store);
    const [{ backups }] = await knex('resources')
      .where({ kind: 'velero.io/Backup' })
      .count({ backups: '*' });
    const peakRssMiB = process.resourceUsage().maxRSS / 1024;
    const rows = [
      ['clusters', String(simulator.clusters.length)],
      ['Backups stored', String(backups)],
      ['objects per collection', String(first.seen)],
      [
        'first collection',
        `${first.seconds.toFixed(1)} s, ${Math.round(
          first.seen / first.seconds,
        )} objects/s, ${first.written} written`,
      ],
      [
        'no-change collection',
        `${second.seconds.toFixed(1)} s, ${Math.round(
          second.seen / second.seconds,
        )} objects/s, ${second.written} written`,
      ],
      ['no-change / first', (second.seconds / first.seconds).toFixed(2)],
      [
        'process RSS before collecting',
        `${(baseline / 2 ** 20).toFixed(0)} MiB`,
      ],
      ['peak process RSS', `${peakRssMiB.toFixed(0)} MiB`],
    ];
    process.stdout.write(
      `${rows.map(([k, v]) => `${k.padEnd(32)} ${v}`).join('\n')}\n`,
    );
  } finally {
    simulator.stop();
    await knex.destroy();
    await admin.raw('drop database if exists ??', [database]);
    await admin.destroy();
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
