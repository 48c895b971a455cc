import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { stopChild } from './childProcess';
import { fetchJson, freePort, waitFor } from './http';
import { POSTGRES_URL, databasePrefix, dropDatabases } from './postgres';
import { REPO_ROOT, typescriptNodeArgs } from './repository';
import type { SimulatedCluster } from './simulatorProcess';

/** A running `packages/backend` on PostgreSQL with the benchmark's config. */
export interface BackendProcess {
  baseUrl: string;
  /** A guest user's token, as the app gets it when it signs in. */
  userToken(): Promise<string>;
  stop(): Promise<void>;
}

/** Velero's kinds for the Kubernetes plugin's `customResources`. */
export const VELERO_CUSTOM_RESOURCES = [
  { group: 'velero.io', apiVersion: 'v1', plural: 'backups' },
  { group: 'velero.io', apiVersion: 'v1', plural: 'schedules' },
];

/**
 * The whole configuration of a benchmark backend: no app-config.yaml is
 * read, so the demo's catalog and clusters (and its ports) stay out.
 */
export function benchBackendConfig(options: {
  port: number;
  databasePrefix: string;
  postgresUrl: string;
  clusters: SimulatedCluster[];
  entitiesFile: string;
}) {
  const baseUrl = `http://127.0.0.1:${options.port}`;
  const postgres = new URL(options.postgresUrl);
  return {
    app: { title: 'DR Posture benchmark', baseUrl },
    backend: {
      baseUrl,
      listen: { port: options.port, host: '127.0.0.1' },
      database: {
        client: 'pg',
        prefix: options.databasePrefix,
        connection: {
          host: postgres.hostname,
          port: Number(postgres.port || 5432),
          user: decodeURIComponent(postgres.username || 'postgres'),
          password: decodeURIComponent(postgres.password),
        },
      },
    },
    auth: { environment: 'development', providers: { guest: {} } },
    catalog: {
      rules: [{ allow: ['Component', 'System', 'Group', 'Location'] }],
      locations: [{ type: 'file', target: options.entitiesFile }],
    },
    kubernetes: {
      serviceLocatorMethod: { type: 'multiTenant' },
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: options.clusters.map(cluster => ({
            name: cluster.name,
            url: cluster.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: cluster.token,
            skipTLSVerify: true,
            // The simulator serves no metrics API.
            skipMetricsLookup: true,
          })),
        },
      ],
      // Only what the simulator serves: it has no Deployments, Services and
      // the rest of the default types, and their 404s would cost the
      // Kubernetes plugin a logged warning each that a real cluster's empty
      // list would not.
      objectTypes: ['pods'],
      customResources: VELERO_CUSTOM_RESOURCES,
    },
    // Posture evaluation keeps its default cadence (every minute), as a
    // portal runs it; only the first collection starts sooner.
    disasterRecovery: { collection: { initialDelay: { seconds: 1 } } },
    techInsights: {
      factRetrievers: {
        disasterRecoveryFactRetriever: {
          cadence: '0 0 1 1 *',
          lifecycle: { timeToLive: { weeks: 2 } },
        },
      },
    },
  };
}

/** Writes catalog entities as one YAML stream (JSON is YAML). */
export function writeEntitiesFile(file: string, entities: unknown[]): void {
  fs.writeFileSync(
    file,
    entities.map(entity => `---\n${JSON.stringify(entity)}\n`).join(''),
  );
}

/**
 * Starts `packages/backend` (every plugin the portal runs) with its own
 * PostgreSQL databases, which are dropped again by `stop`.
 */
export async function startBackend(options: {
  label: string;
  workDir: string;
  clusters: SimulatedCluster[];
  entities: unknown[];
}): Promise<BackendProcess> {
  const port = await freePort();
  const prefix = databasePrefix(options.label);
  const entitiesFile = path.join(
    options.workDir,
    `${options.label}-entities.yaml`,
  );
  writeEntitiesFile(entitiesFile, options.entities);
  const configFile = path.join(options.workDir, `${options.label}-config.yaml`);
  fs.writeFileSync(
    configFile,
    JSON.stringify(
      benchBackendConfig({
        port,
        databasePrefix: prefix,
        postgresUrl: POSTGRES_URL,
        clusters: options.clusters,
        entitiesFile,
      }),
      null,
      2,
    ),
  );
  const logFile = path.join(options.workDir, `${options.label}-backend.log`);
  const log = fs.openSync(logFile, 'a');
  const backendDir = path.join(REPO_ROOT, 'packages/backend');
  const child: ChildProcess = spawn(
    process.execPath,
    typescriptNodeArgs('src/index.ts', ['--config', configFile]),
    {
      cwd: backendDir,
      env: { ...process.env, LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', log, log],
    },
  );
  fs.closeSync(log);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child);
    await dropDatabases(prefix);
  };
  try {
    await waitFor(
      'the backend to be ready',
      async () => {
        if (child.exitCode !== null) {
          throw new Error(
            `backend exited with ${child.exitCode}; see ${logFile}`,
          );
        }
        const response = await fetch(
          `${baseUrl}/.backstage/health/v1/readiness`,
        );
        return response.ok ? true : undefined;
      },
      { timeoutMs: 180_000 },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    baseUrl,
    async userToken() {
      const session = await fetchJson<{
        backstageIdentity: { token: string };
      }>(`${baseUrl}/api/auth/guest/refresh`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
      return session.backstageIdentity.token;
    },
    stop,
  };
}
