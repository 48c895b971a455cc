import path from 'node:path';
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
import { startSimulatorProcess } from '../infra/simulatorProcess';
import type { BenchProfile } from '../profile';
import {
  formatCount,
  formatMiB,
  formatRatio,
  formatSeconds,
} from '../report/format';
import type { SuiteResult } from '../report/suiteResult';
import type { WorkerInput, WorkerRun } from '../workers/workerInput';

interface CollectorOutput {
  first: WorkerRun;
  noChange: WorkerRun;
  backups: number;
  baselineRssMiB: number;
  firstPeakRssMiB: number;
  peakRssMiB: number;
}

type FloorOutput = WorkerRun & { baselineRssMiB: number; peakRssMiB: number };

/** Runs one worker in its own process against its own empty database. */
async function runWorker<T>(
  worker: 'collectorWorker' | 'floorWorker',
  input: Omit<WorkerInput, 'databaseUrl'>,
  workDir: string,
): Promise<T> {
  const prefix = databasePrefix(worker.toLowerCase());
  const database = await createDatabase(`${prefix}db`);
  try {
    return await runJsonChild<T>({
      args: typescriptNodeArgs(
        path.join(PACKAGE_DIR, 'src/workers', `${worker}.ts`),
        [JSON.stringify({ ...input, databaseUrl: databaseUrl(database) })],
      ),
      cwd: REPO_ROOT,
      logFile: path.join(workDir, `${worker}.log`),
    });
  } finally {
    await dropDatabases(prefix);
  }
}

/** Issue 8, item 2: the collector against a bare list-and-insert loop. */
export async function benchCollector(
  profile: BenchProfile['collector'],
  workDir: string,
): Promise<SuiteResult> {
  const simulator = await startSimulatorProcess(
    profile.estate,
    path.join(workDir, 'collector-simulator.log'),
  );
  let floor: FloorOutput;
  let ours: CollectorOutput;
  try {
    const input = {
      clusters: simulator.clusters,
      pageSize: profile.pageSize,
      concurrency: profile.concurrency,
    };
    floor = await runWorker<FloorOutput>('floorWorker', input, workDir);
    ours = await runWorker<CollectorOutput>('collectorWorker', input, workDir);
  } finally {
    await simulator.stop();
  }
  const wallVsFloor = ours.first.seconds / floor.seconds;
  const noChangeVsFirst = ours.noChange.seconds / ours.first.seconds;
  const { clusters, namespaces, days } = profile.estate;
  return {
    id: 'collector',
    title: '2. Collector ingest vs the floor',
    method: `The simulator's \`scale\` scenario (${clusters} clusters of three zoned Nodes × ${namespaces} namespaces, each with a Deployment of three pods and hourly Backups for ${days} days) in its own process; each side in its own Node process with its own empty PostgreSQL database, ${profile.concurrency} clusters at a time, pages of ${profile.pageSize}. The floor lists the same kinds with \`@kubernetes/client-node\` and inserts the same rows (the collector's own row mapping) with batched knex inserts of 200, and nothing else.`,
    table: {
      headers: [
        '',
        'wall time',
        'objects/s',
        'rows written',
        'peak RSS',
        'vs floor',
      ],
      rows: [
        [
          'floor: list + batch insert',
          formatSeconds(floor.seconds),
          formatCount(floor.seen / floor.seconds),
          formatCount(floor.written),
          formatMiB(floor.peakRssMiB),
          '1×',
        ],
        [
          'our collector, first collection',
          formatSeconds(ours.first.seconds),
          formatCount(ours.first.seen / ours.first.seconds),
          formatCount(ours.first.written),
          formatMiB(ours.firstPeakRssMiB),
          formatRatio(wallVsFloor),
        ],
        [
          'our collector, nothing changed',
          formatSeconds(ours.noChange.seconds),
          formatCount(ours.noChange.seen / ours.noChange.seconds),
          formatCount(ours.noChange.written),
          formatMiB(ours.peakRssMiB),
          formatRatio(ours.noChange.seconds / floor.seconds),
        ],
      ],
      numeric: [1, 2, 3, 4, 5],
    },
    notes: [
      `${formatCount(ours.backups)} Backups stored, ${formatCount(
        ours.first.seen,
      )} objects in all. No-change re-collection took ${noChangeVsFirst.toFixed(
        2,
      )} of the first. Peak RSS is the whole process's (Node, the TypeScript loader, knex, the client): ${formatMiB(
        ours.baselineRssMiB,
      )} for ours and ${formatMiB(
        floor.baselineRssMiB,
      )} for the floor before the first request.`,
    ],
    metrics: {
      'collector.wallVsFloor': wallVsFloor,
      'collector.noChangeVsFirst': noChangeVsFirst,
      'collector.peakRssMiB': ours.peakRssMiB,
      'collector.backups': ours.backups,
    },
  };
}
