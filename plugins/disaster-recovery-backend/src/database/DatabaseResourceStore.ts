import {
  clusterStaleSince,
  type CollectedObject,
  type RecordKind,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  StoredVersion,
} from '@dr-posture/plugin-disaster-recovery-node';
import { historyColumnsOf, type BackupGroup } from './backupHistoryColumns';
import { DEFAULT_STALE_AFTER_MS } from '../collector/readCollectionOptions';
import { closeAbandonedRuns } from './closeAbandonedRuns';
import { finishedRecord } from './finishedRecord';
import { toIso } from './toIso';
import type { Knex } from 'knex';
import {
  SuspiciousDeletionError,
  type ClusterHealth,
  type ResourceStore,
  type RunCounts,
  type RunDetails,
  type StoredObjectRow,
  type WatchPosition,
} from './ResourceStore';
import { chunks } from './chunks';

/** Rows per statement: well under SQLite's bound-variable limit. */
const WRITE_CHUNK = 200;
/** Uids per `where in` list. */
const UID_CHUNK = 500;

/** The `clusters` columns that hold where a cluster's watches stand. */
function watchPositionColumns(position: WatchPosition) {
  return {
    watch_versions: JSON.stringify(position.versions),
    watch_listed_at: position.listedAt,
  };
}

const NO_HISTORY = {
  history_group: null,
  history_at: null,
  history_phase: null,
};

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
    ...(historyColumnsOf(cluster, kind, row.namespace, row.record)?.columns ??
      NO_HISTORY),
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

const STORED_ROW_COLUMNS = [
  'kind',
  'cluster',
  'uid',
  'namespace',
  'name',
  'record',
  'last_seen_at',
  'deleted_at',
];

function storedObjectRow(row: Record<string, any>): StoredObjectRow {
  const deletedAt = toIso(row.deleted_at);
  return {
    kind: row.kind,
    cluster: row.cluster,
    uid: row.uid,
    namespace: row.namespace,
    name: row.name,
    record: JSON.parse(row.record),
    lastSeenAt: toIso(row.last_seen_at)!,
    ...(deletedAt ? { deletedAt } : {}),
  };
}

/**
 * Queues changed objects for the posture evaluator, in the transaction that
 * changed them, so that no change is written without its mark.
 */
async function enqueueChanges(
  db: Knex,
  cluster: string,
  uids: readonly string[],
): Promise<void> {
  // One row per write, not per object: a first collection queues pages.
  for (const batch of chunks([...uids], UID_CHUNK)) {
    await db('posture_changes').insert({
      cluster,
      uids: JSON.stringify(batch),
    });
  }
}

/** {@link ResourceStore} on the plugin's own database. */
export class DatabaseResourceStore implements ResourceStore {
  private constructor(
    private readonly db: Knex,
    private readonly staleAfterMs: number,
  ) {}

  /**
   * `staleAfterMs`: the age of a cluster's last successful run after which
   * its data is stale (default: three default collection intervals).
   */
  static create(
    db: Knex,
    options: { staleAfterMs?: number } = {},
  ): DatabaseResourceStore {
    return new DatabaseResourceStore(
      db,
      options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS,
    );
  }

