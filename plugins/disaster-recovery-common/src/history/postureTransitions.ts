import type { CheckStatus } from '../checks/types';

/** The check whose warning says the RPO is about to be breached. */
const FRESHNESS_CHECK_ID = 'backup-freshness';

/**
 * A change of one check's status that its entity's owner is told about:
 * it `failed`, it `recovered` from a failure (to pass or warn), or the
 * backup-freshness check started to warn (`rpo-at-risk`: the recovery
 * point nears the RPO, from the age of the last clean backup or of WAL
 * archiving's failure).
 *
 * @public
 */
export type PostureAlertKind = 'failed' | 'recovered' | 'rpo-at-risk';

/**
 * The alert a check's change from `previous` to `current` raises, if any.
 * A check's first verdict (no `previous`) raises none: the first evaluation
 * of an entity, or a check new to it, would otherwise alert on what has
 * been so all along. A check gone (no `current`) raises none, and neither
 * does a failure turning `unknown`, which is no recovery.
 *
 * @public
 */
export function postureAlertOf(
  checkId: string,
  previous: CheckStatus | undefined,
  current: CheckStatus | undefined,
): PostureAlertKind | undefined {
  if (previous === undefined || current === undefined) return undefined;
  if (current === 'fail') return previous === 'fail' ? undefined : 'failed';
  if (previous === 'fail') {
    return current === 'unknown' ? undefined : 'recovered';
  }
  if (
    current === 'warn' &&
    previous !== 'warn' &&
    checkId === FRESHNESS_CHECK_ID
  ) {
    return 'rpo-at-risk';
  }
  return undefined;
}
