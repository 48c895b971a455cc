import type { CheckStatus } from '../checks/types';

/**
 * How bad each status is. `unknown` sits above `pass` and below `warn`: it is
 * never shown as healthy, but a known problem outranks missing data.
 */
const SEVERITY: Record<CheckStatus, number> = {
  pass: 0,
  unknown: 1,
  warn: 2,
  fail: 3,
};

/**
 * The worst of some statuses, in the order fail, warn, unknown, pass. With
 * nothing to judge the result is `unknown`, never `pass`.
 *
 * @public
 */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus | undefined;
  for (const status of statuses) {
    if (worst === undefined || SEVERITY[status] > SEVERITY[worst])
      worst = status;
  }
  return worst ?? 'unknown';
}
