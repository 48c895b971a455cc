import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { findRepoRoot } from './fixtures/fixturesDir.ts';
import type { FaultSettings } from './faults/faultSettings.ts';
import { startSimulator, type ScenarioName } from './simulator.ts';
import { DEFAULT_SCALE } from './scenarios/scaleScenario.ts';

/**
 * Command line: `yarn workspace @dr-posture/cluster-simulator start
 * --scenario demo --port 7100`. Prints the cluster URLs and tokens, then
 * serves until interrupted.
 */

function integer(value: string): number {
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0) {
    throw new InvalidArgumentError('expected a non-negative integer');
  }
  return parsed;
}

function rate(value: string): number {
  const parsed = Number(value);
  if (!(parsed >= 0 && parsed <= 1)) {
    throw new InvalidArgumentError('expected a number between 0 and 1');
  }
  return parsed;
}

function faults(
  value: string,
  previous: Record<string, FaultSettings>,
): Record<string, FaultSettings> {
  const separator = value.indexOf('=');
  if (separator < 1) {
    throw new InvalidArgumentError('expected <cluster>=<JSON fault settings>');
  }
  try {
    return {
      ...previous,
      [value.slice(0, separator)]: JSON.parse(value.slice(separator + 1)),
    };
  } catch {
    throw new InvalidArgumentError('the fault settings are not valid JSON');
  }
}

const program = new Command()
  .name('cluster-simulator')
  .description(
    'Kubernetes API simulator serving Velero and CloudNativePG objects',
  )
  .option('--scenario <name>', 'demo | fixtures | scale', 'demo')
  .option(
    '--port <port>',
    'port to listen on (0 = any free port)',
    integer,
    7100,
  )
  .option('--host <address>', 'address to bind', '127.0.0.1')
  .option('--seed <seed>', 'seed of every random draw', 'dr-posture')
  .option('--start-time <iso>', 'simulated time at start-up (default: now)')
  .option(
    '--speed <factor>',
    'clock speed: 1 real time, 60 an hour a minute, 0 frozen',
    Number,
    1,
  )
  .option(
    '--fixtures-dir <dir>',
    'fixtures directory (default: $DR_FIXTURES_DIR or ../shared/fixtures)',
  )
  .option(
    '--admin-token <token>',
    'bearer token of the admin API (default: random)',
  )
  .option(
    '--faults <cluster=json>',
    'faults of a cluster, e.g. staging=\'{"latencyMs":200}\' (repeatable)',
    faults,
    {},
  )
  .option(
    '--ca-dir <dir>',
    'directory keeping the CA (ca.crt, ca.key), created on first start (default: <repo>/.data/cluster-simulator)',
  )
  .option('--plain-http', 'serve plain HTTP instead of HTTPS')
  .option('--clusters <n>', 'scale: clusters', integer, DEFAULT_SCALE.clusters)
  .option(
    '--namespaces <n>',
    'scale: namespaces per cluster',
    integer,
    DEFAULT_SCALE.namespacesPerCluster,
  )
  .option(
    '--schedules <n>',
    'scale: schedules per namespace',
    integer,
    DEFAULT_SCALE.schedulesPerNamespace,
  )
  .option('--days <n>', 'scale: days of history', integer, DEFAULT_SCALE.days)
  .option(
    '--cron <expression>',
    'scale: cron of every schedule',
    DEFAULT_SCALE.cron,
  )
  .option(
    '--failure-rate <rate>',
    'scale: probability a backup fails',
    rate,
    DEFAULT_SCALE.failureRate,
  )
  .option(
    '--partial-failure-rate <rate>',
    'scale: probability a backup partially fails',
    rate,
    DEFAULT_SCALE.partialFailureRate,
  );

/** Where the simulator's CA is, for clients that must trust it. */
function caLines(simulator: { caFile?: string; caData?: string }): string[] {
  if (simulator.caFile) {
    return [
      `CA certificate (caFile; caData is its base64): ${simulator.caFile}`,
    ];
  }
  if (simulator.caData)
    return [`CA (caData, kept in memory): ${simulator.caData}`];
  return [];
}

async function main() {
  const options = program.parse().opts();
  if (!['demo', 'fixtures', 'scale'].includes(options.scenario)) {
    program.error(
      `unknown scenario "${options.scenario}" (expected demo, fixtures or scale)`,
    );
  }
  const started = Date.now();
  const repoRoot = findRepoRoot(process.cwd());
  const caDir =
    options.caDir ??
    (repoRoot ? path.join(repoRoot, '.data', 'cluster-simulator') : undefined);
  const simulator = await startSimulator({
    tls: !options.plainHttp,
    caDir,
    scenario: options.scenario as ScenarioName,
    port: options.port,
    host: options.host,
    seed: options.seed,
    startTime: options.startTime ? Date.parse(options.startTime) : undefined,
    speed: options.speed,
    fixturesDir: options.fixturesDir,
    adminToken: options.adminToken,
    faults: options.faults,
    scale: {
      clusters: options.clusters,
      namespacesPerCluster: options.namespaces,
      schedulesPerNamespace: options.schedules,
      days: options.days,
      cron: options.cron,
      failureRate: options.failureRate,
      partialFailureRate: options.partialFailureRate,
    },
  });
  const lines = [
    `cluster simulator (${options.scenario}) ready in ${
      Date.now() - started
    } ms at ${simulator.url}`,
    ...simulator.notices.map(n => `notice: ${n}`),
    ...caLines(simulator),
    'clusters (API base URL, bearer token):',
    ...simulator.clusters.map(c => `  ${c.name}  ${c.url}  ${c.token}`),
    `admin API: ${simulator.url}/admin (Authorization: Bearer ${simulator.adminToken})`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const shutdown = () => {
    simulator.stop().finally(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch(error => {
  process.stderr.write(
    `cluster simulator failed to start: ${
      error instanceof Error ? error.message : String(error)
    }\n`,
  );
  process.exit(1);
});
