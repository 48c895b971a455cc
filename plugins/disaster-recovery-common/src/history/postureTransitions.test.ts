import type { CheckStatus } from '../checks/types';
import { postureAlertOf, type PostureAlertKind } from './postureTransitions';

describe('postureAlertOf', () => {
  it.each<
    [
      string,
      CheckStatus | undefined,
      CheckStatus | undefined,
      PostureAlertKind | undefined,
    ]
  >([
    // A first verdict and a check gone say nothing.
    ['schedule-active', undefined, 'fail', undefined],
    ['backup-freshness', undefined, 'warn', undefined],
    ['schedule-active', 'fail', undefined, undefined],
    // Failures, once.
    ['schedule-active', 'pass', 'fail', 'failed'],
    ['schedule-active', 'warn', 'fail', 'failed'],
    ['schedule-active', 'unknown', 'fail', 'failed'],
    ['schedule-active', 'fail', 'fail', undefined],
    // Recoveries from a failure only, and never to unknown.
    ['schedule-active', 'fail', 'pass', 'recovered'],
    ['backup-freshness', 'fail', 'warn', 'recovered'],
    ['schedule-active', 'fail', 'unknown', undefined],
    ['schedule-active', 'warn', 'pass', undefined],
    ['schedule-active', 'unknown', 'pass', undefined],
    // The RPO about to be breached: the freshness warning.
    ['backup-freshness', 'pass', 'warn', 'rpo-at-risk'],
    ['backup-freshness', 'unknown', 'warn', 'rpo-at-risk'],
    ['postgres-wal-age', 'pass', 'warn', undefined],
    ['backup-freshness', 'warn', 'warn', undefined],
    ['schedule-active', 'pass', 'warn', undefined],
  ])('%s %s → %s: %s', (checkId, previous, current, expected) => {
    expect(postureAlertOf(checkId, previous, current)).toBe(expected);
  });
});
