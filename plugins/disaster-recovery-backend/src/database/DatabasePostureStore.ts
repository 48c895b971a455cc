import {
  STATUS_SEVERITY,
  type CheckStatus,
  type EntityPostureResponse,
  type EntityPostureSummary,
  type OverviewQuery,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';
import {
  DatabasePostureHistoryStore,
  type RecordedPostureChange,
} from './DatabasePostureHistoryStore';
import { isUniqueViolation } from './isUniqueViolation';

/** An entity matching an overview query. */
export interface PostureMatch {
  entityRef: string;
  tier?: string;
  status: CheckStatus;
}

/** One entity's evaluated posture as stored. */
export interface StoredPosture {
  detail: EntityPostureResponse;
  dependsOn: string[];
  /** The Velero backup groups protecting the entity (its backup history). */
  backupGroups?: string[];
}

const SORT_COLUMNS: Record<NonNullable<OverviewQuery['sort']>, string> = {
  name: 'name',
  status: 'status_rank',
  tier: 'tier',
  owner: 'owner',
  system: 'system',
  lastCleanBackupAt: 'last_clean_backup_at',
  lastDrillAt: 'last_drill_at',
};

/** Told of the posture changes a write recorded, once it committed. */
export type PostureChangeListener = (
  changes: RecordedPostureChange[],
) => Promise<void>;

/** Attempts of a write that lost a race for a revision to another replica. */
const WRITE_ATTEMPTS = 3;

/**
 * The latest evaluated posture of every entity, for fast overviews, and the
 * history of its changes, written in the same transaction.
 */
export class DatabasePostureStore {
  private constructor(
    private readonly db: Knex,
    private readonly history: DatabasePostureHistoryStore,
    private readonly onChanges?: PostureChangeListener,
  ) {}

  static create(
    db: Knex,
    options?: { onChanges?: PostureChangeListener },
  ): DatabasePostureStore {
    return new DatabasePostureStore(
      db,
      DatabasePostureHistoryStore.create(db),
      options?.onChanges,
    );
  }

  /**
   * Replaces the stored postures with these; entities not among them are
   * dropped, and their history records that they left at `now`.
   */
  async replaceAll(postures: StoredPosture[], now = new Date()): Promise<void> {
    await this.write(async tx => {
      const keep = new Set(postures.map(p => p.detail.summary.entityRef));
      const stored: string[] = await tx('entity_postures').pluck('entity_ref');
      const gone = stored.filter(ref => !keep.has(ref));
      for (let i = 0; i < gone.length; i += 500) {
        await tx('entity_postures')
          .delete()
          .whereIn('entity_ref', gone.slice(i, i + 500));
      }
      await this.writeRows(postures, tx);
      return this.history.record(tx, postures, gone, now.getTime());
    });
  }

  /** Stores these postures; others stay as they are. */
  async upsert(postures: StoredPosture[]): Promise<void> {
    await this.write(async tx => {
      await this.writeRows(postures, tx);
      return this.history.record(tx, postures, [], Date.now());
    });
  }

  /**
   * Runs a write and its history in one transaction, then tells the
   * listener what changed. Another replica recording a revision of the
   * same entity meanwhile makes the transaction fail on the revision's
   * uniqueness; it is run again, against that revision, so each change is
   * recorded (and told) once.
   */
  private async write(
    fn: (tx: Knex.Transaction) => Promise<RecordedPostureChange[]>,
  ): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      let changes: RecordedPostureChange[];
      try {
        changes = await this.db.transaction(fn);
      } catch (error) {
        if (attempt < WRITE_ATTEMPTS && isUniqueViolation(error)) continue;
        throw error;
      }
      if (changes.length > 0 && this.onChanges) {
        await this.onChanges(changes);
      }
      return;
    }
  }

  private async writeRows(
    postures: StoredPosture[],
    db: Knex.Transaction,
  ): Promise<void> {
    const rows = postures.map(({ detail, dependsOn, backupGroups }) => {
      const summary = detail.summary;
      return {
        entity_ref: summary.entityRef,
        name: summary.name,
        title: summary.title ?? null,
        owner: summary.owner ?? null,
        system: summary.system ?? null,
        tier: summary.tier ?? null,
        status: summary.status,
        // Sorting by status descending shows problems at the top.
        status_rank: STATUS_SEVERITY[summary.status],
        last_clean_backup_at: summary.lastCleanBackupAt
          ? new Date(summary.lastCleanBackupAt)
          : null,
        last_drill_at: summary.lastDrillAt
          ? new Date(summary.lastDrillAt)
          : null,
        summary: JSON.stringify(summary),
        detail: JSON.stringify(detail),
        depends_on: JSON.stringify(dependsOn),
        backup_groups: JSON.stringify(backupGroups ?? []),
        evaluated_at: new Date(summary.evaluatedAt),
      };
    });
    for (let i = 0; i < rows.length; i += 100) {
      await db('entity_postures')
        .insert(rows.slice(i, i + 100))
        .onConflict('entity_ref')
        .merge();
    }
  }

  async get(entityRef: string): Promise<EntityPostureResponse | undefined> {
    const row = await this.db('entity_postures')
      .select('detail')
      .where({ entity_ref: entityRef })
      .first();
    return row ? JSON.parse(row.detail) : undefined;
  }

  /**
   * The Velero backup groups protecting an entity as last evaluated; none
   * for a posture stored before they were.
   */
  async getBackupGroups(entityRef: string): Promise<string[]> {
    const row = await this.db('entity_postures')
      .select('backup_groups')
      .where({ entity_ref: entityRef })
      .first();
    return row?.backup_groups ? JSON.parse(row.backup_groups) : [];
  }

  /**
   * The entities matching the filters, sorted; paging happens after the
   * caller's visibility filter, so every match is returned.
   */
  async listMatches(
    query: Omit<OverviewQuery, 'cursor' | 'limit'>,
  ): Promise<PostureMatch[]> {
    // Only the small columns: summaries are read for the page alone.
    const sql = this.db('entity_postures').select(
      'entity_ref',
      'tier',
      'status',
    );
    if (query.tier?.length) {
      // `none` stands for entities without a declared tier, as in the summary.
      const tiers = query.tier.filter(tier => tier !== 'none');
      sql.where(inner => {
        if (tiers.length) inner.whereIn('tier', tiers);
        if (query.tier!.includes('none')) inner.orWhereNull('tier');
      });
    }
    if (query.status?.length) sql.whereIn('status', query.status);
    if (query.owner?.length) sql.whereIn('owner', query.owner);
    if (query.system?.length) sql.whereIn('system', query.system);
    if (query.q) {
      // `!` escapes LIKE wildcards: a backslash means different things in
      // MySQL string literals and the other databases.
      const pattern = `%${query.q
        .toLocaleLowerCase('en-US')
        .replace(/[!%_]/g, c => `!${c}`)}%`;
      sql.where(inner =>
        ['name', 'title', 'owner', 'system'].forEach(column =>
          inner.orWhereRaw(`lower(coalesce(??, '')) like ? escape '!'`, [
            column,
            pattern,
          ]),
        ),
      );
    }
    const order = query.order ?? 'asc';
    const column = SORT_COLUMNS[query.sort ?? 'name'];
    // Missing values last in either direction, except that an entity never
    // backed up is the oldest of all: first when the oldest backups come
    // first. (knex's `nulls` option drops the column itself on SQLite and
    // MySQL.)
    const neverFirst = column === 'last_clean_backup_at' && order === 'asc';
    sql
      .orderByRaw(`(?? is null) ${neverFirst ? 'desc' : 'asc'}`, [column])
      .orderBy(column, order);
    // Within a status the most critical tier first, as the guides rank them.
    if (column === 'status_rank') {
      sql.orderByRaw('(?? is null) asc', ['tier']).orderBy('tier', 'asc');
    }
    sql.orderBy('entity_ref', 'asc');
    const rows = await sql;
    return rows.map(row => ({
      entityRef: row.entity_ref,
      tier: row.tier ?? undefined,
      status: row.status,
    }));
  }

  /** The summaries of these entities, in the order given. */
  async getSummaries(entityRefs: string[]): Promise<EntityPostureSummary[]> {
    if (entityRefs.length === 0) return [];
    const rows = await this.db('entity_postures')
      .select('entity_ref', 'summary')
      .whereIn('entity_ref', entityRefs);
    const byRef = new Map(
      rows.map(row => [row.entity_ref, JSON.parse(row.summary)]),
    );
    return entityRefs.flatMap(ref => (byRef.has(ref) ? [byRef.get(ref)] : []));
  }

  /** Full postures in entity-ref order, the page after `after`. */
  async listDetails(options: {
    after?: string;
    limit: number;
  }): Promise<EntityPostureResponse[]> {
    const sql = this.db('entity_postures')
      .select('detail')
      .orderBy('entity_ref', 'asc')
      .limit(options.limit);
    if (options.after !== undefined)
      sql.where('entity_ref', '>', options.after);
    const rows = await sql;
    return rows.map(row => JSON.parse(row.detail));
  }

  /** Tier and dependencies of every entity, for restore plans. */
  async listForRestorePlan(): Promise<
    Array<{ summary: EntityPostureSummary; dependsOn: string[] }>
  > {
    const rows = await this.db('entity_postures').select(
      'summary',
      'depends_on',
    );
    return rows.map(row => ({
      summary: JSON.parse(row.summary),
      dependsOn: JSON.parse(row.depends_on),
    }));
  }
}
