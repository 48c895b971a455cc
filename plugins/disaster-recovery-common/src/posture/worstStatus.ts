import type { CheckStatus } from '../checks/types';

/**
 * How bad each status is, higher is worse. `unknown` sits above `pass` and
 * below `warn`: it is never shown as healthy, but a known problem outranks
 * missing data. Sorting and storing by status use these numbers.
 *
 * @public
 */
export const STATUS_SEVERITY: Readonly<Record<CheckStatus, number>> = {
  pass: 0,
  unknown: 1,
  warn: 2,
  fail: 3,
};

/**
 * Every status, worst first: the order lists and tallies show them in.
 *
 * @public
 */
export const STATUSES_WORST_FIRST: readonly CheckStatus[] = (
  Object.keys(STATUS_SEVERITY) as CheckStatus[]
).sort((a, b) => STATUS_SEVERITY[b] - STATUS_SEVERITY[a]);

/**
 * The worst of some statuses, in the order fail, warn, unknown, pass. With
 * nothing to judge the result is `unknown`, never `pass`.
 *
 * @public
 */
export function worstStatus(statuses: Iterable<CheckStatus>): CheckStatus {
  let worst: CheckStatus | undefined;
  for (const status of statuses) {
    if (worst === undefined || STATUS_SEVERITY[status] > STATUS_SEVERITY[worst])
      worst = status;
  }
  return worst ?? 'unknown';
}
