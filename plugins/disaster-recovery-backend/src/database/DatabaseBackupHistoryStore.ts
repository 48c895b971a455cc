import type { CollectedObject } from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';
import {
  HISTORY_KIND_IDS,
  historyColumnsOf,
  type BackupGroup,
} from './backupHistoryColumns';
import { chunks } from './chunks';
import { finishedRecord } from './finishedRecord';
import { toIso } from './toIso';

/**
 * Where a page of history ends, in its order: start time descending (rows
 * without one last), then name, cluster and uid, which make it total.
 */
export interface BackupHistoryPosition {
  at: number | null;
  name: string;
  cluster: string;
  uid: string;
}

export interface BackupHistoryQuery {
  /** The history groups of the entity's backups. */
  groups: string[];
  /** Epoch ms: backups started at or after. */
  from?: number;
  /** Epoch ms: backups started before. */
  to?: number;
  phases?: string[];
  after?: BackupHistoryPosition;
  limit: number;
}

/** One stored backup of a history page. */
export interface BackupHistoryEntry {
  kindId: string;
  record: CollectedObject;
}

/** A `resources` row as the page reads it. */
interface HistoryRow {
  cluster: string;
  uid: string;
  kind: string;
  namespace: string;
  name: string;
  record: string;
  last_seen_at: unknown;
  deleted_at: unknown;
  /** A string from PostgreSQL's bigint. */
  history_at: number | string | null;
}

const COLUMNS: Array<keyof HistoryRow> = [
  'cluster',
  'uid',
  'kind',
  'namespace',
  'name',
  'record',
  'last_seen_at',
  'deleted_at',
  'history_at',
];

const isPostgres = (db: Knex) =>
  /^(pg|postgres)/.test(String(db.client.config.client));

/** Parts merged one by one in a page query; more are sorted together. */
const MERGED_PARTS = 200;

/** Rows read and updated per step of the start-up backfill. */
const BACKFILL_BATCH = 500;
/** Group keys per `where in` list. */
const KEY_CHUNK = 500;

/** `(a, b, c) > (x, y, z)` in ascending order, spelled out for every engine. */
function afterInOrder(
  query: Knex.QueryBuilder,
  pairs: Array<[column: string, value: string]>,
) {
  const [[column, value], ...rest] = pairs;
  query.where(inner => {
    inner.where(column, '>', value);
    if (rest.length > 0) {
      inner.orWhere(tie => {
        tie.where(column, value);
        afterInOrder(tie, rest);
      });
    }
  });
}

/**
 * Reads backup history a page at a time with the `resources_history_idx`
 * index: the work is proportional to the page and to the entity's own
 * backups, never to the estate.
 */
export class DatabaseBackupHistoryStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseBackupHistoryStore {
    return new DatabaseBackupHistoryStore(db);
  }

  /**
   * Every Velero backup group in key order, or those of `keys`, for the
   * evaluator to judge.
   */
  async listGroups(keys?: readonly string[]): Promise<BackupGroup[]> {
    const select = () =>
      this.db('backup_groups')
        .select('group_key', 'cluster', 'scope')
        .orderBy('group_key');
    const rows = keys
      ? (
          await Promise.all(
            chunks(keys, KEY_CHUNK).map(batch =>
              select().whereIn('group_key', batch),
            ),
          )
        ).flat()
      : await select();
    return rows.map(row => ({
      key: row.group_key,
      cluster: row.cluster,
      scope: JSON.parse(row.scope),
    }));
  }

  /**
   * The key of every Velero backup group, in key order. A key hashes its
   * group's scope, so a group never changes: keys alone tell which came
   * and went.
   */
  async listGroupKeys(): Promise<string[]> {
    const rows = await this.db('backup_groups')
      .select('group_key')
      .orderBy('group_key');
    return rows.map(row => row.group_key);
  }

  /**
   * The first `limit` rows of `groups` (of `phases`, when given) in
   * `order`, `filter` applied. Each group (and phase) is read on its own,
   * newest first along a history index, and the parts merged: an entity
   * whose history spans fifty clusters costs fifty short index scans, not a
   * sort of its whole history. Past `MERGED_PARTS` (SQLite allows 500
   * terms in a compound select) one query sorts them all.
   */
  private async firstRows(
    groups: string[],
    phases: string[] | undefined,
    filter: (query: Knex.QueryBuilder) => void,
    order: Array<{ column: string; order: 'asc' | 'desc' }>,
    limit: number,
  ): Promise<HistoryRow[]> {
    const ordered = (query: Knex.QueryBuilder) => {
      filter(query);
      return query.orderBy(order).limit(limit);
    };
    if (isPostgres(this.db) && groups.length <= MERGED_PARTS) {
      return this.firstRowsByKeys(groups, phases, filter, order, limit);
    }
    const parts = groups.flatMap(group =>
      (phases ?? [undefined]).map(phase => ({ group, phase })),
    );
    if (parts.length > MERGED_PARTS) {
      const all = this.db('resources')
        .select(COLUMNS)
        .whereIn('history_group', groups);
      if (phases) all.whereIn('history_phase', phases);
      return ordered(all);
    }
    const [first, ...rest] = parts.map(({ group, phase }, i) => {
      const part = this.db('resources')
        .select(COLUMNS)
        .where('history_group', group);
      if (phase !== undefined) part.where('history_phase', phase);
      return this.db.select('*').from(ordered(part).as(`g${i}`));
    });
    const merged = rest.length > 0 ? first.unionAll(rest) : first;
    return this.db
      .select('*')
      .from(merged.as('page'))
      .orderBy(order)
      .limit(limit);
  }

  /**
   * {@link firstRows} on PostgreSQL: the page order is found in the
   * covering history indexes alone (one lateral index-only scan per
   * group, planned once), then only the page's rows are read.
   */
  private async firstRowsByKeys(
    groups: string[],
    phases: string[] | undefined,
    filter: (query: Knex.QueryBuilder) => void,
    order: Array<{ column: string; order: 'asc' | 'desc' }>,
    limit: number,
  ): Promise<HistoryRow[]> {
    const perGroup = this.db('resources')
      .select('name', 'cluster', 'uid', 'history_at')
      .whereRaw('history_group = g.key');
    if (phases) perGroup.whereIn('history_phase', phases);
    filter(perGroup);
    perGroup.orderBy(order).limit(limit);
    const orderBy = order
      .map(({ column, order: direction }) => `r.${column} ${direction}`)
      .join(', ');
    const { rows: keys } = await this.db.raw(
      `select r.cluster, r.uid from unnest(?::text[]) as g(key) cross join lateral (?) as r order by ${orderBy} limit ?`,
      [groups, perGroup, limit],
    );
    if (keys.length === 0) return [];
    const rows: HistoryRow[] = await this.db('resources')
      .select(COLUMNS)
      .whereIn(
        ['cluster', 'uid'],
        keys.map((k: { cluster: string; uid: string }) => [k.cluster, k.uid]),
      );
    const byKey = new Map(rows.map(row => [`${row.cluster}/${row.uid}`, row]));
    return keys.map(
      (k: { cluster: string; uid: string }) =>
        byKey.get(`${k.cluster}/${k.uid}`)!,
    );
  }

  /** One page, and the position after it when more follow. */
  async page(
    query: BackupHistoryQuery,
  ): Promise<{ entries: BackupHistoryEntry[]; next?: BackupHistoryPosition }> {
    const { groups, after, limit } = query;
    if (groups.length === 0) return { entries: [] };
    const phases = query.phases ? [...new Set(query.phases)] : undefined;
    const rows: HistoryRow[] = [];
    if (!after || after.at !== null) {
      const dated = (sql: Knex.QueryBuilder) => {
        sql.whereNotNull('history_at');
        if (query.from !== undefined) sql.where('history_at', '>=', query.from);
        if (query.to !== undefined) sql.where('history_at', '<', query.to);
        if (after) {
          const at = after.at!;
          sql.where(inner => {
            inner.where('history_at', '<', at).orWhere(tie => {
              tie.where('history_at', at);
              afterInOrder(tie, [
                ['name', after.name],
                ['cluster', after.cluster],
                ['uid', after.uid],
              ]);
            });
          });
        }
      };
      rows.push(
        ...(await this.firstRows(
          groups,
          phases,
          dated,
          [
            { column: 'history_at', order: 'desc' },
            { column: 'name', order: 'asc' },
            { column: 'cluster', order: 'asc' },
            { column: 'uid', order: 'asc' },
          ],
          limit + 1,
        )),
      );
    }
    // Backups without a start or creation time cannot be in a time range.
    const timeBound = query.from !== undefined || query.to !== undefined;
    if (rows.length <= limit && !timeBound) {
      const undated = (sql: Knex.QueryBuilder) => {
        sql.whereNull('history_at');
        if (after?.at === null) {
          afterInOrder(sql, [
            ['name', after.name],
            ['cluster', after.cluster],
            ['uid', after.uid],
          ]);
        }
      };
      rows.push(
        ...(await this.firstRows(
          groups,
          phases,
          undated,
          [
            { column: 'name', order: 'asc' },
            { column: 'cluster', order: 'asc' },
            { column: 'uid', order: 'asc' },
          ],
          limit + 1 - rows.length,
        )),
      );
    }
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      entries: page.map(row => ({
        kindId: row.kind,
        record: finishedRecord(
          row.cluster,
          { ...row, record: JSON.parse(row.record) },
          {
            lastSeenAt: toIso(row.last_seen_at)!,
            deletedAt: toIso(row.deleted_at),
          },
        ),
      })),
      next:
        rows.length > limit
          ? {
              at: last.history_at === null ? null : Number(last.history_at),
              name: last.name,
              cluster: last.cluster,
              uid: last.uid,
            }
          : undefined,
    };
  }

  /**
   * Fills the history columns of backups stored before they existed, with
   * the function that fills them on every write; returns how many. Safe to
   * run on several replicas at once: every write is idempotent.
   */
  async backfill(): Promise<number> {
    let done = 0;
    let after: { cluster: string; uid: string } | undefined;
    for (;;) {
      const batch = this.db('resources')
        .select('cluster', 'uid', 'kind', 'namespace', 'record')
        .whereIn('kind', HISTORY_KIND_IDS)
        .whereNull('history_group')
        .orderBy(['cluster', 'uid'])
        .limit(BACKFILL_BATCH);
      if (after) {
        afterInOrder(batch, [
          ['cluster', after.cluster],
          ['uid', after.uid],
        ]);
      }
      const rows = await batch;
      if (rows.length === 0) return done;
      const groups = new Map<string, BackupGroup>();
      await this.db.transaction(async tx => {
        for (const row of rows) {
          const history = historyColumnsOf(
            row.cluster,
            row.kind,
            row.namespace,
            JSON.parse(row.record),
          )!;
          if (history.group) groups.set(history.group.key, history.group);
          await tx('resources')
            .update(history.columns)
            .where({ cluster: row.cluster, uid: row.uid });
        }
        if (groups.size > 0) {
          await tx('backup_groups')
            .insert(
              [...groups.values()].map(group => ({
                group_key: group.key,
                cluster: group.cluster,
                scope: JSON.stringify(group.scope),
              })),
            )
            .onConflict('group_key')
            .ignore();
        }
      });
      done += rows.length;
      const last = rows[rows.length - 1];
      after = { cluster: last.cluster, uid: last.uid };
    }
  }
}
