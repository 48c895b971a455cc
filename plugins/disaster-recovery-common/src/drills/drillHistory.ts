import { achievedRpoOf } from './derivedRpo';
import type {
  DrillCorrections,
  DrillKind,
  DrillObjectRef,
  DrillRecord,
} from './drillRecord';
import { drillStateOf, type DrillState } from './drillState';
import { effectiveDrillOutcome } from './effectiveDrillOutcome';
import type {
  DrillEvidenceKey,
  DrillEvidenceRequirements,
} from './requiredEvidence';
import type { VeleroRestoreTest } from './veleroRestoreTests';

/**
 * A drill as the history reads it: the record with its corrections and the
 * doubts found when it was recorded.
 *
 * @public
 */
export type HistoryDrill = DrillRecord &
  DrillCorrections & { warnings?: string[] };

/**
 * One exercise of an entity's recovery: a recorded drill, or a Velero
 * Restore of its backups. `succeeded` is whether it counts as a success.
 *
 * @public
 */
export type DrillHistoryEntry<D extends HistoryDrill = HistoryDrill> = {
  kind: DrillKind;
  /** Absent for a Velero restore that has not finished. */
  endedAt?: string;
  /** Only as recorded: a restore's duration is not an achieved RTO. */
  achievedRtoMs?: number;
  /** Recorded, or derived from the drill's evidence. */
  achievedRpoMs?: number;
  /** How long the Velero restore took. */
  restoreDurationMs?: number;
  outcome: 'succeeded' | 'failed' | 'incomplete';
  /** Whether it counts at all: not voided, superseded, future-dated, or no test. */
  counts: boolean;
  /** Counts, and succeeded. */
  succeeded: boolean;
  /** Why it failed, is incomplete or does not count; empty when it succeeded. */
  reasons: string[];
  /** Flags for people, such as a restore into production. */
  warnings: string[];
} & (
  | {
      source: 'recorded';
      drill: D;
      state: DrillState;
      missingEvidence: DrillEvidenceKey[];
      /** The Velero restore the drill ran, shown as part of it. */
      restoreTest?: VeleroRestoreTest;
    }
  | { source: 'velero'; restoreTest: VeleroRestoreTest }
);

/**
 * Options of {@link drillHistory}.
 *
 * @public
 */
export interface DrillHistoryOptions {
  /** Evidence each kind requires; the defaults when left out. */
  requirements?: DrillEvidenceRequirements;
  /** Drills ending after this do not count. Default: no limit. */
  now?: Date;
}

function endedAtOf(entry: { endedAt?: string }): number {
  return entry.endedAt ? Date.parse(entry.endedAt) : -Infinity;
}

const refKey = (ref: DrillObjectRef) =>
  `${ref.cluster}/${ref.namespace}/${ref.name}`;

/**
 * Why a Velero restore a drill ran undoes the drill's success. Its item
 * count is not among them: the drill's recorded inventory says what came
 * back.
 */
function linkedRestoreFailures(test: VeleroRestoreTest): string[] {
  if (!test.countsAsTest) return test.reasons;
  if (test.phase !== 'Completed')
    return [`its Velero restore ended ${test.phase}`];
  if ((test.errors ?? 0) > 0) {
    return [`its Velero restore completed with ${test.errors} errors`];
  }
  return [];
}

function recordedEntry<D extends HistoryDrill>(
  drill: D,
  linked: VeleroRestoreTest | undefined,
  options: DrillHistoryOptions,
): DrillHistoryEntry<D> {
  const effective = effectiveDrillOutcome(drill, options.requirements);
  const restoreFailures = linked ? linkedRestoreFailures(linked) : [];
  const outcome = restoreFailures.length > 0 ? 'failed' : effective.outcome;
  const reasons =
    restoreFailures.length > 0
      ? [
          ...restoreFailures,
          ...(effective.outcome === 'failed' ? effective.reasons : []),
        ]
      : [...effective.reasons];
  const state = drillStateOf(drill);
  const future =
    options.now !== undefined &&
    Date.parse(drill.endedAt) > options.now.getTime();
  if (state === 'voided') {
    reasons.unshift(`it was voided: ${drill.voided!.reason}`);
  } else if (state === 'superseded') {
    reasons.unshift('it was superseded by a corrected record');
  } else if (future) {
    reasons.unshift(`it is dated in the future (ending ${drill.endedAt})`);
  }
  const counts = state === 'active' && !future;
  return {
    source: 'recorded',
    kind: drill.kind,
    endedAt: drill.endedAt,
    achievedRtoMs: drill.achievedRtoMs,
    achievedRpoMs: achievedRpoOf(drill),
    restoreDurationMs: linked?.durationMs,
    outcome,
    counts,
    succeeded: counts && outcome === 'succeeded',
    reasons,
    warnings: [...(drill.warnings ?? [])],
    drill,
    state,
    missingEvidence: effective.missingEvidence,
    ...(linked ? { restoreTest: linked } : {}),
  };
}

function detectedEntry<D extends HistoryDrill>(
  test: VeleroRestoreTest,
): DrillHistoryEntry<D> {
  return {
    source: 'velero',
    kind: 'restore-test',
    endedAt: test.completedAt,
    restoreDurationMs: test.durationMs,
    outcome: test.succeeded ? 'succeeded' : 'failed',
    counts: test.countsAsTest,
    succeeded: test.succeeded,
    reasons: test.reasons,
    warnings: test.warning ? [test.warning] : [],
    restoreTest: test,
  };
}

/**
 * Recorded drills and Velero restores together, newest first (unfinished
 * restores last). A recorded drill counts by its effective outcome while it
 * is active and not dated after `now`; an active one that names a Velero
 * restore in `evidence.veleroRestore` shows that restore as part of it
 * (which then does not appear on its own), and fails when the restore
 * failed. A
 * restore's duration is its restore duration, never an achieved RTO.
 *
 * @public
 */
export function drillHistory<D extends HistoryDrill>(
  drills: readonly D[],
  restoreTests: readonly VeleroRestoreTest[],
  options: DrillHistoryOptions = {},
): DrillHistoryEntry<D>[] {
  const testsByRef = new Map(
    restoreTests.map(test => [refKey(test.restore), test]),
  );
  const linked = new Set<string>();
  const recorded = drills.map(drill => {
    // A voided or superseded drill no longer speaks for the restore it ran.
    const ref =
      drillStateOf(drill) === 'active'
        ? drill.evidence.veleroRestore
        : undefined;
    const test = ref ? testsByRef.get(refKey(ref)) : undefined;
    if (test) linked.add(refKey(test.restore));
    return recordedEntry(drill, test, options);
  });
  const detected = restoreTests
    .filter(test => !linked.has(refKey(test.restore)))
    .map(test => detectedEntry<D>(test));
  return [...recorded, ...detected].sort((a, b) => endedAtOf(b) - endedAtOf(a));
}
