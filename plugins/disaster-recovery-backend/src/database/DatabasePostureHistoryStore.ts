import {
  entityVerdictOf,
  verdictInputOf,
  type CheckStatus,
  type EntityPostureResponse,
  type EntityPostureSummary,
  type PostureHistoryItem,
  type VerdictAnswer,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';
import type { StoredPosture } from './DatabasePostureStore';
import { chunks } from './chunks';

/** Where an entity stands against its RPO (see the API's `RpoStanding`). */
export type RpoStanding = NonNullable<PostureHistoryItem['rpoStanding']>;

const STANDING_OF_ANSWER: Record<VerdictAnswer, RpoStanding> = {
  yes: 'within',
  no: 'breached',
  unknown: 'unknown',
};

/** The entity's verdict on being recoverable within its RPO, as a standing. */
function rpoStandingOf(detail: EntityPostureResponse): RpoStanding {
  // A posture stored with its summary alone (the benchmarks' synthetic
  // estates) has nothing to judge by.
  if (!detail.posture || !detail.policy) return 'unknown';
  return STANDING_OF_ANSWER[
    entityVerdictOf(verdictInputOf(detail)).recoveryPoint.answer
  ];
}

/** A check whose status changed in one revision of an entity's posture. */
export interface CheckStatusChange {
  id: string;
  title: string;
  /** Absent when the check no longer applies (or the entity left). */
  status?: CheckStatus;
  /** Absent for the check's first verdict. */
  previousStatus?: CheckStatus;
  /** The check's sentence when it changed. */
  summary?: string;
}

/** One change of an entity's posture, as stored. */
export interface PostureRevision {
  entityRef: string;
  revision: number;
  /** Evaluation time of the change, epoch ms. */
  at: number;
  tier?: string;
  /** Absent once the entity is no longer evaluated. */
  status?: CheckStatus;
  /** Absent for the first revision, and after the entity came back. */
  previousStatus?: CheckStatus;
  rpoStanding?: RpoStanding;
  checks: CheckStatusChange[];
}

/** A change just recorded, with the summary it was evaluated into. */
export interface RecordedPostureChange extends PostureRevision {
  /** Absent when the entity is no longer evaluated. */
  summary?: EntityPostureSummary;
}

/** Where an entity stood from `at` on, for the estate's history. */
export interface EstateStanding {
  entityRef: string;
  at: number;
  tier?: string;
  /** Absent from `at` on: the entity was no longer evaluated. */
  rpoStanding?: RpoStanding;
}

interface Row {
  entity_ref: string;
  revision: number | string;
  changed_at_ms: number | string;
  tier: string | null;
  status: CheckStatus | null;
  previous_status: CheckStatus | null;
  rpo_standing: RpoStanding | null;
  check_statuses: string;
  changes: string;
}

const CHUNK = 500;

function revisionOf(row: Row): PostureRevision {
  return {
    entityRef: row.entity_ref,
    revision: Number(row.revision),
    at: Number(row.changed_at_ms),
    tier: row.tier ?? undefined,
    status: row.status ?? undefined,
    previousStatus: row.previous_status ?? undefined,
    rpoStanding: row.rpo_standing ?? undefined,
    checks: JSON.parse(row.changes),
  };
}

/**
 * The new revision of one entity, with its status per check, or none when
 * nothing it records changed.
 */
function nextRevision(
  latest: Row | undefined,
  entityRef: string,
  now: number,
  posture: StoredPosture | undefined,
):
  | { change: RecordedPostureChange; after: Record<string, CheckStatus> }
  | undefined {
  const before: Record<string, CheckStatus> = latest?.status
    ? JSON.parse(latest.check_statuses)
    : {};
  // A posture stored with its summary alone has no checks to compare.
  const checks = posture?.detail.posture?.checks ?? [];
  const after = Object.fromEntries(checks.map(c => [c.id, c.status]));
  const changed: CheckStatusChange[] = checks
    .filter(check => before[check.id] !== check.status)
    .map(check => ({
      id: check.id,
      title: check.title,
      status: check.status,
      previousStatus: before[check.id],
      summary: check.summary,
    }));
  for (const [id, previousStatus] of Object.entries(before)) {
    if (!(id in after)) {
      // The title is not kept per status; the id names a gone check.
      changed.push({ id, title: id, previousStatus });
    }
  }
  const summary = posture?.detail.summary;
  const status = summary?.status;
  const tier = summary?.tier;
  const rpoStanding = posture ? rpoStandingOf(posture.detail) : undefined;
  const unchanged =
    changed.length === 0 &&
    (latest?.status ?? undefined) === status &&
    (latest?.tier ?? undefined) === tier &&
    (latest?.rpo_standing ?? undefined) === rpoStanding;
  if (unchanged) return undefined;
  const change = {
    entityRef,
    revision: latest ? Number(latest.revision) + 1 : 1,
    at: summary ? Date.parse(summary.evaluatedAt) : now,
    tier,
    status,
    previousStatus: latest?.status ?? undefined,
    rpoStanding,
    checks: changed,
    summary,
  };
  return { change, after };
}

/**
 * The rows (as `h`) that are the latest revision of their entity among
 * the revisions `filter` keeps.
 */
function latestRevisionsOf(
  db: Knex,
  filter: (query: Knex.QueryBuilder) => Knex.QueryBuilder,
): Knex.QueryBuilder {
  const latest = filter(
    db('posture_history').select('entity_ref').max({ revision: 'revision' }),
  )
    .groupBy('entity_ref')
    .as('m');
  return db('posture_history as h').join(latest, join =>
    join
      .on('m.entity_ref', '=', 'h.entity_ref')
      .andOn('m.revision', '=', 'h.revision'),
  );
}

/**
 * The history of evaluated postures: every change of an entity's overall
 * status, of each check's status, of its tier and of its standing against
 * the RPO, with its time. Written only by {@link DatabasePostureStore}, in
 * the transaction that stores the postures.
 */
export class DatabasePostureHistoryStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabasePostureHistoryStore {
    return new DatabasePostureHistoryStore(db);
  }

  /**
   * Records what changed between the latest stored revision of each entity
   * and these postures, and that the `removed` entities are no longer
   * evaluated; returns the changes recorded. Run in the transaction that
   * stores the postures: a concurrent writer's revision makes the insert
   * fail on (entity_ref, revision) instead of recording a change twice.
   */
  async record(
    tx: Knex.Transaction,
    postures: readonly StoredPosture[],
    removed: readonly string[],
    now: number,
  ): Promise<RecordedPostureChange[]> {
    const refs = [...postures.map(p => p.detail.summary.entityRef), ...removed];
    const latest = await this.latestRows(tx, refs);
    const revisions = [
      ...postures.map(posture => {
        const ref = posture.detail.summary.entityRef;
        return nextRevision(latest.get(ref), ref, now, posture);
      }),
      // Nothing to close for an entity never recorded or already gone.
      ...removed
        .filter(ref => latest.get(ref)?.status)
        .map(ref => nextRevision(latest.get(ref), ref, now, undefined)),
    ].filter(revision => revision !== undefined);
    for (const batch of chunks(revisions, CHUNK)) {
      await tx('posture_history').insert(
        batch.map(({ change, after }) => ({
          entity_ref: change.entityRef,
          revision: change.revision,
          changed_at_ms: change.at,
          tier: change.tier ?? null,
          status: change.status ?? null,
          previous_status: change.previousStatus ?? null,
          rpo_standing: change.rpoStanding ?? null,
          check_statuses: JSON.stringify(after),
          changes: JSON.stringify(
            change.checks.map(({ summary, ...rest }) =>
              summary === undefined ? rest : { ...rest, summary },
            ),
          ),
        })),
      );
    }
    return revisions.map(({ change }) => change);
  }

  /** The latest revision of each of these entities that has one. */
  private async latestRows(
    db: Knex,
    refs: readonly string[],
  ): Promise<Map<string, Row>> {
    const latest = new Map<string, Row>();
    for (const batch of chunks(refs, CHUNK)) {
      const rows: Row[] = await latestRevisionsOf(db, q =>
        q.whereIn('entity_ref', batch),
      ).select('h.*');
      for (const row of rows) latest.set(row.entity_ref, row);
    }
    return latest;
  }

  /**
   * One entity's revisions, newest first: those before revision `before`
   * (a page's last), changed within [from, to) when given.
   */
  async listEntity(options: {
    entityRef: string;
    before?: number;
    from?: number;
    to?: number;
    limit: number;
  }): Promise<PostureRevision[]> {
    const sql = this.db<Row>('posture_history')
      .where('entity_ref', options.entityRef)
      .orderBy('revision', 'desc')
      .limit(options.limit);
    if (options.before !== undefined)
      sql.where('revision', '<', options.before);
    if (options.from !== undefined)
      sql.where('changed_at_ms', '>=', options.from);
    if (options.to !== undefined) sql.where('changed_at_ms', '<', options.to);
    return (await sql).map(revisionOf);
  }

  /**
   * Every entity's standing against the RPO from `from` to `to` (epoch
   * ms): the one in effect at `from`, then each change before `to`, in
   * time order per entity.
   */
  async listEstateStandings(options: {
    from: number;
    to: number;
  }): Promise<EstateStanding[]> {
    const columns = [
      'h.entity_ref',
      'h.changed_at_ms',
      'h.tier',
      'h.rpo_standing',
      'h.revision',
    ];
    const inEffect: Row[] = await latestRevisionsOf(this.db, q =>
      q.where('changed_at_ms', '<', options.from),
    ).select(columns);
    const within: Row[] = await this.db('posture_history as h')
      .where('h.changed_at_ms', '>=', options.from)
      .andWhere('h.changed_at_ms', '<', options.to)
      .select(columns);
    return [...inEffect, ...within]
      .sort(
        (a, b) =>
          a.entity_ref.localeCompare(b.entity_ref) ||
          Number(a.revision) - Number(b.revision),
      )
      .map(row => ({
        entityRef: row.entity_ref,
        // The standing in effect at `from` counts from `from`.
        at: Math.max(Number(row.changed_at_ms), options.from),
        tier: row.tier ?? undefined,
        rpoStanding: row.rpo_standing ?? undefined,
      }));
  }

  /**
   * Deletes the revisions superseded before `before`, keeping each
   * entity's one in effect then (so the history still says where it stood
   * at the start of the retention), unless that one says it was gone.
   */
  async prune(before: number): Promise<number> {
    const latest: Array<{ entity_ref: string; revision: number | string }> =
      await this.db('posture_history')
        .select('entity_ref')
        .max({ revision: 'revision' })
        .where('changed_at_ms', '<', before)
        .groupBy('entity_ref');
    let deleted = 0;
    for (const batch of chunks(latest, CHUNK)) {
      deleted += await this.db('posture_history')
        .where('changed_at_ms', '<', before)
        .andWhere(inner => {
          for (const { entity_ref, revision } of batch) {
            inner.orWhere(q =>
              q
                .where('entity_ref', entity_ref)
                .andWhere(keep =>
                  keep
                    .where('revision', '<', Number(revision))
                    .orWhereNull('status'),
                ),
            );
          }
        })
        .delete();
    }
    return deleted;
  }
}
