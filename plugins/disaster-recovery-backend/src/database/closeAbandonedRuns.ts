import type { Knex } from 'knex';

/** The reason recorded on a run its process never finished. */
export const ABANDONED_RUN_ERROR =
  'the backend process collecting this cluster stopped before the run finished (restarted or killed); nothing it listed was deleted';

/**
 * Marks runs still `running` failed, with {@link ABANDONED_RUN_ERROR}: those
 * of one cluster, or those started before a moment no live run can have
 * started at. Returns how many were closed. Stored objects are untouched: an
 * abandoned run marked nothing deleted.
 */
export async function closeAbandonedRuns(
  db: Knex,
  options: { cluster?: string; startedBefore?: Date; now: Date },
): Promise<number> {
  const open = db('collection_runs')
    .select('id', 'cluster')
    .where({ status: 'running' });
  if (options.cluster !== undefined) {
    open.andWhere({ cluster: options.cluster });
  }
  if (options.startedBefore !== undefined) {
    open.andWhere('started_at', '<', options.startedBefore);
  }
  const runs: Array<{ id: number; cluster: string }> = await open;
  if (runs.length === 0) {
    return 0;
  }
  const closed = await db('collection_runs')
    .update({
      status: 'failed',
      finished_at: options.now,
      error: ABANDONED_RUN_ERROR,
    })
    .whereIn(
      'id',
      runs.map(run => run.id),
    )
    .andWhere({ status: 'running' });
  await db('clusters')
    .update({ last_error: ABANDONED_RUN_ERROR })
    .whereIn('name', [...new Set(runs.map(run => run.cluster))]);
  return closed;
}
