import type { Knex } from 'knex';

/** Objects of one cluster written or marked deleted together. */
export interface QueuedChange {
  id: number;
  cluster: string;
  uids: string[];
}

/**
 * The changes the collector queued for the posture evaluator (written in
 * the transaction of the change itself), and which replica evaluates.
 * Rows are removed by id once handled, so a change committed late is read
 * by a later round, never skipped.
 */
export class DatabaseChangeQueue {
  private constructor(private readonly db: Knex) {}

  static create(db: Knex): DatabaseChangeQueue {
    return new DatabaseChangeQueue(db);
  }

  /** The oldest queued changes, up to `limit` rows. */
  async read(limit: number): Promise<QueuedChange[]> {
    const rows = await this.db('posture_changes')
      .select('id', 'cluster', 'uids')
      .orderBy('id')
      .limit(limit);
    return rows.map(row => ({
      id: Number(row.id),
      cluster: row.cluster,
      uids: JSON.parse(row.uids),
    }));
  }

  /** The ids of every queued change. */
  async pendingIds(): Promise<number[]> {
    const ids = await this.db('posture_changes').pluck('id');
    return ids.map(Number);
  }

  async remove(ids: readonly number[]): Promise<void> {
    for (let i = 0; i < ids.length; i += 500) {
      await this.db('posture_changes')
        .delete()
        .whereIn('id', ids.slice(i, i + 500));
    }
  }

  /**
   * Claims the evaluation for `owner` until `expiresAt`, unless another
   * replica holds it longer: `held` says whether `owner` has it, and
   * `continued` whether it had it last, so that no other replica handled
   * changes since and what `owner` keeps in memory is current.
   */
  async claim(
    owner: string,
    now: number,
    expiresAt: number,
  ): Promise<{ held: boolean; continued: boolean }> {
    return this.db.transaction(async trx => {
      const lease = await trx('evaluation_lease').where({ id: 1 }).first();
      if (!lease) {
        await trx('evaluation_lease').insert({
          id: 1,
          owner,
          expires_at_ms: expiresAt,
        });
        return { held: true, continued: false };
      }
      if (lease.owner !== owner && Number(lease.expires_at_ms) > now) {
        return { held: false, continued: false };
      }
      // Compare and swap: of replicas claiming a lapsed lease, one wins.
      const updated = await trx('evaluation_lease')
        .update({ owner, expires_at_ms: expiresAt })
        .where({
          id: 1,
          owner: lease.owner,
          expires_at_ms: lease.expires_at_ms,
        });
      return updated === 1
        ? { held: true, continued: lease.owner === owner }
        : { held: false, continued: false };
    });
  }

  /** Extends `owner`'s claim after work that took long. */
  async renew(owner: string, expiresAt: number): Promise<void> {
    await this.db('evaluation_lease')
      .update({ expires_at_ms: expiresAt })
      .where({ id: 1, owner });
  }
}
