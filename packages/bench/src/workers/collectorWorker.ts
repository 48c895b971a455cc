/*
 * Collects every cluster with the plugin's collector into an empty
 * database, then again with nothing changed; prints one JSON line.
 */
import {
  builtInResourceKinds,
  collectCluster,
  DatabaseResourceStore,
  simulatedClusterConfig,
} from '../backendInternals';
import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import {
  eachCluster,
  openWorkerDatabase,
  peakRssMiB,
  quietLogger,
  readWorkerInput,
  type WorkerRun,
} from './workerInput';

async function main() {
  const input = readWorkerInput();
  const knex = await openWorkerDatabase(input);
  try {
    const store = DatabaseResourceStore.create(knex);
    const resourceKinds = builtInResourceKinds();
    const baselineRssMiB = process.memoryUsage().rss / 2 ** 20;
    const collectAll = async (): Promise<WorkerRun> => {
      const run = { seen: 0, written: 0 };
      const seconds = await eachCluster(input, async cluster => {
        const result = await collectCluster({
          cluster: simulatedClusterConfig(cluster),
          resourceKinds,
          store,
          logger: quietLogger,
          pageSize: input.pageSize,
          deadline: Date.now() + 30 * 60_000,
        });
        if (result.status !== 'succeeded') {
          throw new Error(`collecting ${cluster.name} failed: ${result.error}`);
        }
        run.seen += result.seen;
        run.written += result.written;
      });
      return { seconds, ...run };
    };
    const first = await collectAll();
    const firstPeakRssMiB = peakRssMiB();
    const noChange = await collectAll();
    const [{ backups }] = await knex('resources')
      .where({ kind: RECORD_KINDS.veleroBackup.id })
      .count({ backups: '*' });
    process.stdout.write(
      `${JSON.stringify({
        first,
        noChange,
        backups: Number(backups),
        baselineRssMiB,
        firstPeakRssMiB,
        peakRssMiB: peakRssMiB(),
      })}\n`,
    );
  } finally {
    await knex.destroy();
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
