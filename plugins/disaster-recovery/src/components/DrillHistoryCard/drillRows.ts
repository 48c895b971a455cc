import type {
  DrillKind,
  DrillListResponse,
  RecordedDrill,
  VeleroRestoreTest,
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

function fromRecorded(drill: RecordedDrill): DrillRow {
  return {
    id: `drill:${drill.id}`,
    title: `${DRILL_KIND_TITLES[drill.kind]} (recorded)`,
    endedAt: drill.endedAt,
    achievedRtoMs: drill.achievedRtoMs,
    achievedRpoMs: drill.achievedRpoMs,
    succeeded: drill.effectiveOutcome.outcome === 'succeeded',
    reasons: drill.effectiveOutcome.reasons,
    recorded: drill,
  };
}

function fromRestoreTest(test: VeleroRestoreTest): DrillRow {
  return {
    id: `restore:${test.restore.cluster}/${test.restore.namespace}/${test.restore.name}`,
    title: 'Restore test (detected from Velero)',
    endedAt: test.completedAt,
    achievedRtoMs: test.durationMs,
    achievedRpoMs: test.restoredPointAgeMs,
    succeeded: test.succeeded,
    reasons: test.succeeded ? [] : [`the restore ended ${test.phase}`],
    restoreTest: test,
  };
}

/** Recorded drills and detected restore tests together, newest first. */
export function drillRows(drills: DrillListResponse): DrillRow[] {
  return [
    ...drills.items.map(fromRecorded),
    ...drills.restoreTests.map(fromRestoreTest),
  ].sort(
    (a, b) =>
      (b.endedAt ? Date.parse(b.endedAt) : 0) -
      (a.endedAt ? Date.parse(a.endedAt) : 0),
  );
}
