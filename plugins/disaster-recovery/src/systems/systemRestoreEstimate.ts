import {
  formatDuration,
  type EntityVerdict,
} from '@dr-posture/plugin-disaster-recovery-common';

/** A component of the system in its restore order, with its verdict when read. */
export interface RestoredComponent {
  entityRef: string;
  /** How people know it: the title, else the name. */
  name: string;
  /** Absent when its posture could not be read. */
  verdict?: EntityVerdict;
}

/**
 * How long bringing the whole system back would take against its RTO:
 * `within`, `over`, or `unknown` with the reason, never a guess.
 */
export interface SystemRestoreEstimate {
  answer: 'within' | 'over' | 'unknown';
  /** The components' measured restore times added up, in restore order. */
  estimatedMs?: number;
  /** The strictest RTO of the components: the system is down until it is all back. */
  targetMs?: number;
  reason: string;
}

function names(components: RestoredComponent[]): string {
  const shown = components.slice(0, 3).map(c => c.name);
  const more = components.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * The system's estimated restore time: each component's restore time as
 * the drill that decided its RTO measured it, added up in restore order.
 * Restores that could run side by side are counted one after another, so
 * the estimate errs long. A component without such a measurement, or
 * whose posture is unreadable, leaves the estimate unknown.
 */
export function systemRestoreEstimateOf(
  components: RestoredComponent[],
): SystemRestoreEstimate {
  if (components.length === 0) {
    return {
      answer: 'unknown',
      reason: 'The system has no evaluated component.',
    };
  }
  const unread = components.filter(c => !c.verdict);
  if (unread.length) {
    return {
      answer: 'unknown',
      reason: `The posture of ${names(unread)} could not be read.`,
    };
  }
  const targets = components.flatMap(c => c.verdict!.recoveryTime.rtoMs ?? []);
  const targetMs = targets.length ? Math.min(...targets) : undefined;
  const unmeasured = components.filter(c => !c.verdict!.recoveryTime.drill);
  if (unmeasured.length) {
    return {
      answer: 'unknown',
      targetMs,
      reason: `No drill measured the restore time of ${names(unmeasured)}.`,
    };
  }
  const estimatedMs = components.reduce(
    (sum, c) => sum + c.verdict!.recoveryTime.drill!.achievedRtoMs,
    0,
  );
  if (targetMs === undefined) {
    return {
      answer: 'unknown',
      estimatedMs,
      reason: 'No component has a readable RTO.',
    };
  }
  const within = estimatedMs <= targetMs;
  return {
    answer: within ? 'within' : 'over',
    estimatedMs,
    targetMs,
    reason: `Restored one after another, the components take ${formatDuration(
      estimatedMs,
    )} as drills measured them, ${
      within ? 'within' : 'over'
    } the strictest RTO of ${formatDuration(targetMs)}.`,
  };
}
