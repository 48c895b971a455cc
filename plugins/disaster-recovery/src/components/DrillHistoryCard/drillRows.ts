import {
  drillHistory,
  type DrillHistoryEntry,
  type DrillKind,
  type DrillListResponse,
  type RecordedDrill,
  type VeleroRestoreTest,
} from '@dr-posture/plugin-disaster-recovery-common';

/** One line of the drill history: a recorded drill or a detected restore test. */
export interface DrillRow {
  id: string;
  title: string;
  endedAt?: string;
  achievedRtoMs?: number;
  achievedRpoMs?: number;
  /** The outcome that counts. */
  succeeded: boolean;
  /** Why it counts as failed. */
  reasons: string[];
  recorded?: RecordedDrill;
  restoreTest?: VeleroRestoreTest;
}

/** How a drill kind is named in the UI. */
export const DRILL_KIND_TITLES: Record<DrillKind, string> = {
  'restore-test': 'Restore test',
  'dr-drill': 'DR drill',
  'full-dr-test': 'Full DR test',
  'failover-drill': 'Failover drill',
};

function titleOf(entry: DrillHistoryEntry<RecordedDrill>): string {
  return entry.source === 'recorded'
    ? `${DRILL_KIND_TITLES[entry.kind]} (recorded)`
    : 'Restore test (detected from Velero)';
}

/** Recorded drills and detected restore tests together, newest first. */
export function drillRows(drills: DrillListResponse): DrillRow[] {
  return drillHistory(drills.items, drills.restoreTests).map(entry => ({
    id:
      entry.source === 'recorded'
        ? `drill:${entry.drill.id}`
        : `restore:${entry.restoreTest.restore.cluster}/${entry.restoreTest.restore.namespace}/${entry.restoreTest.restore.name}`,
    title: titleOf(entry),
    endedAt: entry.endedAt,
    achievedRtoMs: entry.achievedRtoMs,
    achievedRpoMs: entry.achievedRpoMs,
    succeeded: entry.succeeded,
    reasons: entry.reasons,
    ...(entry.source === 'recorded'
      ? { recorded: entry.drill }
      : { restoreTest: entry.restoreTest }),
  }));
}
