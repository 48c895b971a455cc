import {
  drillEvidenceTitle,
  drillHistory,
  type DrillEvidenceKey,
  type DrillHistoryEntry,
  type DrillListResponse,
  type RecordedDrill,
  type VeleroRestoreTest,
} from '@dr-posture/plugin-disaster-recovery-common';
import { DRILL_KIND_TITLES } from '../../drills';

/** The outcome a row shows: how it counts, or why it does not count at all. */
export type DrillRowOutcome =
  | 'succeeded'
  | 'failed'
  | 'incomplete'
  | 'voided'
  | 'superseded'
  | 'restore-into-production'
  | 'not-counted';

/** One line of the drill history: a recorded drill or a detected Velero restore. */
export interface DrillRow {
  id: string;
  title: string;
  endedAt?: string;
  achievedRtoMs?: number;
  achievedRpoMs?: number;
  /** How long a Velero restore took: not an achieved RTO. */
  restoreDurationMs?: number;
  /** Whether the achieved RTO may be set against the service's RTO. */
  comparesWithServiceRto: boolean;
  outcome: DrillRowOutcome;
  /** Counts, and succeeded. */
  succeeded: boolean;
  /** Whether it counts at all. */
  counts: boolean;
  /** Why it failed, is incomplete or does not count; empty when it succeeded. */
  reasons: string[];
  missingEvidence: DrillEvidenceKey[];
  warnings: string[];
  recorded?: RecordedDrill;
  restoreTest?: VeleroRestoreTest;
}

const SEVERITY = { succeeded: 0, incomplete: 1, failed: 2 } as const;

function titleOf(entry: DrillHistoryEntry<RecordedDrill>): string {
  if (entry.source === 'recorded') {
    return `${DRILL_KIND_TITLES[entry.kind]} (recorded)`;
  }
  return entry.restoreTest.because === 'restore-into-production'
    ? 'Restore into production (detected from Velero)'
    : 'Restore test (detected from Velero)';
}

/**
 * The outcome of a recorded drill: the worse of what the backend judged
 * and what the history rule finds here (a failed linked Velero restore),
 * so that the page never shows a success neither backs.
 */
function recordedOutcome(
  entry: Extract<DrillHistoryEntry<RecordedDrill>, { source: 'recorded' }>,
) {
  const stored = entry.drill.effectiveOutcome;
  const worse =
    SEVERITY[stored.outcome] > SEVERITY[entry.outcome]
      ? stored.outcome
      : entry.outcome;
  const missingEvidence =
    worse === 'incomplete' && stored.outcome === 'incomplete'
      ? stored.missingEvidence
      : entry.missingEvidence;
  const reasons = [...new Set([...entry.reasons, ...stored.reasons])];
  return { outcome: worse, missingEvidence, reasons };
}

function rowOf(entry: DrillHistoryEntry<RecordedDrill>): DrillRow {
  const common = {
    title: titleOf(entry),
    endedAt: entry.endedAt,
    achievedRtoMs: entry.achievedRtoMs,
    achievedRpoMs: entry.achievedRpoMs,
    restoreDurationMs: entry.restoreDurationMs,
    counts: entry.counts,
    warnings: entry.warnings,
    restoreTest: entry.restoreTest,
  };
  if (entry.source === 'velero') {
    const test = entry.restoreTest;
    const intoProduction = test.because === 'restore-into-production';
    let outcome: DrillRowOutcome = entry.outcome;
    if (intoProduction) outcome = 'restore-into-production';
    else if (!entry.counts) outcome = 'not-counted';
    return {
      ...common,
      id: `restore:${test.restore.cluster}/${test.restore.namespace}/${test.restore.name}`,
      comparesWithServiceRto: false,
      outcome,
      succeeded: entry.succeeded,
      reasons: entry.reasons,
      missingEvidence: [],
    };
  }
  const judged = recordedOutcome(entry);
  let outcome: DrillRowOutcome = judged.outcome;
  if (entry.state !== 'active') outcome = entry.state;
  else if (!entry.counts) outcome = 'not-counted';
  return {
    ...common,
    id: `drill:${entry.drill.id}`,
    comparesWithServiceRto:
      entry.kind !== 'restore-test' || entry.drill.coversWholeService === true,
    outcome,
    succeeded: entry.counts && judged.outcome === 'succeeded',
    reasons: judged.reasons,
    missingEvidence: judged.missingEvidence,
    recorded: entry.drill,
  };
}

/** Recorded drills and detected Velero restores together, newest first. */
export function drillRows(
  drills: Pick<
    DrillListResponse,
    'items' | 'restoreTests' | 'requiredEvidence'
  >,
  now: Date = new Date(),
): DrillRow[] {
  // The backend's evidence requirements, so rows judge as it does.
  return drillHistory(drills.items, drills.restoreTests, {
    now,
    requirements: drills.requiredEvidence,
  }).map(rowOf);
}

/** What a row lacks, as a sentence part: `the restore target time; health checks`. */
export function missingEvidenceText(row: DrillRow): string {
  return row.missingEvidence.map(drillEvidenceTitle).join('; ');
}
