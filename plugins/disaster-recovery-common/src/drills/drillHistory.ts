import type { DrillKind, DrillRecord } from './drillRecord';
import { effectiveDrillOutcome } from './effectiveDrillOutcome';
import type { VeleroRestoreTest } from './veleroRestoreTests';

/**
 * One exercise of an entity's recovery: a recorded drill, or a restore test
 * detected from a Velero Restore. `succeeded` is the outcome that counts.
 *
 * @public
 */
export type DrillHistoryEntry<D extends DrillRecord = DrillRecord> = {
  kind: DrillKind;
  /** Absent for a Velero restore that has not finished. */
  endedAt?: string;
  achievedRtoMs?: number;
  achievedRpoMs?: number;
  succeeded: boolean;
  /** Why it counts as failed; empty when it succeeded. */
  reasons: string[];
} & (
  | { source: 'recorded'; drill: D }
  | { source: 'velero'; restoreTest: VeleroRestoreTest }
);

function endedAtOf(entry: { endedAt?: string }): number {
  return entry.endedAt ? Date.parse(entry.endedAt) : -Infinity;
}

/**
 * Recorded drills and detected restore tests together, newest first
 * (unfinished restores last). A recorded drill counts by its effective
 * outcome; a restore's achieved RTO is how long it took and its RPO how old
 * the restored backup was.
 *
 * @public
 */
export function drillHistory<D extends DrillRecord>(
  drills: readonly D[],
  restoreTests: readonly VeleroRestoreTest[],
): DrillHistoryEntry<D>[] {
  const recorded = drills.map<DrillHistoryEntry<D>>(drill => {
    const { outcome, reasons } = effectiveDrillOutcome(drill);
    return {
      source: 'recorded',
      kind: drill.kind,
      endedAt: drill.endedAt,
      achievedRtoMs: drill.achievedRtoMs,
      achievedRpoMs: drill.achievedRpoMs,
      succeeded: outcome === 'succeeded',
      reasons,
      drill,
    };
  });
  const detected = restoreTests.map<DrillHistoryEntry<D>>(test => ({
    source: 'velero',
    kind: 'restore-test',
    endedAt: test.completedAt,
    achievedRtoMs: test.durationMs,
    achievedRpoMs: test.restoredPointAgeMs,
    succeeded: test.succeeded,
    reasons: test.succeeded ? [] : [`it ended ${test.phase}`],
    restoreTest: test,
  }));
  return [...recorded, ...detected].sort((a, b) => endedAtOf(b) - endedAtOf(a));
}
