import type {
  CollectedRow,
  StoredVersion,
} from '@dr-posture/plugin-disaster-recovery-node';

/**
 * `carryOver` of a schedule kind whose record says whether it is paused in
 * `flag` (a Velero Schedule's `paused`, a ScheduledBackup's `suspended`):
 * Kubernetes records no time for a spec change, so the collector notes when
 * it first saw the schedule paused after seeing it run, and keeps that time
 * while it stays paused. Paused when first collected, it stays unknown.
 */
export function carryPausedSince(flag: 'paused' | 'suspended') {
  return (
    row: CollectedRow,
    stored: StoredVersion | undefined,
    seenAt: Date,
  ): CollectedRow => {
    if (row.record[flag] !== true || !stored) return row;
    const before = stored.record;
    const pausedSince =
      before[flag] === true ? before.pausedSince : seenAt.toISOString();
    return typeof pausedSince === 'string'
      ? { ...row, record: { ...row.record, pausedSince } }
      : row;
  };
}
