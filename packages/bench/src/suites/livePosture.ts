import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { stringifyEntityRef } from '@backstage/catalog-model';
import {
  startSimulator,
  type KubeObject,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import knexFactory from 'knex';
import { applyDatabaseMigrations } from '../backendInternals';
import { runJsonChild } from '../infra/childProcess';
import {
  createDatabase,
  databasePrefix,
  databaseUrl,
  dropDatabases,
} from '../infra/postgres';
import {
  PACKAGE_DIR,
  REPO_ROOT,
  typescriptNodeArgs,
} from '../infra/repository';
import { scaleServiceEntities } from '../infra/scaleEntities';
import type { ScaleEstate } from '../infra/simulatorProcess';
import {
  DEFAULT_COLLECTION_OPTIONS,
  durationMs,
  watchSettingsOf,
} from '../liveInternals';
import type { BenchProfile } from '../profile';
import { formatMs, formatSeconds } from '../report/format';
import type { SuiteResult } from '../report/suiteResult';
import { summarizeLatency, type LatencySummary } from '../stats/latency';
import type {
  LiveCpuOutput,
  LiveWorkerInput,
} from '../workers/liveCollectionWorker';

type Mode = 'watch' | 'poll';

interface LiveSizes {
  /** The estate whose collector CPU is measured. */
  cpuEstate: ScaleEstate;
  /** How long held watches are measured with nothing changing. */
  idleMs: number;
  latencyEstate: ScaleEstate;
  samples: Record<Mode, number>;
  /** Poll cadences: listing, and the full evaluation that followed it. */
  pollEveryMs: number;
  evaluateEveryMs: number;
}

const SIZES: Record<BenchProfile['mode'], LiveSizes> = {
  full: {
    cpuEstate: { clusters: 50, namespaces: 20, days: 9 },
    idleMs: 10 * 60_000,
    latencyEstate: { clusters: 5, namespaces: 10, days: 2 },
    samples: { watch: 40, poll: 10 },
    // The plugin's defaults before it watched.
    pollEveryMs: 5 * 60_000,
    evaluateEveryMs: 60_000,
  },
  quick: {
    cpuEstate: { clusters: 10, namespaces: 10, days: 2 },
    idleMs: 120_000,
    latencyEstate: { clusters: 2, namespaces: 5, days: 1 },
    samples: { watch: 20, poll: 6 },
    // A tenth of the defaults: a quick run has no half-hour for polls.
    pollEveryMs: 30_000,
    evaluateEveryMs: 15_000,
  },
};

/** Past the hourly backups of hh:00, so that a new one is the latest. */
const START = new Date('2026-11-20T12:30:00.000Z');
const WORKER = path.join(PACKAGE_DIR, 'src/workers/liveCollectionWorker.ts');

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

function workerInput(
  simulator: Simulator,
  estate: ScaleEstate,
  sizes: LiveSizes,
  job: LiveWorkerInput['job'],
  mode: Mode,
  database: string,
  stopFile: string,
): LiveWorkerInput {
  return {
    job,
    mode,
    clusters: simulator.clusters.map(({ name, url, token }) => ({
      name,
      url,
      token,
    })),
    databaseUrl: databaseUrl(database),
    pageSize: 500,
    concurrency: 2,
    stopFile,
    holdForMs: durationMs(DEFAULT_COLLECTION_OPTIONS.watch.holdFor),
    settings: watchSettingsOf(DEFAULT_COLLECTION_OPTIONS),
    pollEveryMs: sizes.pollEveryMs,
    // A quick run polls more often for latency; CPU counts the default.
    defaultPollEveryMs: durationMs(DEFAULT_COLLECTION_OPTIONS.frequency),
    evaluateEveryMs: sizes.evaluateEveryMs,
    idleMs: sizes.idleMs,
    entities: scaleServiceEntities(simulator.clusters, estate.namespaces),
  };
}

/**
 * Writes the worker's input to a file and returns its path: the entities
 * of a large estate are more than a command line holds (E2BIG).
 */
function inputFile(
  workDir: string,
  name: string,
  input: LiveWorkerInput,
): string {
  const file = path.join(workDir, `${name}.input.json`);
  fs.writeFileSync(file, JSON.stringify(input));
  return file;
}

function startScale(estate: ScaleEstate): Promise<Simulator> {
  // In this process, the worker's CPU alone is the collector's.
  return startSimulator({
    scenario: 'scale',
    scale: {
      clusters: estate.clusters,
      namespacesPerCluster: estate.namespaces,
      days: estate.days,
    },
    startTime: START,
    speed: 0,
    tls: false,
  });
}

/** Collector CPU of a first collection and an hour of nothing changing. */
async function measureCpu(
  sizes: LiveSizes,
  mode: Mode,
  workDir: string,
): Promise<LiveCpuOutput> {
  const simulator = await startScale(sizes.cpuEstate);
  const prefix = databasePrefix(`live_cpu_${mode}`);
  try {
    const database = await createDatabase(`${prefix}db`);
    return await runJsonChild<LiveCpuOutput>({
      args: typescriptNodeArgs(WORKER, [
        inputFile(
          workDir,
          `live-cpu-${mode}`,
          workerInput(
            simulator,
            sizes.cpuEstate,
            sizes,
            'cpu',
            mode,
            database,
            path.join(workDir, `live-cpu-${mode}.stop`),
          ),
        ),
      ]),
      cwd: REPO_ROOT,
      logFile: path.join(workDir, `live-cpu-${mode}.log`),
    });
  } finally {
    await simulator.stop();
    await dropDatabases(prefix);
  }
}

/** A Backup of the entity's schedule that has just completed. */
function completedBackup(
  simulator: Simulator,
  cluster: string,
  schedule: string,
  name: string,
  completedAt: Date,
): KubeObject {
  const template = simulator
    .objects(cluster, 'velero.io/v1', 'Backup')
    .find(
      b =>
        b.metadata.labels?.['velero.io/schedule-name'] === schedule &&
        (b.status as { phase?: string } | undefined)?.phase === 'Completed',
    );
  if (!template) throw new Error(`no completed backup of ${schedule}`);
  const { uid, resourceVersion, creationTimestamp, generation, ...metadata } =
    template.metadata as KubeObject['metadata'] & Record<string, unknown>;
  const at = (ms: number) =>
    new Date(completedAt.getTime() + ms).toISOString().replace('.000', '');
  return {
    ...template,
    metadata: { ...metadata, name },
    status: {
      ...(template.status as object),
      phase: 'Completed',
      startTimestamp: at(-60_000),
      completionTimestamp: at(0),
      expiration: at(30 * 86_400_000),
    },
  } as KubeObject;
}

/**
 * Time from a Backup completing in the cluster to its entity's stored
 * posture naming it as the last clean backup, one backup at a time.
 */
async function measureLatency(
  sizes: LiveSizes,
  mode: Mode,
  workDir: string,
): Promise<LatencySummary> {
  const estate = sizes.latencyEstate;
  const simulator = await startScale(estate);
  const prefix = databasePrefix(`live_latency_${mode}`);
  const stopFile = path.join(workDir, `live-latency-${mode}.stop`);
  const database = await createDatabase(`${prefix}db`);
  const input = workerInput(
    simulator,
    estate,
    sizes,
    'latency',
    mode,
    database,
    stopFile,
  );
  const knex = knexFactory({ client: 'pg', connection: input.databaseUrl });
  // The postures table exists before the worker's first write is awaited.
  await applyDatabaseMigrations(knex);
  const worker = runJsonChild({
    args: typescriptNodeArgs(WORKER, [
      inputFile(workDir, `live-latency-${mode}`, input),
    ]),
    cwd: REPO_ROOT,
    logFile: path.join(workDir, `live-latency-${mode}.log`),
  });
  try {
    const lastClean = async (entityRef: string) => {
      const row = await knex('entity_postures')
        .select('summary')
        .where({ entity_ref: entityRef })
        .first();
      const at = row && JSON.parse(row.summary).lastCleanBackupAt;
      return at ? Date.parse(at) : undefined;
    };
    const refs = input.entities.map(e => stringifyEntityRef(e));
    await Promise.race([
      worker.then(() => {
        throw new Error('the worker ended before it evaluated');
      }),
      waitFor(
        'a first evaluation of every entity',
        async () => {
          const [{ n }] = await knex('entity_postures').count({ n: '*' });
          return Number(n) === refs.length ? true : undefined;
        },
        15 * 60_000,
      ),
    ]);
    const samples: number[] = [];
    // Five minutes before the frozen clock's now, a second apart: each is
    // the newest backup of its schedule, and none lies in the future.
    const base = START.getTime() - 5 * 60_000;
    for (let i = 0; i < sizes.samples[mode]; i++) {
      const entity = input.entities[(i * 7) % input.entities.length];
      const [cluster, schedule] = (
        entity.metadata.annotations!['disaster-recovery/velero-schedules'] ?? ''
      ).split('/velero/');
      const completedAt = new Date(base + i * 1000);
      const applied = performance.now();
      simulator.apply(
        cluster,
        completedBackup(
          simulator,
          cluster,
          schedule,
          `live-${mode}-${i}`,
          completedAt,
        ),
      );
      await waitFor(
        `the posture of ${entity.metadata.name} to show backup ${i}`,
        async () =>
          (await lastClean(stringifyEntityRef(entity))) ===
          completedAt.getTime()
            ? true
            : undefined,
        3 * sizes.pollEveryMs + 60_000,
      );
      samples.push(performance.now() - applied);
    }
    return summarizeLatency(samples);
  } finally {
    fs.writeFileSync(stopFile, '');
    await worker.catch(() => undefined);
    await knex.destroy();
    await simulator.stop();
    await dropDatabases(prefix);
  }
}

/**
 * Issue 20's benchmarks of live posture: how soon a backup that completed
 * shows in its entity's posture, and what the collector costs with nothing
 * changing, watching against polling.
 */
export async function benchLivePosture(
  mode: BenchProfile['mode'],
  workDir: string,
): Promise<SuiteResult> {
  const sizes = SIZES[mode];
  const results = {} as Record<
    Mode,
    { latency: LatencySummary; cpu: LiveCpuOutput }
  >;
  for (const collection of ['watch', 'poll'] as const) {
    results[collection] = {
      cpu: await measureCpu(sizes, collection, workDir),
      latency: await measureLatency(sizes, collection, workDir),
    };
  }
  const share = (m: Mode) =>
    results[m].cpu.idleCpuSecondsPerHour / results[m].cpu.firstCpuSeconds;
  const { cpuEstate, latencyEstate } = sizes;
  return {
    id: 'livePosture',
    title: '7. Live posture: watching against polling',
    method: `Latency: the \`scale\` scenario (${
      latencyEstate.clusters
    } clusters × ${
      latencyEstate.namespaces
    } namespaces, frozen clock) served from this process; a worker process collects it into its own PostgreSQL database and evaluates the posture of every service, as the backend does: watching, with incremental evaluation rounds every 2 s, or polling every ${formatSeconds(
      sizes.pollEveryMs / 1000,
    )} with a full evaluation every ${formatSeconds(
      sizes.evaluateEveryMs / 1000,
    )}${
      mode === 'quick'
        ? ' (a tenth of the old defaults, 5 min and 1 min)'
        : ' (the old defaults)'
    }. One at a time, a Backup of a service's schedule appears Completed, and the time until that service's stored posture names it as its last clean backup is taken. CPU: the worker's collector alone (user + system) at ${
      cpuEstate.clusters
    } clusters × ${cpuEstate.namespaces} namespaces × ${
      cpuEstate.days
    } days: its first collection, then with nothing changing. Watching: held streams for ${formatSeconds(
      sizes.idleMs / 1000,
    )} from 45 s after the first collection, plus the hour's handovers at the default \`watch.holdFor\` (${formatSeconds(
      durationMs(DEFAULT_COLLECTION_OPTIONS.watch.holdFor) / 1000,
    )}; one is measured: every run stops and the next resumes and reopens its streams) and its safety-net relists at the default \`watch.relistFrequency\` (one complete no-change listing of every cluster each). Polling: one no-change listing of every cluster times the listings of an hour at the default 5 minutes.`,
    table: {
      headers: [
        '',
        'latency p50',
        'latency p95',
        'samples',
        'first collection CPU',
        'idle CPU an hour',
        'idle an hour vs first',
      ],
      rows: (['watch', 'poll'] as const).map(m => [
        m === 'watch' ? 'watch' : 'poll',
        formatMs(results[m].latency.p50),
        formatMs(results[m].latency.p95),
        String(results[m].latency.count),
        formatSeconds(results[m].cpu.firstCpuSeconds),
        formatSeconds(results[m].cpu.idleCpuSecondsPerHour),
        `${(share(m) * 100).toFixed(2)} %`,
      ]),
      numeric: [1, 2, 3, 4, 5, 6],
    },
    notes: [
      `Idle CPU, watch: ${results.watch.cpu.idleBasis} (${results.watch.cpu.reconnects} streams reopened). Poll: ${results.poll.cpu.idleBasis}.`,
    ],
    metrics: {
      'livePosture.watch.p50Ms': results.watch.latency.p50,
      'livePosture.watch.p95Ms': results.watch.latency.p95,
      'livePosture.poll.p95Ms': results.poll.latency.p95,
      'livePosture.watch.idleShare': share('watch'),
      'livePosture.poll.idleShare': share('poll'),
    },
  };
}
