import type { DrillRecord } from './drillRecord';

/**
 * The outcome a drill counts as, with why it failed.
 *
 * @public
 */
export interface EffectiveDrillOutcome {
  outcome: 'succeeded' | 'failed';
  /** Empty when it succeeded. */
  reasons: string[];
}

/**
 * Decides whether a drill counts as succeeded. A drill reported as a success
 * still fails when its own evidence says recovery was not proven: a manual
 * step the runbook lacks (the next person cannot repeat the recovery), a
 * failed health check, reconciliation or object-version check, or a
 * namespace restored with fewer objects than expected.
 *
 * @public
 */
export function effectiveDrillOutcome(
  drill: DrillRecord,
): EffectiveDrillOutcome {
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
  for (const check of evidence.healthChecks ?? []) {
    if (!check.passed) reasons.push(`health check "${check.name}" failed`);
  }
  if (evidence.reconciliation?.passed === false) {
    reasons.push('reconciliation failed');
  }
  if (evidence.objectVersionCheck?.passed === false) {
    reasons.push('the object version check failed');
  }
  for (const inventory of evidence.namespaceInventory ?? []) {
    if (inventory.restoredObjects < inventory.expectedObjects) {
      reasons.push(
        `namespace ${inventory.namespace} came back with ${inventory.restoredObjects} of ${inventory.expectedObjects} objects`,
      );
    }
  }
  return { outcome: reasons.length === 0 ? 'succeeded' : 'failed', reasons };
}
