import { worstStatus } from '../posture/worstStatus';
import type { CheckStatus } from './types';

/**
 * The findings a check reports when not all pass: those of the worst
 * status (in severity order), with that status. Undefined when every
 * finding passes or there are none.
 */
export function worstFindings<F extends { status: CheckStatus }>(
  findings: readonly F[],
): { status: Exclude<CheckStatus, 'pass'>; findings: F[] } | undefined {
  if (findings.length === 0) return undefined;
  const status = worstStatus(findings.map(f => f.status));
  if (status === 'pass') return undefined;
  return { status, findings: findings.filter(f => f.status === status) };
}
