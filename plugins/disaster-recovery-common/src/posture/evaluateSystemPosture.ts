import type { CheckStatus } from '../checks/types';
import type { EntityPosture } from './evaluateEntityPosture';
import { worstStatus } from './worstStatus';

/**
 * The posture of a System: the worst of its components.
 *
 * @public
 */
export interface SystemPosture {
  /** The worst component status; `unknown` for a system without components. */
  status: CheckStatus;
  components: Array<{ entityRef: string; status: CheckStatus }>;
  counts: Record<CheckStatus, number>;
}

/**
 * Combines the postures of a System's components: a system is only as
 * recoverable as its least recoverable part.
 *
 * @public
 */
export function evaluateSystemPosture(
  components: readonly Pick<EntityPosture, 'entityRef' | 'status'>[],
): SystemPosture {
  const counts: Record<CheckStatus, number> = {
    pass: 0,
    warn: 0,
    fail: 0,
    unknown: 0,
  };
  for (const component of components) counts[component.status]++;
  return {
    status: worstStatus(components.map(c => c.status)),
    components: components.map(({ entityRef, status }) => ({
      entityRef,
      status,
    })),
    counts,
  };
}
