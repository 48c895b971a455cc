import type {
  CollectedObject,
  RecordKind,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { CollectedRow } from '@dr-posture/plugin-disaster-recovery-node';
import { finishedRecord } from './finishedRecord';
import type { Knex } from 'knex';
import {
  SuspiciousDeletionError,
  type ClusterHealth,
  type ResourceStore,
  type RunCounts,
  type RunDetails,
} from './ResourceStore';

/** Rows per statement: well under SQLite's bound-variable limit. */
const WRITE_CHUNK = 200;
/** Uids per `where in` list. */
const UID_CHUNK = 500;

function chunks<T>(items: T[], size: number): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) {
    result.push(items.slice(i, i + size));
  }
  return result;
}

/** SQLite hands back epoch milliseconds, PostgreSQL and MySQL Dates. */
function toIso(value: unknown): string | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const date =
    value instanceof Date ? value : new Date(value as string | number);
  return date.toISOString();
}

/**
 * The `resources` row of a collected object, first seen at `seenAt`; the
 * collector's floor benchmark inserts exactly these rows.
 */
export function resourceRow(
  cluster: string,
  kind: string,
  row: CollectedRow,
  raw: unknown,
  seenAt: Date,
) {
  return {
    cluster,
    uid: row.uid,
    kind,
    namespace: row.namespace,
    name: row.name,
    resource_version: row.resourceVersion ?? null,
    record: JSON.stringify(row.record),
    raw: JSON.stringify(raw),
    first_seen_at: seenAt,
    last_seen_at: seenAt,
    deleted_at: null,
  };
}

