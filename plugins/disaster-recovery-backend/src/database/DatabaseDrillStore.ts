import type { RecordedDrill } from '@dr-posture/plugin-disaster-recovery-common';
import type { Knex } from 'knex';

/** Recorded drills on the plugin's own database. */
export class DatabaseDrillStore {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseDrillStore {
    return new DatabaseDrillStore(db);
  }

  async add(drill: RecordedDrill): Promise<void> {
    await this.db.transaction(async tx => {
      await tx('drills').insert({
        id: drill.id,
        kind: drill.kind,
        started_at: new Date(drill.startedAt),
        ended_at: new Date(drill.endedAt),
        outcome: drill.outcome,
        effective_outcome: drill.effectiveOutcome.outcome,
        record: JSON.stringify(drill),
        recorded_by: drill.recordedBy,
        recorded_at: new Date(drill.recordedAt),
      });
      await tx('drill_entities').insert(
        [...new Set(drill.entityRefs)].map(entityRef => ({
          drill_id: drill.id,
          entity_ref: entityRef,
        })),
      );
    });
  }

  /** Drills of one entity, or all drills, newest first. */
  async list(entityRef?: string): Promise<RecordedDrill[]> {
    const query = this.db('drills')
      .select('drills.record')
      .orderBy([
        { column: 'drills.ended_at', order: 'desc' },
        { column: 'drills.id', order: 'desc' },
      ]);
    if (entityRef) {
      query
        .join('drill_entities', 'drill_entities.drill_id', 'drills.id')
        .where('drill_entities.entity_ref', entityRef);
    }
    const rows = await query;
    return rows.map(row => JSON.parse(row.record));
  }
}
