import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import {
  startSimulator,
  type FaultSettings,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import knexFactory, { type Knex } from 'knex';
import { collectCluster } from '../../src/collector/collectCluster';
import { simulatedClusterConfig } from '../../src/collector/simulatedClusterConfig';
import { DatabaseResourceStore } from '../../src/database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../../src/database/migrations';
import type { ResourceStore } from '../../src/database/ResourceStore';
import { builtInResourceKinds } from '../../src/sources/builtInSources';

/** Staleness limit of the suite's stores: three 5-minute intervals. */
export const STALE_AFTER_MS = 15 * 60_000;

const RESOURCE_KINDS = builtInResourceKinds();

/** Logs nothing: the suite prints one line per fault. */
export const quietLogger = {
  error() {},
  warn() {},
  info() {},
  debug() {},
  child() {
    return quietLogger;
  },
};

/** A knex on a SQLite file that gives up on a locked database quickly. */
export function sqliteFile(filename: string): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      // better-sqlite3 waits for a lock synchronously, blocking the event
      // loop (the simulator's too): wait briefly, then fail as unavailable.
      afterCreate: (
        connection: { pragma(sql: string): unknown },
        done: (error: Error | null, connection: unknown) => void,
      ) => {
        connection.pragma('busy_timeout = 100');
        done(null, connection);
      },
    },
  });
}

/** Live uids per kind id in a store. */
export async function storedUids(
  knex: Knex,
  cluster: string,
): Promise<Set<string>> {
  const rows: string[] = await knex('resources')
    .pluck('uid')
    .where({ cluster })
    .whereNull('deleted_at');
  return new Set(rows);
}

/** One collection run's options, as the fault cases vary them. */
export interface CollectOptions {
  budgetMs?: number;
  requestTimeoutMs?: number;
  pageSize?: number;
  signal?: AbortSignal;
}

/** A fresh database holding the baseline collection of every cluster. */
export interface FaultDatabase {
  file: string;
  knex: Knex;
  store: DatabaseResourceStore;
}

/**
 * The simulator, a database template with every demo cluster collected
 * once, and the checks every fault must pass.
 */
export class FaultHarness {
  private constructor(
    readonly simulator: Simulator,
    private readonly workDir: string,
    private readonly template: string,
  ) {}

  static async create(workDir: string): Promise<FaultHarness> {
    // A frozen clock: the estate does not change while faults are tried.
    const simulator = await startSimulator({
      scenario: 'demo',
      startTime: new Date('2026-11-20T12:00:00.000Z'),
      speed: 0,
      // Bookmarks well within the watch faults' 1 s stall timeout, as a
      // real API server's minute is within the default 3 minutes.
      watchBookmarkIntervalMs: 250,
    });
    const template = path.join(workDir, 'baseline.sqlite');
    const harness = new FaultHarness(simulator, workDir, template);
    const knex = sqliteFile(template);
    await applyDatabaseMigrations(knex);
    const store = DatabaseResourceStore.create(knex, {
      staleAfterMs: STALE_AFTER_MS,
    });
    for (const cluster of harness.clusters) {
      const result = await harness.collect(cluster, store);
      assert.equal(result.status, 'succeeded', `baseline of ${cluster}`);
      await harness.assertComplete(knex, cluster);
    }
    await knex.destroy();
    return harness;
  }

  get clusters(): string[] {
    return this.simulator.clusters.map(c => c.name);
  }

  /** Copies the baseline database (every cluster collected once) to `file`. */
  copyBaseline(file: string): void {
    fs.copyFileSync(this.template, file);
  }

  /** A copy of the baseline database, for one fault. */
  async freshDatabase(name: string): Promise<FaultDatabase> {
    const file = path.join(this.workDir, `${name}.sqlite`);
    this.copyBaseline(file);
    const knex = sqliteFile(file);
    return {
      file,
      knex,
      store: DatabaseResourceStore.create(knex, {
        staleAfterMs: STALE_AFTER_MS,
      }),
    };
  }

  setFaults(cluster: string, faults: FaultSettings): void {
    this.simulator.setFaults(cluster, faults);
  }

