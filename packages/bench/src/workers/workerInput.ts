import type { LoggerService } from '@backstage/backend-plugin-api';
import { applyDatabaseMigrations } from '../backendInternals';
import knexFactory, { type Knex } from 'knex';
import type { SimulatedCluster } from '../infra/simulatorProcess';

/** What the collector and floor workers are given (as JSON in argv). */
export interface WorkerInput {
  clusters: SimulatedCluster[];
  databaseUrl: string;
  pageSize: number;
  /** Clusters collected at the same time, as scheduler workers would. */
  concurrency: number;
}

/** What a worker prints as its last line. */
export interface WorkerRun {
  seconds: number;
  seen: number;
  written: number;
}

export function readWorkerInput(): WorkerInput {
  return JSON.parse(process.argv[2]) as WorkerInput;
}

/** This process's peak resident memory so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

/** Runs `work` on every cluster, `concurrency` clusters at a time. */
export async function eachCluster(
  input: WorkerInput,
  work: (cluster: SimulatedCluster) => Promise<void>,
): Promise<number> {
  const started = process.hrtime.bigint();
  const queue = [...input.clusters];
  await Promise.all(
    Array.from({ length: input.concurrency }, async () => {
      for (let cluster = queue.shift(); cluster; cluster = queue.shift()) {
        await work(cluster);
      }
    }),
  );
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Quiet about progress, loud about problems. */
export const quietLogger: LoggerService = {
  debug: () => {},
  info: () => {},
  warn: message => process.stderr.write(`warn: ${message}\n`),
  error: message => process.stderr.write(`error: ${message}\n`),
  child: () => quietLogger,
};

/** The worker's empty database with the plugin's tables, as the plugin makes them. */
export async function openWorkerDatabase(input: WorkerInput): Promise<Knex> {
  const knex = knexFactory({
    client: 'pg',
    connection: input.databaseUrl,
    pool: { min: 0, max: 10 },
  });
  await applyDatabaseMigrations(knex);
  return knex;
}
