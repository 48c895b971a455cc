import type { DrillRecord } from './drillRecord';

/**
 * An achieved RPO worked out from a drill's evidence.
 *
 * @public
 */
export interface DerivedRpo {
  ms: number;
  /** What the restore target was measured against. */
  from: 'backup' | 'wal';
}

/**
 * The data a restore lost, from its evidence: the restore target time minus
 * the last archived WAL before it (PostgreSQL point-in-time recovery), or
 * else minus the restored backup's creation time. Undefined without a
 * restore target, or when neither comes before it.
 *
 * @public
 */
export function derivedRpoOf(drill: DrillRecord): DerivedRpo | undefined {
  const { restoreTargetTime, database, backup } = drill.evidence;
  if (!restoreTargetTime) return undefined;
  const target = Date.parse(restoreTargetTime);
  for (const [from, time] of [
    ['wal', database?.lastArchivedWalAt],
    ['backup', backup?.createdAt],
  ] as const) {
    if (time !== undefined && Date.parse(time) <= target) {
      return { ms: target - Date.parse(time), from };
    }
  }
  return undefined;
}

/**
 * The achieved RPO a drill counts with: the larger of the one recorded and
 * the one its evidence gives, so that a recorded figure smaller than what
 * the restore target and the restored backup prove never passes for it.
 * Record `evidence.database.lastArchivedWalAt` when WAL replay brought the
 * data closer to the target than the backup.
 *
 * @public
 */
export function achievedRpoOf(drill: DrillRecord): number | undefined {
  const derived = derivedRpoOf(drill)?.ms;
  if (drill.achievedRpoMs === undefined) return derived;
  return Math.max(drill.achievedRpoMs, derived ?? 0);
}