  /** One collection run of a cluster into `store`. */
  collect(cluster: string, store: ResourceStore, options: CollectOptions = {}) {
    const info = this.simulator.clusters.find(c => c.name === cluster)!;
    return collectCluster({
      cluster: simulatedClusterConfig(info),
      resourceKinds: RESOURCE_KINDS,
      store,
      logger: quietLogger,
      pageSize: options.pageSize ?? 200,
      deadline: Date.now() + (options.budgetMs ?? 30_000),
      requestTimeoutMs: options.requestTimeoutMs ?? 2_000,
      maxRetryDelayMs: 10_000,
      signal: options.signal,
    });
  }

  /** Every object the simulator serves for the cluster. */
  servedUids(cluster: string): Set<string> {
    return new Set(
      RESOURCE_KINDS.flatMap(kind =>
        this.simulator
          .objects(cluster, kind.apiVersion, kind.kind)
          .map(object => object.metadata.uid as string),
      ),
    );
  }

  /** The store holds exactly what the cluster serves, nothing marked deleted. */
  async assertComplete(knex: Knex, cluster: string): Promise<void> {
    const served = this.servedUids(cluster);
    const stored = await storedUids(knex, cluster);
    const missing = [...served].filter(uid => !stored.has(uid));
    const extra = [...stored].filter(uid => !served.has(uid));
    assert.deepEqual(
      { missing: missing.length, extra: extra.length },
      { missing: 0, extra: 0 },
      `${cluster}: store and cluster differ`,
    );
    const [{ deleted }] = await knex('resources')
      .count({ deleted: '*' })
      .where({ cluster })
      .whereNotNull('deleted_at');
    assert.equal(Number(deleted), 0, `${cluster}: objects marked deleted`);
  }

  /** Nothing stored before is gone or marked deleted. */
  async assertNothingLost(
    knex: Knex,
    cluster: string,
    before: Set<string>,
  ): Promise<void> {
    const after = await storedUids(knex, cluster);
    const lost = [...before].filter(uid => !after.has(uid));
    assert.equal(lost.length, 0, `${cluster}: ${lost.length} objects lost`);
  }

  /**
   * Staleness shows once the last success is older than the limit, whatever
   * the latest run did, and the latest run is not a success.
   */
  async assertStaleAfterLimit(
    store: ResourceStore,
    cluster: string,
    staleAfterMs = STALE_AFTER_MS,
  ): Promise<void> {
    const { lastSuccessAt } = await this.health(store, cluster, new Date());
    assert.ok(lastSuccessAt, `${cluster}: no successful run kept`);
    const limit = new Date(Date.parse(lastSuccessAt) + staleAfterMs);
    const before = await this.health(store, cluster, limit);
    assert.equal(before.staleSince, undefined, `${cluster}: stale too early`);
    const after = await this.health(
      store,
      cluster,
      new Date(limit.getTime() + 1),
    );
    assert.equal(
      after.staleSince,
      limit.toISOString(),
      `${cluster}: not stale once the last success is too old`,
    );
    assert.notEqual(after.lastRun?.status, 'succeeded');
  }

  /** The cluster's next run succeeds and leaves it complete and current. */
  async assertRecovers(db: FaultDatabase, cluster: string): Promise<void> {
    const result = await this.collect(cluster, db.store);
    assert.equal(
      result.status,
      'succeeded',
      `${cluster}: next run ${result.error}`,
    );
    assert.equal(result.deleted, 0);
    await this.assertComplete(db.knex, cluster);
    const health = await this.health(db.store, cluster, new Date());
    assert.equal(health.staleSince, undefined, `${cluster}: still stale`);
    assert.equal(health.lastError, undefined, `${cluster}: error kept`);
    const [{ open }] = await db
      .knex('collection_runs')
      .count({ open: '*' })
      .where({ cluster, status: 'running' });
    assert.equal(Number(open), 0, `${cluster}: a run was left running`);
  }

  async health(store: ResourceStore, cluster: string, now: Date) {
    const health = (await store.listClusterHealth({ now })).find(
      h => h.name === cluster,
    );
    assert.ok(health, `${cluster}: no collection health`);
    return health;
  }

  stop(): Promise<void> {
    return this.simulator.stop();
  }
}
