import type {
  PodDisruptionBudgetRecord,
  WorkloadControllerRecord,
} from '../records';
import { matchesLabelSelector } from '../selectors';

/**
 * The PodDisruptionBudgets whose selector takes a workload's pods (an
 * absent selector takes none, an empty one every pod of the namespace).
 *
 * @public
 */
export function budgetsCovering(
  controller: WorkloadControllerRecord,
  budgets: readonly PodDisruptionBudgetRecord[],
): PodDisruptionBudgetRecord[] {
  return budgets.filter(
    budget =>
      budget.deletedAt === undefined &&
      budget.cluster === controller.cluster &&
      budget.namespace === controller.namespace &&
      budget.selector !== undefined &&
      matchesLabelSelector(budget.selector, controller.podLabels),
  );
}

/** An integer or a percentage of `total`, rounded up as the disruption controller does. */
function scaled(value: number | string, total: number): number | undefined {
  if (typeof value === 'number') return value;
  const percent = /^(\d+)%$/.exec(value.trim());
  if (percent) return Math.ceil((Number(percent[1]) * total) / 100);
  return /^\d+$/.test(value.trim()) ? Number(value) : undefined;
}

/**
 * What a budget lets the cluster do to `replicas` healthy pods: how many
 * must stay up and how many may be evicted at once. Undefined when its
 * values cannot be read.
 *
 * @public
 */
export function budgetAllowance(
  budget: PodDisruptionBudgetRecord,
  replicas: number,
): { minHealthy: number; allowed: number } | undefined {
  let minHealthy: number | undefined;
  if (budget.minAvailable !== undefined) {
    minHealthy = scaled(budget.minAvailable, replicas);
  } else if (budget.maxUnavailable !== undefined) {
    const unavailable = scaled(budget.maxUnavailable, replicas);
    minHealthy = unavailable === undefined ? undefined : replicas - unavailable;
  }
  if (minHealthy === undefined) return undefined;
  minHealthy = Math.max(0, minHealthy);
  return { minHealthy, allowed: Math.max(0, replicas - minHealthy) };
}
