import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopChild } from './childProcess';
import { REPO_ROOT } from './repository';

/** One simulated cluster as the simulator CLI prints it. */
export interface SimulatedCluster {
  name: string;
  url: string;
  token: string;
}

/** A running simulator child process. */
export interface SimulatorProcess {
  url: string;
  clusters: SimulatedCluster[];
  /** Delays every API answer of every cluster by `latencyMs`. */
  setLatency(latencyMs: number): Promise<void>;
  stop(): Promise<void>;
}

/** The `scale` scenario's size. */
export interface ScaleEstate {
  clusters: number;
  namespaces: number;
  days: number;
  /** Five-field cron of every schedule; default hourly. */
  cron?: string;
}

/**
 * Starts the cluster simulator's `scale` scenario in its own process (so its
 * work is not timed as ours) with a frozen clock, so that every list call
 * and every run sees the same estate.
 */
export function startSimulatorProcess(
  estate: ScaleEstate,
  logFile: string,
): Promise<SimulatorProcess> {
  const log = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [
      // The simulator imports -common's sources, which plain type
      // stripping cannot load; Backstage's transform can.
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      path.join(REPO_ROOT, 'packages/cluster-simulator/src/cli.ts'),
      '--scenario',
      'scale',
      '--port',
      '0',
      '--speed',
      '0',
      // Plain HTTP, as the figures so far were measured; the admin calls
      // below use fetch, which trusts no custom CA.
      '--plain-http',
      '--clusters',
      String(estate.clusters),
      '--namespaces',
      String(estate.namespaces),
      '--days',
      String(estate.days),
      ...(estate.cron ? ['--cron', estate.cron] : []),
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', log] },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    const onExit = (code: number | null) =>
      reject(new Error(`simulator exited with ${code}; see ${logFile}`));
    child.once('exit', onExit);
    child.stdout!.on('data', chunk => {
      output += chunk;
      const admin = output.match(
        /^admin API: (\S+)\/admin \(Authorization: Bearer (\S+)\)$/m,
      );
      if (!admin) return;
      child.off('exit', onExit);
      fs.closeSync(log);
      const [, url, adminToken] = admin;
      const clusters = [
        ...output.matchAll(/^ {2}(\S+) {2}(http\S+) {2}(\S+)$/gm),
      ].map(([, name, clusterUrl, token]) => ({
        name,
        url: clusterUrl,
        token,
      }));
      resolve({
        url,
        clusters,
        async setLatency(latencyMs) {
          for (const cluster of clusters) {
            const response = await fetch(
              `${url}/admin/clusters/${cluster.name}/faults`,
              {
                method: 'PUT',
                headers: {
                  authorization: `Bearer ${adminToken}`,
                  'content-type': 'application/json',
                },
                body: JSON.stringify({ latencyMs }),
              },
            );
            if (!response.ok) {
              throw new Error(
                `setting the latency of ${cluster.name}: ${response.status}`,
              );
            }
          }
        },
        stop: () => stopChild(child),
      });
    });
  });
}
