import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import type { Knex } from 'knex';
import { ABANDONED_RUN_ERROR } from '../../src/database/closeAbandonedRuns';
import { DatabaseResourceStore } from '../../src/database/DatabaseResourceStore';
import { sqliteFile, storedUids, type FaultHarness } from './faultHarness';

const PACKAGE = '@dr-posture/plugin-disaster-recovery-backend';

/** The child backend's collection: quick runs, so the case is quick. */
const FREQUENCY_MS = 2_000;
// A run's budget is its timeout less 5 s: 15 s lists the demo estate on a
// loaded 2-core machine, where 5 s timed out run after run.
const TIMEOUT_MS = 20_000;
const STALE_AFTER_MS = 3 * FREQUENCY_MS;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs: number,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    // The child writes the same SQLite file: a locked read is tried again.
    const found = await probe().catch(() => undefined);
    if (found !== undefined) return found;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}

interface RunRow {
  id: number;
  cluster: string;
  status: string;
  error: string | null;
  started_at: number | string | Date;
}

function latestRun(knex: Knex, where: (q: Knex.QueryBuilder) => void) {
  return async (): Promise<RunRow | undefined> => {
    const query = knex('collection_runs').select().orderBy('id', 'desc');
    where(query);
    return (await query.first()) ?? undefined;
  };
}

/** A backend with only this plugin, in a child process of its own. */
class ChildBackend {
  private constructor(private readonly child: ChildProcess) {}

  static start(configFile: string, logFile: string): ChildBackend {
    const log = fs.openSync(logFile, 'a');
    const child = spawn(
      process.execPath,
      [
        '--require',
        require.resolve('@backstage/cli/config/nodeTransform.cjs'),
        resolvePackagePath(PACKAGE, 'dev/faults/backendChild.ts'),
        '--config',
        configFile,
      ],
      { cwd: resolvePackagePath(PACKAGE), stdio: ['ignore', log, log] },
    );
    fs.closeSync(log);
    return new ChildBackend(child);
  }

  stop(signal: NodeJS.Signals): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) {
      return Promise.resolve();
    }
    return new Promise(resolve => {
      this.child.once('exit', () => resolve());
      this.child.kill(signal);
    });
  }
}

/**
 * The backend process is killed with SIGKILL in the middle of a run: the run
 * stays `running` in the database, nothing is lost, the cluster goes stale
 * from the age of its last success, and the restarted backend closes the
 * run and collects again.
 */
export async function backendKilledMidRun(
  harness: FaultHarness,
  workDir: string,
): Promise<void> {
  const [target, other] = harness.clusters;
  const dir = path.join(workDir, 'killed-backend');
  fs.mkdirSync(dir, { recursive: true });
  const port = await freePort();
  const configFile = path.join(dir, 'app-config.yaml');
  const logFile = path.join(dir, 'backend.log');
  // JSON is YAML: the backend reads it like any app-config file.
  fs.writeFileSync(
    configFile,
    JSON.stringify({
      backend: {
        baseUrl: `http://127.0.0.1:${port}`,
        listen: { host: '127.0.0.1', port },
        database: { client: 'better-sqlite3', connection: { directory: dir } },
      },
      disasterRecovery: {
        clusters: harness.simulator.clusters
          .filter(c => c.name === target || c.name === other)
          .map(c => ({
            name: c.name,
            url: c.url,
            authProvider: 'serviceAccount',
            serviceAccountToken: c.token,
            caData: c.caData,
          })),
        collection: {
          // Runs that each list the cluster, killed while one lists.
          mode: 'poll',
          frequency: { milliseconds: FREQUENCY_MS },
          timeout: { milliseconds: TIMEOUT_MS },
          initialDelay: { seconds: 0 },
          pageSize: 50,
        },
        posture: { evaluationFrequency: { hours: 24 } },
      },
    }),
  );
  // The backend's plugin database (its SQLite file in `directory` mode)
  // starts with what was collected already, as after earlier runs.
  const dbFile = path.join(dir, 'disaster-recovery.sqlite');
  harness.copyBaseline(dbFile);
  const knex = sqliteFile(dbFile);
  const db = knex;
  const [{ lastRun }] = await db('collection_runs').max({ lastRun: 'id' });
  const succeeded = (cluster: string) =>
    latestRun(db, q => q.where({ cluster, status: 'succeeded' }));
  const succeededAfter = (cluster: string, id: number) => async () => {
    const run = await succeeded(cluster)();
    return run && run.id > id ? run : undefined;
  };

  let backend = ChildBackend.start(configFile, logFile);
  try {
    await waitFor(
      'a first run of each cluster',
      async () =>
        (await succeededAfter(target, lastRun)()) &&
        (await succeededAfter(other, lastRun)())
          ? true
          : undefined,
      60_000,
    );
    const before = {
      [target]: await storedUids(db, target),
      [other]: await storedUids(db, other),
    };

    // Slow answers make the next run of the target last; kill it midway.
    harness.setFaults(target, { latencyMs: 200 });
    const killed = await waitFor(
      'a run midway',
      async () => {
        const run = await latestRun(db, q =>
          q.where({ cluster: target, status: 'running' }),
        )();
        return run && harness.simulator.faultStats(target).requests >= 4
          ? run
          : undefined;
      },
      30_000,
    );
    await backend.stop('SIGKILL');
    harness.setFaults(target, {});

    const store = DatabaseResourceStore.create(db, {
      staleAfterMs: STALE_AFTER_MS,
    });
    const left = await latestRun(db, q => q.where({ id: killed.id }))();
    assert.equal(
      left?.status,
      'running',
      'the killed run was closed by no one',
    );
    for (const cluster of [target, other]) {
      await harness.assertNothingLost(db, cluster, before[cluster]);
    }
    await harness.assertStaleAfterLimit(store, target, STALE_AFTER_MS);

    // The restart closes the run once no live process can hold it: after
    // its task timeout, when the scheduler's lock on it has expired too
    // (SQLite compares whole seconds, hence the margin; otherwise the
    // scheduler's janitor frees the lock only a minute later).
    const startedAt = new Date(killed.started_at).getTime();
    await new Promise(resolve =>
      setTimeout(
        resolve,
        Math.max(0, startedAt + TIMEOUT_MS + 2_000 - Date.now()),
      ),
    );
    backend = ChildBackend.start(configFile, logFile);
    await waitFor(
      'a successful run after the restart',
      succeededAfter(target, killed.id),
      60_000,
    );
    const closed = await latestRun(db, q => q.where({ id: killed.id }))();
    assert.equal(closed?.status, 'failed');
    assert.equal(closed?.error, ABANDONED_RUN_ERROR);
    await waitFor(
      'a successful run of the other cluster after the restart',
      succeededAfter(other, killed.id),
      60_000,
    );
    for (const cluster of [target, other]) {
      await harness.assertComplete(db, cluster);
    }
    const health = await harness.health(store, target, new Date());
    assert.equal(health.staleSince, undefined, 'still stale after recovery');
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '';
    throw new Error(
      `${(error as Error).message}\n--- last lines of ${logFile} ---\n${log
        .split('\n')
        .slice(-15)
        .join('\n')}`,
    );
  } finally {
    await backend.stop('SIGTERM');
    await knex.destroy();
  }
}
