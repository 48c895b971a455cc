/*
 * Collects the scale estate by watching or by polling, as the backend's
 * scheduled tasks would (watch runs back to back; lists every poll
 * interval), and with entities evaluates their posture too: incrementally
 * after watches, fully on a cadence after polls, as the plugin did before it
 * watched. `cpu` measures the collector's CPU for a first collection and
 * then with nothing changing; `latency` runs until the stop file appears.
 * Prints one JSON line.
 */
import fs from 'node:fs';
import type { Entity } from '@backstage/catalog-model';
import {
  builtInResourceKinds,
  collectCluster,
  DatabaseResourceStore,
  simulatedClusterConfig,
} from '../backendInternals';
import { benchEvaluator } from '../infra/benchEvaluator';
import { watchCluster, type WatchSettings } from '../liveInternals';
import type { SimulatedCluster } from '../infra/simulatorProcess';
import { openWorkerDatabase, quietLogger } from './workerInput';

/** What the suite hands the worker (as a JSON file named in argv). */
export interface LiveWorkerInput {
  job: 'cpu' | 'latency';
  mode: 'watch' | 'poll';
  clusters: SimulatedCluster[];
  databaseUrl: string;
  pageSize: number;
  concurrency: number;
  /** Appears when the suite is done with the worker (`latency`). */
  stopFile: string;
  /** How long one watch run holds its cluster's watches (`watch.holdFor`). */
  holdForMs: number;
  settings: WatchSettings;
  /** How often each cluster is listed when polling. */
  pollEveryMs: number;
  /** The plugin's default poll interval, which idle polling CPU is counted at. */
  defaultPollEveryMs: number;
  /** How often every entity is evaluated after polls. */
  evaluateEveryMs: number;
  /** How long the watch is measured with nothing changing (`cpu`). */
  idleMs: number;
  entities: Entity[];
}

/** What the `cpu` job measured. */
export interface LiveCpuOutput {
  firstCpuSeconds: number;
  firstWallSeconds: number;
  /**
   * Collector CPU an hour with nothing changing; when watching, held
   * streams plus the hour's handovers and safety-net relists.
   */
  idleCpuSecondsPerHour: number;
  /** How that was measured, in words. */
  idleBasis: string;
  reconnects: number;
  runs: number;
}

/** From the end of the first collection to the start of the idle window. */
const SETTLE_MS = 45_000;

