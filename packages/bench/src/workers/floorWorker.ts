/*
 * The floor the collector cannot beat: list the same kinds page by page with
 * @kubernetes/client-node and insert the same rows with plain batched
 * knex inserts into an empty table; no bookkeeping, no change detection.
 * Prints one JSON line.
 */
import {
  builtInResourceKinds,
  kubeConfigFor,
  resourceRow,
  simulatedClusterConfig,
} from '../backendInternals';
import { CoreV1Api, CustomObjectsApi } from '@kubernetes/client-node';
import type { SimulatedCluster } from '../infra/simulatorProcess';
import {
  eachCluster,
  openWorkerDatabase,
  peakRssMiB,
  readWorkerInput,
  type WorkerRun,
} from './workerInput';

/** Rows per insert statement, as the collector's store writes them. */
const INSERT_CHUNK = 200;

type Page = {
  items?: unknown[];
  metadata?: { _continue?: string; continue?: string };
};

function clientsFor(cluster: SimulatedCluster) {
  const kubeConfig = kubeConfigFor(simulatedClusterConfig(cluster));
  return {
    core: kubeConfig.makeApiClient(CoreV1Api),
    custom: kubeConfig.makeApiClient(CustomObjectsApi),
  };
}

async function main() {
  const input = readWorkerInput();
  const knex = await openWorkerDatabase(input);
  try {
    const kinds = builtInResourceKinds();
    const baselineRssMiB = process.memoryUsage().rss / 2 ** 20;
    const run = { seen: 0, written: 0 };
    const seenAt = new Date();
    const seconds = await eachCluster(input, async cluster => {
      const { core, custom } = clientsFor(cluster);
      for (const kind of kinds) {
        const [group, version] = kind.apiVersion.includes('/')
          ? kind.apiVersion.split('/')
          : ['', kind.apiVersion];
        let token: string | undefined;
        do {
          const request = { limit: input.pageSize, _continue: token };
          let page: Page;
          try {
            if (!group && kind.plural === 'pods') {
              page = await core.listPodForAllNamespaces(request);
            } else if (!group && kind.plural === 'persistentvolumeclaims') {
              page = await core.listPersistentVolumeClaimForAllNamespaces(
                request,
              );
            } else if (!group && kind.plural === 'namespaces') {
              page = await core.listNamespace(request);
            } else if (!group && kind.plural === 'nodes') {
              page = await core.listNode(request);
            } else if (!group) {
              throw new Error(`the floor lists no core kind ${kind.plural}`);
            } else {
              page = (await custom.listClusterCustomObject({
                group,
                version,
                plural: kind.plural,
                ...request,
              })) as Page;
            }
          } catch (error) {
            // A kind the cluster does not serve (no CloudNativePG) has no rows.
            if ((error as { code?: number }).code === 404) break;
            throw error;
          }
          const items = page.items ?? [];
          run.seen += items.length;
          const rows = items.map(item =>
            resourceRow(cluster.name, kind.id, kind.toRow(item), item, seenAt),
          );
          for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
            await knex('resources').insert(rows.slice(i, i + INSERT_CHUNK));
          }
          run.written += rows.length;
          token =
            page.metadata?._continue || page.metadata?.continue || undefined;
        } while (token);
      }
    });
    const result: WorkerRun & { baselineRssMiB: number; peakRssMiB: number } = {
      seconds,
      ...run,
      baselineRssMiB,
      peakRssMiB: peakRssMiB(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await knex.destroy();
  }
}

main().catch(error => {
  process.stderr.write(`${error instanceof Error ? error.stack : error}\n`);
  process.exit(1);
});
