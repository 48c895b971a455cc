import type { DrillObjectRef, DrillRecord } from './drillRecord';

/**
 * A PostgreSQL database's recovery window as last collected.
 *
 * @public
 */
export interface DatabaseRecoveryWindow {
  /** The CloudNativePG Cluster. */
  ref: DrillObjectRef;
  /** The oldest point it can be recovered to; absent when unknown. */
  firstRecoverabilityPoint?: string;
}

const sameRef = (a: DrillObjectRef, b: DrillObjectRef) =>
  a.cluster === b.cluster && a.namespace === b.namespace && a.name === b.name;

const describe = (ref: DrillObjectRef) =>
  `${ref.cluster}/${ref.namespace}/${ref.name}`;

/**
 * Doubts about a PostgreSQL restore target (a drill with `evidence.database`
 * and `evidence.restoreTargetTime`): a target after the drill ended lay
 * beyond any WAL archived by then, and one before a database's first
 * recoverability point lay before its recovery window. The window is the
 * one collected when the drill is recorded; its start only moves forward,
 * so for a drill recorded long after it ended a target before it may still
 * have been inside the window then, which the sentence says.
 *
 * @public
 */
export function restoreTargetWarnings(
  drill: DrillRecord,
  windows: readonly DatabaseRecoveryWindow[],
): string[] {
  const { database, restoreTargetTime } = drill.evidence;
  if (!database || !restoreTargetTime) return [];
  const target = Date.parse(restoreTargetTime);
  const warnings: string[] = [];
  if (target > Date.parse(drill.endedAt)) {
    warnings.push(
      `The restore target ${restoreTargetTime} is after the drill ended (${drill.endedAt}), beyond any WAL archived by then: it was outside the database's recovery window.`,
    );
  }
  const restored = database.cluster
    ? windows.filter(w => sameRef(w.ref, database.cluster!))
    : windows;
  for (const window of restored) {
    const first = window.firstRecoverabilityPoint;
    if (first && target < Date.parse(first)) {
      warnings.push(
        `The restore target ${restoreTargetTime} is before the first recoverability point ${first} of ${describe(
          window.ref,
        )} (as collected when the drill was recorded): it was outside the database's recovery window, so the restore cannot have reached it.`,
      );
    }
  }
  return warnings;
}
