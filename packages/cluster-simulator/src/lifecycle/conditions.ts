import type { JsonObject } from '../kube/kubeObject.ts';
import { kubeTimestamp } from '../time/timestamps.ts';

/** A `metav1.Condition` as CloudNativePG sets them. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime: string;
}

/**
 * Returns `conditions` with the one of the same type replaced; the
 * transition time only moves when the status changes, as in
 * apimachinery `meta.SetStatusCondition`.
 */
export function setCondition(
  conditions: unknown,
  next: Omit<Condition, 'lastTransitionTime'>,
  at: number,
): Condition[] {
  const list = Array.isArray(conditions) ? (conditions as Condition[]) : [];
  const existing = list.find(c => c.type === next.type);
  const updated: Condition = {
    ...next,
    lastTransitionTime:
      existing && existing.status === next.status
        ? existing.lastTransitionTime
        : kubeTimestamp(at),
  };
  return existing
    ? list.map(c => (c.type === next.type ? updated : c))
    : [...list, updated];
}

/** The status (`True`/`False`/…) of a condition type, if present. */
export function conditionStatus(
  status: JsonObject | undefined,
  type: string,
): string | undefined {
  const list = Array.isArray(status?.conditions)
    ? (status!.conditions as Condition[])
    : [];
  return list.find(c => c.type === type)?.status;
}
