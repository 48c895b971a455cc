import type {
  DrillCorrections,
  EffectiveDrillOutcome,
  DrillRecord,
  DrillVoid,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';
import { toIso } from './toIso';

/**
 * A drill as stored: the record as posted (with every entity it names),
 * who recorded it, the doubts found then, and how it was corrected since.
 */
export type StoredDrill = DrillRecord &
  DrillCorrections & {
    id: string;
    recordedBy: string;
    recordedAt: string;
    warnings: string[];
    /** Id of the drill this one corrected. */
    supersedes?: string;
  };

/** A drill to store, with the outcome it was judged to have when recorded. */
export interface NewDrill {
  drill: StoredDrill;
  judged: EffectiveDrillOutcome['outcome'];
}

/** Where a page of drills ended: the last drill's end and id. */
export interface DrillPosition {
  endedAtMs: number;
  id: string;
}

/** Who corrects a drill, and when. */
export interface DrillCorrection {
  at: Date;
  by: string;
}

interface DrillRow {
  record: string;
  ended_at_ms: number | string | null;
  state: string;
  corrected_at: unknown;
  corrected_by: string | null;
  void_reason: string | null;
  superseded_by: string | null;
  supersedes: string | null;
}

const COLUMNS = [
  'drills.id',
  'drills.record',
  'drills.ended_at_ms',
  'drills.state',
  'drills.corrected_at',
  'drills.corrected_by',
  'drills.void_reason',
  'drills.superseded_by',
  'drills.supersedes',
];

function drillOf(row: DrillRow): StoredDrill {
  const record = JSON.parse(row.record) as StoredDrill;
  const voided: DrillVoid | undefined =
    row.state === 'voided'
      ? {
          at: toIso(row.corrected_at)!,
          by: row.corrected_by!,
          reason: row.void_reason!,
        }
      : undefined;
  return {
    ...record,
    ...(voided ? { voided } : {}),
    ...(row.superseded_by ? { supersededBy: row.superseded_by } : {}),
    ...(row.supersedes ? { supersedes: row.supersedes } : {}),
  };
}

/**
 * Recorded drills on the plugin's own database. A drill is never deleted:
 * it is voided or superseded, and stays in the history.
 */
export class DatabaseDrillStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseDrillStore {
    return new DatabaseDrillStore(db);
  }

  private async insert(tx: Knex.Transaction, { drill, judged }: NewDrill) {
    const { voided, supersededBy, supersedes, ...record } = drill;
    await tx('drills').insert({
      id: drill.id,
      kind: drill.kind,
      started_at: new Date(drill.startedAt),
      ended_at: new Date(drill.endedAt),
      ended_at_ms: Date.parse(drill.endedAt),
      outcome: drill.outcome,
      // As judged when recorded; reads judge again with today's config.
      effective_outcome: judged,
      record: JSON.stringify(record),
      recorded_by: drill.recordedBy,
      recorded_at: new Date(drill.recordedAt),
      state: 'active',
      supersedes: supersedes ?? null,
    });
    await tx('drill_entities').insert(
      [...new Set(drill.entityRefs)].map(entityRef => ({
        drill_id: drill.id,
        entity_ref: entityRef,
      })),
    );
  }

  async add(added: NewDrill): Promise<void> {
    await this.db.transaction(tx => this.insert(tx, added));
  }

  async get(id: string): Promise<StoredDrill | undefined> {
    const [row] = await this.db('drills').select(COLUMNS).where({ id });
    return row ? drillOf(row) : undefined;
  }

  /** Every drill, for the rules (which skip voided and superseded ones). */
  async list(): Promise<StoredDrill[]> {
    const rows = await this.db('drills').select(COLUMNS);
    return rows.map(drillOf);
  }

  /**
   * Changes whenever a drill is recorded, voided or superseded: what the
   * posture evaluator compares to know that its drills are current.
   */
  async fingerprint(): Promise<string> {
    const [row] = await this.db('drills').select(
      this.db.raw('count(*) as drills'),
      this.db.raw('count(corrected_at) as corrected'),
      this.db.raw('max(recorded_at) as recorded'),
      this.db.raw('max(corrected_at) as latest_correction'),
    );
    return JSON.stringify([
      Number(row.drills),
      Number(row.corrected),
      toIso(row.recorded) ?? null,
      toIso(row.latest_correction) ?? null,
    ]);
  }

  /** One page of an entity's drills, newest first, and where it ended when more follow. */
  async page(
    entityRef: string,
    options: { after?: DrillPosition; limit: number },
  ): Promise<{ items: StoredDrill[]; next?: DrillPosition }> {
    const { after, limit } = options;
    const query = this.db('drills')
      .select(COLUMNS)
      .join('drill_entities', 'drill_entities.drill_id', 'drills.id')
      .where('drill_entities.entity_ref', entityRef)
      .orderBy([
        { column: 'drills.ended_at_ms', order: 'desc' },
        { column: 'drills.id', order: 'desc' },
      ])
      .limit(limit + 1);
    if (after) {
      query.where(inner =>
        inner
          .where('drills.ended_at_ms', '<', after.endedAtMs)
          .orWhere(tie =>
            tie
              .where('drills.ended_at_ms', after.endedAtMs)
              .where('drills.id', '<', after.id),
          ),
      );
    }
    const rows: Array<DrillRow & { id: string }> = await query;
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(drillOf),
      next:
        rows.length > limit
          ? { endedAtMs: Number(last.ended_at_ms), id: last.id }
          : undefined,
    };
  }

  /** Voids an active drill; false when it is not active (any more). */
  async void(
    id: string,
    correction: DrillCorrection & { reason: string },
  ): Promise<boolean> {
    const updated = await this.db('drills')
      .where({ id, state: 'active' })
      .update({
        state: 'voided',
        corrected_at: correction.at,
        corrected_by: correction.by,
        void_reason: correction.reason,
      });
    return updated === 1;
  }

  /**
   * Records a drill as the correction of the active drill `id`, which stays
   * as superseded; false, storing nothing, when that drill is not active.
   */
  async supersede(
    id: string,
    added: NewDrill,
    correction: DrillCorrection,
  ): Promise<boolean> {
    return this.db.transaction(async tx => {
      const updated = await tx('drills').where({ id, state: 'active' }).update({
        state: 'superseded',
        superseded_by: added.drill.id,
        corrected_at: correction.at,
        corrected_by: correction.by,
      });
      if (updated !== 1) return false;
      await this.insert(tx, {
        ...added,
        drill: { ...added.drill, supersedes: id },
      });
      return true;
    });
  }
}
