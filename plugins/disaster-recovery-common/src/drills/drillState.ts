import type { DrillCorrections, DrillRecord } from './drillRecord';

/**
 * Where a stored drill stands: `active` drills count by their effective
 * outcome; `voided` and `superseded` ones stay in the history and never
 * count.
 *
 * @public
 */
export type DrillState = 'active' | 'voided' | 'superseded';

/**
 * The state of a stored drill.
 *
 * @public
 */
export function drillStateOf(drill: DrillCorrections): DrillState {
  if (drill.voided) return 'voided';
  if (drill.supersededBy) return 'superseded';
  return 'active';
}

/**
 * Whether the rules may count a drill at `now`: active, and ended by then.
 * A drill dated in the future proves nothing yet, however it got stored.
 *
 * @public
 */
export function drillCountsAt(
  drill: DrillRecord & DrillCorrections,
  now: Date,
): boolean {
  return (
    drillStateOf(drill) === 'active' &&
    Date.parse(drill.endedAt) <= now.getTime()
  );
}