/** {@link ResourceStore} on the plugin's own database. */
export class DatabaseResourceStore implements ResourceStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseResourceStore {
    return new DatabaseResourceStore(db);
  }

  async startRun(cluster: string, startedAt: Date): Promise<number> {
    await this.db('clusters')
      .insert({ name: cluster, last_run_started_at: startedAt })
      .onConflict('name')
      .merge(['last_run_started_at']);
    const insert = this.db('collection_runs').insert({
      cluster,
      started_at: startedAt,
      status: 'running',
    });
    // MySQL has no RETURNING and answers with the new id itself.
    const [inserted] = String(this.db.client.config.client).includes('mysql')
      ? await insert
      : await insert.returning('id');
    return typeof inserted === 'object'
      ? Number(inserted.id)
      : Number(inserted);
  }

  async storedVersions(
    cluster: string,
    uids: string[],
  ): Promise<Map<string, string>> {
    const versions = new Map<string, string>();
    for (const batch of chunks(uids, UID_CHUNK)) {
      const found = await this.db('resources')
        .select('uid', 'resource_version')
        .where({ cluster })
        .whereIn('uid', batch)
        .whereNull('deleted_at')
        .whereNotNull('resource_version');
      for (const row of found) {
        versions.set(row.uid, row.resource_version);
      }
    }
    return versions;
  }

  async upsertPage(
    cluster: string,
    kind: string,
    rows: Array<{ row: CollectedRow; raw: unknown }>,
    seenAt: Date,
  ): Promise<number> {
    for (const batch of chunks(rows, WRITE_CHUNK)) {
      await this.db('resources')
        .insert(
          batch.map(({ row, raw }) =>
            resourceRow(cluster, kind, row, raw, seenAt),
          ),
        )
        .onConflict(['cluster', 'uid'])
        .merge([
          'kind',
          'namespace',
          'name',
          'resource_version',
          'record',
          'raw',
          'last_seen_at',
          'deleted_at',
        ]);
    }
    return rows.length;
  }

  async completeRun(options: {
    runId: number;
    cluster: string;
    finishedAt: Date;
    seenUids: Map<string, Set<string>>;
    counts: Omit<RunCounts, 'deleted'>;
    details: RunDetails;
    maxDeletedShare?: number;
  }): Promise<number> {
    const { runId, cluster, finishedAt, seenUids, counts, details } = options;
    // Live objects were seen by this run: their last sighting is the
    // cluster's last success, not a column rewritten on every run (which made
    // a no-change collection rewrite every row). Vanished ones were last seen
    // by the previous successful run.
    const previous = await this.db('clusters')
      .select('last_success_at')
      .where({ name: cluster })
      .first();
    const lastSeenAt = previous?.last_success_at
      ? new Date(toIso(previous.last_success_at)!)
      : finishedAt;
    const vanished: string[] = [];
    for (const [kind, seen] of seenUids) {
      const stored = await this.db('resources')
        .pluck('uid')
        .where({ cluster, kind })
        .whereNull('deleted_at');
      vanished.push(...(stored as string[]).filter(uid => !seen.has(uid)));
    }
    if (options.maxDeletedShare !== undefined && vanished.length > 0) {
      const [{ live }] = await this.db('resources')
        .count({ live: '*' })
        .where({ cluster })
        .whereNull('deleted_at');
      if (vanished.length > options.maxDeletedShare * Number(live)) {
        throw new SuspiciousDeletionError(
          cluster,
          vanished.length,
          Number(live),
          options.maxDeletedShare,
        );
      }
    }
    let deleted = 0;
    for (const uids of chunks(vanished, UID_CHUNK)) {
      deleted += await this.db('resources')
        .update({ deleted_at: finishedAt, last_seen_at: lastSeenAt })
        .where({ cluster })
        .whereIn('uid', uids);
    }
    await this.db('clusters')
      .update({
        last_success_at: finishedAt,
        stale_since: null,
        last_error: null,
      })
      .where({ name: cluster });
    await this.finishRunRow(
      runId,
      finishedAt,
      'succeeded',
      { ...counts, deleted },
      details,
    );
    return deleted;
  }

  async failRun(options: {
    runId: number;
    cluster: string;
    finishedAt: Date;
    error: string;
    counts: RunCounts;
    details: RunDetails;
  }): Promise<void> {
    const { runId, cluster, finishedAt, error, counts, details } = options;
    await this.db('clusters')
      .update({ last_error: error })
      .where({ name: cluster });
    // Stale since the first failure, not the latest one.
    await this.db('clusters')
      .update({ stale_since: finishedAt })
      .where({ name: cluster })
      .whereNull('stale_since');
    await this.finishRunRow(
      runId,
      finishedAt,
      'failed',
      counts,
      details,
      error,
    );
  }

  private async finishRunRow(
    runId: number,
    finishedAt: Date,
    status: 'succeeded' | 'failed',
    counts: RunCounts,
    details: RunDetails,
    error?: string,
  ) {
    await this.db('collection_runs')
      .update({
        finished_at: finishedAt,
        status,
        objects_seen: counts.seen,
        objects_written: counts.written,
        objects_skipped: counts.skipped,
        objects_deleted: counts.deleted,
        error: error ?? null,
        details: JSON.stringify(details),
      })
      .where({ id: runId });
  }

  async listClusterHealth(): Promise<ClusterHealth[]> {
    const clusters = await this.db('clusters').select().orderBy('name');
    const latestRuns = await this.db('collection_runs')
      .select()
      .whereIn('id', this.db('collection_runs').max('id').groupBy('cluster'));
    const runByCluster = new Map(latestRuns.map(run => [run.cluster, run]));
    return clusters.map(cluster => {
      const run = runByCluster.get(cluster.name);
      const startedAt = run ? toIso(run.started_at)! : undefined;
      const finishedAt = run ? toIso(run.finished_at) : undefined;
      return {
        name: cluster.name,
        lastRunStartedAt: toIso(cluster.last_run_started_at),
        lastSuccessAt: toIso(cluster.last_success_at),
        staleSince: toIso(cluster.stale_since),
        lastError: cluster.last_error ?? undefined,
        lastRun: run
          ? {
              id: Number(run.id),
              startedAt: startedAt!,
              finishedAt,
              durationMs: finishedAt
                ? Date.parse(finishedAt) - Date.parse(startedAt!)
                : undefined,
              status: run.status,
              counts: {
                seen: Number(run.objects_seen),
                written: Number(run.objects_written),
                skipped: Number(run.objects_skipped),
                deleted: Number(run.objects_deleted),
              },
              error: run.error ?? undefined,
              details: run.details ? JSON.parse(run.details) : undefined,
            }
          : undefined,
      };
    });
  }

  async listRecords<R extends CollectedObject>(options: {
    kind: RecordKind<R>;
    cluster?: string;
    includeDeleted?: boolean;
  }): Promise<R[]> {
    const query = this.db('resources')
      .select(
        'cluster',
        'uid',
        'namespace',
        'name',
        'record',
        'last_seen_at',
        'deleted_at',
      )
      .where({ kind: options.kind.id })
      .orderBy(['cluster', 'namespace', 'name', 'uid']);
    if (options.cluster) {
      query.andWhere({ cluster: options.cluster });
    }
    if (!options.includeDeleted) {
      query.whereNull('deleted_at');
    }
    const rows = await query;
    const lastSuccess = new Map<string, string | undefined>(
      (await this.db('clusters').select('name', 'last_success_at')).map(c => [
        c.name,
        toIso(c.last_success_at),
      ]),
    );
    const latest = (a: string, b: string | undefined) =>
      b && Date.parse(b) > Date.parse(a) ? b : a;
    return rows.map(row => {
      const deletedAt = toIso(row.deleted_at);
      return finishedRecord<R>(
        row.cluster,
        { ...row, record: JSON.parse(row.record) },
        {
          lastSeenAt: deletedAt
            ? toIso(row.last_seen_at)!
            : latest(toIso(row.last_seen_at)!, lastSuccess.get(row.cluster)),
          deletedAt,
        },
      );
    });
  }

  async prune(before: Date): Promise<{ resources: number; runs: number }> {
    const resources = await this.db('resources')
      .delete()
      .where('deleted_at', '<', before);
    const runs = await this.db('collection_runs')
      .delete()
      .where('started_at', '<', before);
    return { resources, runs };
  }
}