/** Waits `ms`, or less once `signal` fires. */
function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise(resolve => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

async function main() {
  const input = JSON.parse(
    fs.readFileSync(process.argv[2], 'utf8'),
  ) as LiveWorkerInput;
  const knex = await openWorkerDatabase(input);
  const store = DatabaseResourceStore.create(knex);
  const resourceKinds = builtInResourceKinds();
  let stopping = new AbortController();
  const stats = { runs: 0, reconnects: 0 };
  const common = (cluster: SimulatedCluster) => ({
    cluster: simulatedClusterConfig(cluster),
    resourceKinds,
    store,
    logger: quietLogger,
    pageSize: input.pageSize,
  });

  const watchLoops = (signal: AbortSignal) =>
    input.clusters.map(async cluster => {
      while (!signal.aborted) {
        const result = await watchCluster({
          ...common(cluster),
          deadline: Date.now() + input.holdForMs,
          settings: input.settings,
          signal,
        });
        stats.runs += 1;
        stats.reconnects += result.reconnects;
        if (result.status === 'failed' && !signal.aborted) {
          process.stderr.write(`watch of ${cluster.name}: ${result.error}\n`);
          await sleep(1_000);
        }
      }
    });
  const pollAll = async () => {
    const queue = [...input.clusters];
    await Promise.all(
      Array.from({ length: input.concurrency }, async () => {
        for (let c = queue.shift(); c; c = queue.shift()) {
          const result = await collectCluster({
            ...common(c),
            deadline: Date.now() + 30 * 60_000,
          });
          stats.runs += 1;
          if (result.status !== 'succeeded') {
            throw new Error(`collecting ${c.name} failed: ${result.error}`);
          }
        }
      }),
    );
  };
  const watchingAll = async () => {
    for (;;) {
      const positions = await Promise.all(
        input.clusters.map(c => store.watchPosition(c.name)),
      );
      if (positions.every(Boolean)) return;
      await sleep(200);
    }
  };

  try {
    if (input.job === 'cpu') {
      const started = Date.now();
      const cpuAtStart = cpuSeconds();
      let output: LiveCpuOutput;
      if (input.mode === 'poll') {
        await pollAll();
        const first = cpuSeconds() - cpuAtStart;
        const firstWallSeconds = (Date.now() - started) / 1000;
        const before = cpuSeconds();
        await pollAll();
        const noChange = cpuSeconds() - before;
        output = {
          firstCpuSeconds: first,
          firstWallSeconds,
          idleCpuSecondsPerHour:
            noChange * (3_600_000 / input.defaultPollEveryMs),
          idleBasis: `one no-change collection of every cluster (${noChange.toFixed(
            2,
          )} s CPU) × ${3_600_000 / input.defaultPollEveryMs} an hour`,
          reconnects: 0,
          runs: stats.runs,
        };
      } else {
        let loops = watchLoops(stopping.signal);
        await watchingAll();
        const first = cpuSeconds() - cpuAtStart;
        const firstWallSeconds = (Date.now() - started) / 1000;
        // Held streams: no run ends within the window (holds are longer).
        // It opens once V8 has collected the first collection's garbage,
        // which it does some 30 s after the work stops (seen in profiles).
        await sleep(SETTLE_MS);
        const before = cpuSeconds();
        const idleStart = Date.now();
        await sleep(input.idleMs);
        const held = cpuSeconds() - before;
        const heldSeconds = (Date.now() - idleStart) / 1000;
        const heldRate = held / heldSeconds;
        // One handover of every cluster, as at the end of a hold: every
        // run stops, the next resumes from the store and reopens its
        // streams (given 5 s, less the held rate).
        const handoverStart = cpuSeconds();
        const handoverWall = Date.now();
        stopping.abort();
        await Promise.all(loops);
        stopping = new AbortController();
        loops = watchLoops(stopping.signal);
        await sleep(5_000);
        const handover =
          cpuSeconds() -
          handoverStart -
          heldRate * ((Date.now() - handoverWall) / 1000);
        stopping.abort();
        await Promise.all(loops);
        // One safety-net relist of every cluster: a complete listing.
        const relistStart = cpuSeconds();
        await pollAll();
        const relist = cpuSeconds() - relistStart;
        const handoversAnHour = 3_600_000 / input.holdForMs;
        const relistsAnHour = 3_600_000 / input.settings.relistAfterMs;
        output = {
          firstCpuSeconds: first,
          firstWallSeconds,
          idleCpuSecondsPerHour:
            heldRate * 3600 +
            handover * handoversAnHour +
            relist * relistsAnHour,
          idleBasis: `${(heldRate * 3600).toFixed(
            2,
          )} s of held streams (${held.toFixed(
            2,
          )} s CPU over ${heldSeconds.toFixed(
            0,
          )} s) + ${handoversAnHour.toFixed(1)} handovers of ${handover.toFixed(
            2,
          )} s (every ${
            input.holdForMs / 60_000
          } min) + ${relistsAnHour.toFixed(1)} relists of ${relist.toFixed(
            2,
          )} s`,
          reconnects: stats.reconnects,
          runs: stats.runs,
        };
      }
      process.stdout.write(`${JSON.stringify(output)}\n`);
      return;
    }

    const evaluator = benchEvaluator({
      knex,
      store,
      entities: input.entities,
      clusters: input.clusters,
      resourceKinds,
    });
    let evaluations = 0;
    const collecting =
      input.mode === 'watch'
        ? watchLoops(stopping.signal)
        : [
            (async () => {
              while (!stopping.signal.aborted) {
                const at = Date.now();
                await pollAll();
                await sleep(
                  Math.max(0, at + input.pollEveryMs - Date.now()),
                  stopping.signal,
                );
              }
            })(),
          ];
    const evaluating = (async () => {
      // Watches are judged in rounds; polls by a full evaluation each time.
      const every = input.mode === 'watch' ? 2_000 : input.evaluateEveryMs;
      while (!stopping.signal.aborted) {
        const at = Date.now();
        if (input.mode === 'watch') await evaluator.evaluateTurn();
        else await evaluator.evaluateAll();
        evaluations += 1;
        await sleep(Math.max(0, at + every - Date.now()), stopping.signal);
      }
    })();
    while (!fs.existsSync(input.stopFile)) await sleep(200);
    stopping.abort();
    await Promise.all([...collecting, evaluating]);
    process.stdout.write(`${JSON.stringify({ evaluations, ...stats })}\n`);
  } finally {
    await knex.destroy();
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
