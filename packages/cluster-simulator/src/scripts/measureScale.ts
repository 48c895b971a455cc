import { startSimulator } from '../simulator.ts';

/**
 * `yarn workspace @dr-posture/cluster-simulator measure:scale`: starts the
 * default `scale` scenario (216,000 Backups over 50 clusters), prints its
 * start-up time and resident memory, then lists every Backup of every
 * cluster with `limit=500` pagination and checks each arrives exactly once.
 */

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;

async function main() {
  const started = performance.now();
  const simulator = await startSimulator({ scenario: 'scale', speed: 0 });
  const startupMs = performance.now() - started;
  (globalThis as { gc?: () => void }).gc?.();
  const memory = process.memoryUsage();
  const backups = simulator.clusters.reduce(
    (sum, c) =>
      sum + simulator.objects(c.name, 'velero.io/v1', 'Backup').length,
    0,
  );
  process.stdout.write(
    `scale scenario: ${simulator.clusters.length} clusters, ${backups} Backups\n` +
      `start-up: ${(startupMs / 1000).toFixed(1)} s\n` +
      `resident memory after start-up: ${mib(memory.rss)} (heap used ${mib(
        memory.heapUsed,
      )})\n`,
  );
  const listStarted = performance.now();
  let listed = 0;
  let pages = 0;
  for (const cluster of simulator.clusters) {
    const names = new Set<string>();
    let token: string | undefined;
    do {
      const query = new URLSearchParams({
        limit: '500',
        ...(token ? { continue: token } : {}),
      });
      const response = await fetch(
        `${cluster.url}/apis/velero.io/v1/backups?${query}`,
        {
          headers: { Authorization: `Bearer ${cluster.token}` },
        },
      );
      if (!response.ok) {
        throw new Error(
          `${cluster.name}: HTTP ${response.status} ${await response.text()}`,
        );
      }
      const page = (await response.json()) as {
        items: Array<{ metadata: { name: string } }>;
        metadata: { continue?: string };
      };
      page.items.forEach(item => names.add(item.metadata.name));
      listed += page.items.length;
      pages++;
      token = page.metadata.continue;
    } while (token);
    const expected = simulator.objects(
      cluster.name,
      'velero.io/v1',
      'Backup',
    ).length;
    if (names.size !== expected) {
      throw new Error(
        `${cluster.name}: listed ${names.size} distinct Backups, expected ${expected}`,
      );
    }
  }
  const listSeconds = (performance.now() - listStarted) / 1000;
  process.stdout.write(
    `full paginated list: ${listed} Backups in ${pages} pages of up to 500, ${listSeconds.toFixed(
      1,
    )} s, each exactly once\n` +
      `resident memory after listing: ${mib(process.memoryUsage().rss)}\n`,
  );
  await simulator.stop();
}

main().catch(error => {
  process.stderr.write(
    `${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exit(1);
});
