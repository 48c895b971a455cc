import type { DrillRecord } from './drillRecord';
import {
  drillEvidenceTitle,
  missingDrillEvidence,
  type DrillEvidenceKey,
  type DrillEvidenceRequirements,
} from './requiredEvidence';

/**
 * The outcome a drill counts as, with why.
 *
 * @public
 */
export interface EffectiveDrillOutcome {
  /**
   * `failed`: reported failed, or its evidence shows recovery was not
   * proven; `incomplete`: evidence its kind requires is missing. Only
   * `succeeded` counts.
   */
  outcome: 'succeeded' | 'failed' | 'incomplete';
  /** Empty when it succeeded. */
  reasons: string[];
  /** The required evidence not recorded. */
  missingEvidence: DrillEvidenceKey[];
}

function failedChecks(
  checks: DrillRecord['evidence']['healthChecks'],
  noun: string,
): string[] {
  return (checks ?? [])
    .filter(check => !check.passed)
    .map(check => `${noun} "${check.name}" failed`);
}

/** Why the drill's own evidence says recovery was not proven. */
function failureReasons(drill: DrillRecord): string[] {
  const reasons: string[] = [];
  const { evidence } = drill;
  if (drill.outcome === 'failed') {
    reasons.push('it was reported as failed');
  }
  const manual = evidence.manualStepsNotInRunbook;
  if (manual.length > 0) {
    reasons.push(
      `${manual.length} manual step${
        manual.length === 1 ? ' was' : 's were'
      } not in the runbook (${manual.join('; ')})`,
    );
  }
  reasons.push(...failedChecks(evidence.healthChecks, 'health check'));
  reasons.push(
    ...failedChecks(
      evidence.applicationHealthChecks,
      'application health check',
    ),
  );
  // Only a verification marked passed proves anything.
  if (evidence.reconciliation && evidence.reconciliation.passed !== true) {
    reasons.push('reconciliation failed');
  }
  if (
    evidence.objectVersionCheck &&
    evidence.objectVersionCheck.passed !== true
  ) {
    reasons.push('the object version check failed');
  }
  for (const inventory of evidence.namespaceInventory ?? []) {
    if (inventory.restoredObjects < inventory.expectedObjects) {
      reasons.push(
        `namespace ${inventory.namespace} came back with ${inventory.restoredObjects} of ${inventory.expectedObjects} objects`,
      );
    }
  }
  return reasons;
}

/**
 * Decides whether a drill counts as succeeded. A drill reported as a success
 * still fails when its own evidence says recovery was not proven: a manual
 * step the runbook lacks (the next person cannot repeat the recovery), a
 * failed health check, application health check, reconciliation or
 * object-version check, or a namespace restored with fewer objects than
 * expected. Without a failure it is `incomplete` while evidence its kind
 * requires is missing.
 *
 * @public
 */
export function effectiveDrillOutcome(
  drill: DrillRecord,
  requirements?: DrillEvidenceRequirements,
): EffectiveDrillOutcome {
  const failures = failureReasons(drill);
  const missingEvidence = missingDrillEvidence(drill, requirements);
  if (failures.length > 0) {
    return { outcome: 'failed', reasons: failures, missingEvidence };
  }
  if (missingEvidence.length > 0) {
    return {
      outcome: 'incomplete',
      reasons: [
        `it lacks required evidence: ${missingEvidence
          .map(drillEvidenceTitle)
          .join('; ')}`,
      ],
      missingEvidence,
    };
  }
  return { outcome: 'succeeded', reasons: [], missingEvidence };
}