  async startRun(cluster: string, startedAt: Date): Promise<number> {
    // Runs of one cluster hold the scheduler's task lock, so any run of it
    // still open now belongs to a process that died.
    await closeAbandonedRuns(this.db, { cluster, now: startedAt });
    await this.db('clusters')
      .insert({
        name: cluster,
        first_seen_at: startedAt,
        last_run_started_at: startedAt,
      })
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

  async storedRecords(
    cluster: string,
    uids: string[],
  ): Promise<Map<string, StoredVersion>> {
    const records = new Map<string, StoredVersion>();
    if (uids.length === 0) return records;
    const lastSuccess = toIso(
      (
        await this.db('clusters')
          .select('last_success_at')
          .where({ name: cluster })
          .first()
      )?.last_success_at,
    );
    for (const batch of chunks(uids, UID_CHUNK)) {
      const found = await this.db('resources')
        .select('uid', 'record', 'last_seen_at')
        .where({ cluster })
        .whereIn('uid', batch)
        .whereNull('deleted_at');
      for (const row of found) {
        // A live object was seen by every successful run since it was written.
        const seen = toIso(row.last_seen_at)!;
        records.set(row.uid, {
          record: JSON.parse(row.record),
          lastSeenAt:
            lastSuccess && Date.parse(lastSuccess) > Date.parse(seen)
              ? lastSuccess
              : seen,
        });
      }
    }
    return records;
  }

  async upsertPage(
    cluster: string,
    kind: string,
    rows: Array<{ row: CollectedRow; raw: unknown }>,
    seenAt: Date,
  ): Promise<number> {
    const groups = new Map<string, BackupGroup>();
    for (const { row } of rows) {
      const group = historyColumnsOf(
        cluster,
        kind,
        row.namespace,
        row.record,
      )?.group;
      if (group) groups.set(group.key, group);
    }
    if (rows.length === 0) return 0;
    await this.db.transaction(async trx => {
      await this.writeRows(trx, cluster, kind, rows, seenAt, groups);
      await enqueueChanges(
        trx,
        cluster,
        rows.map(({ row }) => row.uid),
      );
    });
    return rows.length;
  }

  private async writeRows(
    db: Knex,
    cluster: string,
    kind: string,
    rows: Array<{ row: CollectedRow; raw: unknown }>,
    seenAt: Date,
    groups: Map<string, BackupGroup>,
  ): Promise<void> {
    for (const batch of chunks([...groups.values()], WRITE_CHUNK)) {
      await db('backup_groups')
        .insert(
          batch.map(group => ({
            group_key: group.key,
            cluster: group.cluster,
            scope: JSON.stringify(group.scope),
          })),
        )
        .onConflict('group_key')
        .ignore();
    }
    for (const batch of chunks(rows, WRITE_CHUNK)) {
      await db('resources')
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
          'history_group',
          'history_at',
          'history_phase',
        ]);
    }
  }

  async completeRun(options: {
    runId: number;
    cluster: string;
    finishedAt: Date;
    seenUids: Map<string, Set<string>>;
    counts: Omit<RunCounts, 'deleted'> & { deleted?: number };
    details: RunDetails;
    maxDeletedShare?: number;
  }): Promise<number> {
    const { runId, cluster, finishedAt, seenUids, counts, details } = options;
    // All or nothing: a database error midway must not leave objects marked
    // deleted by a run recorded as failed, or a success without its run.
    return this.db.transaction(async trx => {
      // Live objects were seen by this run: their last sighting is the
      // cluster's last success, not a column rewritten on every run (which made
      // a no-change collection rewrite every row). Vanished ones were last seen
      // by the previous successful run.
      const previous = await trx('clusters')
        .select('last_success_at')
        .where({ name: cluster })
        .first();
      const lastSeenAt = previous?.last_success_at
        ? new Date(toIso(previous.last_success_at)!)
        : finishedAt;
      const vanished: string[] = [];
      for (const [kind, seen] of seenUids) {
        const stored = await trx('resources')
          .pluck('uid')
          .where({ cluster, kind })
          .whereNull('deleted_at');
        vanished.push(...(stored as string[]).filter(uid => !seen.has(uid)));
      }
      if (options.maxDeletedShare !== undefined && vanished.length > 0) {
        const [{ live }] = await trx('resources')
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
        deleted += await trx('resources')
          .update({ deleted_at: finishedAt, last_seen_at: lastSeenAt })
          .where({ cluster })
          .whereIn('uid', uids);
      }
      await enqueueChanges(trx, cluster, vanished);
      await trx('clusters')
        .update({
          last_success_at: finishedAt,
          last_error: null,
          last_error_detail: null,
        })
        .where({ name: cluster });
      const finished = await this.finishRunRow(
        trx,
        runId,
        finishedAt,
        'succeeded',
        { ...counts, deleted: deleted + (counts.deleted ?? 0) },
        details,
      );
      if (finished === 0) {
        throw new Error(
          `Run ${runId} of cluster ${cluster} was closed as abandoned before it completed; its results are discarded`,
        );
      }
      return deleted;
    });
  }

  async markDeleted(options: {
    cluster: string;
    kind: string;
    uids: string[];
    deletedAt: Date;
  }): Promise<number> {
    const { cluster, kind, uids, deletedAt } = options;
    if (uids.length === 0) return 0;
    return this.db.transaction(async trx => {
      let deleted = 0;
      for (const batch of chunks(uids, UID_CHUNK)) {
        deleted += await trx('resources')
          // It was live until the event said otherwise.
          .update({ deleted_at: deletedAt, last_seen_at: deletedAt })
          .where({ cluster, kind })
          .whereIn('uid', batch)
          .whereNull('deleted_at');
      }
      await enqueueChanges(trx, cluster, uids);
      return deleted;
    });
  }

  async countLive(cluster: string): Promise<number> {
    const [{ live }] = await this.db('resources')
      .count({ live: '*' })
      .where({ cluster })
      .whereNull('deleted_at');
    return Number(live);
  }

  async confirmCurrent(
    cluster: string,
    at: Date,
    position?: WatchPosition,
  ): Promise<void> {
    await this.db('clusters')
      .update({
        last_success_at: at,
        last_error: null,
        last_error_detail: null,
        ...(position ? watchPositionColumns(position) : {}),
      })
      .where({ name: cluster });
  }

  async watchPosition(cluster: string): Promise<WatchPosition | undefined> {
    const row = await this.db('clusters')
      .select('watch_versions', 'watch_listed_at')
      .where({ name: cluster })
      .first();
    if (!row?.watch_versions || !row.watch_listed_at) return undefined;
    return {
      listedAt: new Date(toIso(row.watch_listed_at)!),
      versions: JSON.parse(row.watch_versions),
    };
  }

  async saveWatchPosition(
    cluster: string,
    position: WatchPosition,
  ): Promise<void> {
    await this.db('clusters')
      .update(watchPositionColumns(position))
      .where({ name: cluster });
  }

  async failRun(options: {
    runId: number;
    cluster: string;
    finishedAt: Date;
    error: string;
    errorDetail?: string;
    counts: RunCounts;
    details: RunDetails;
  }): Promise<void> {
    const { runId, cluster, finishedAt, error, counts, details } = options;
    const errorDetail = options.errorDetail ?? null;
    await this.db('clusters')
      .update({ last_error: error, last_error_detail: errorDetail })
      .where({ name: cluster });
    await this.db('collection_runs')
      .update({ error_detail: errorDetail })
      .where({ id: runId });
    await this.finishRunRow(
      this.db,
      runId,
      finishedAt,
      'failed',
      counts,
      details,
      error,
    );
  }

  /** Ends a run still running; returns 0 when it was closed meanwhile. */
  private async finishRunRow(
    db: Knex,
    runId: number,
    finishedAt: Date,
    status: 'succeeded' | 'failed',
    counts: RunCounts,
    details: RunDetails,
    error?: string,
  ): Promise<number> {
    return db('collection_runs')
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
      .where({ id: runId, status: 'running' });
  }

  closeAbandonedRuns(options: {
    startedBefore: Date;
    now: Date;
  }): Promise<number> {
    return closeAbandonedRuns(this.db, options);
  }

  async listClusterHealth(
    options: { now?: Date } = {},
  ): Promise<ClusterHealth[]> {
    const now = options.now ?? new Date();
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
        staleSince: clusterStaleSince({
          lastSuccessAt: toIso(cluster.last_success_at),
          firstSeenAt: toIso(cluster.first_seen_at)!,
          now,
          staleAfterMs: this.staleAfterMs,
        }),
        lastError: cluster.last_error ?? undefined,
        lastErrorDetail: cluster.last_error_detail ?? undefined,
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
              errorDetail: run.error_detail ?? undefined,
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
      .select(STORED_ROW_COLUMNS)
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

  async readLiveRows(kinds: readonly string[]): Promise<StoredObjectRow[]> {
    const rows = await this.db('resources')
      .select(STORED_ROW_COLUMNS)
      .whereIn('kind', [...kinds])
      .whereNull('deleted_at');
    return rows.map(storedObjectRow);
  }

  async readRows(
    objects: ReadonlyArray<{ cluster: string; uid: string }>,
  ): Promise<StoredObjectRow[]> {
    const byCluster = new Map<string, string[]>();
    for (const { cluster, uid } of objects) {
      byCluster.set(cluster, [...(byCluster.get(cluster) ?? []), uid]);
    }
    const found: StoredObjectRow[] = [];
    for (const [cluster, uids] of byCluster) {
      for (const batch of chunks(uids, UID_CHUNK)) {
        const rows = await this.db('resources')
          .select(STORED_ROW_COLUMNS)
          .where({ cluster })
          .whereIn('uid', batch);
        found.push(...rows.map(storedObjectRow));
      }
    }
    return found;
  }

  async prune(before: Date): Promise<{ resources: number; runs: number }> {
    const resources = await this.db('resources')
      .delete()
      .where('deleted_at', '<', before);
    const runs = await this.db('collection_runs')
      .delete()
      .where('started_at', '<', before);
    // Groups whose every backup was pruned protect nothing any more.
    await this.db('backup_groups')
      .delete()
      .whereNotExists(
        this.db('resources')
          .select(this.db.raw('1'))
          .whereRaw('resources.history_group = backup_groups.group_key'),
      );
    return { resources, runs };
  }
}
