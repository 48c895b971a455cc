import { CHECK_DEFINITIONS, type CheckId } from '../checks/registry';
import type { Check, CheckStatus } from '../checks/types';

/**
 * A scorecard check (such as a Tech Insights check) that mirrors one posture
 * check: it passes, fails or has no result exactly when
 * {@link scorecardResultOf} says so for that posture check's status.
 *
 * @public
 */
export interface ScorecardCheck {
  /** Id of the scorecard check, e.g. the key under `techInsights.factChecker.checks`. */
  id: string;
  /** What a scorecard shows. */
  name: string;
  description: string;
  /** The posture check it mirrors. */
  postureCheckId: CheckId;
  /** The fact that carries the posture check's verdict (see {@link scorecardFactOf}). */
  fact: string;
}

/**
 * The default scorecard checks of the suite, each mirroring one posture
 * check, from the checks' scorecard decisions. The Tech Insights module publishes their facts and ships them as
 * default checks; the entity tab shows their results from the same posture.
 *
 * @public
 */
export const SCORECARD_CHECKS: readonly ScorecardCheck[] =
  CHECK_DEFINITIONS.flatMap(({ id, scorecard }) =>
    'omitted' in scorecard ? [] : [{ ...scorecard, postureCheckId: id }],
  );

/**
 * The value of a scorecard check's fact: the posture check's status when it
 * judged (`pass`, `warn` or `fail`), and none when it is unknown or does not
 * apply, so that a scorecard never reads a warning as a pass.
 *
 * @public
 */
export function scorecardFactOf(
  status: CheckStatus | undefined,
): 'pass' | 'warn' | 'fail' | undefined {
  return status === 'pass' || status === 'warn' || status === 'fail'
    ? status
    : undefined;
}

/**
 * The scorecard check that fails while any posture check of the entity
 * warns: the default checks fail only on failures, and this one keeps
 * warnings from reading as "Passed".
 *
 * @public
 */
export const SCORECARD_NO_WARNINGS_CHECK = {
  id: 'disasterRecoveryNoWarnings',
  name: 'No DR warnings',
  description:
    'No disaster-recovery posture check warns (a backup nearing its RPO, a paused schedule, a storage location validated long ago, ...).',
  /** The integer fact counting the entity's posture checks that warn. */
  fact: 'postureWarnings',
} as const;

/**
 * How many of an entity's posture checks warn, the fact of
 * {@link SCORECARD_NO_WARNINGS_CHECK}.
 *
 * @public
 */
export function postureWarningCount(
  checks: readonly Pick<Check, 'status'>[],
): number {
  return checks.filter(check => check.status === 'warn').length;
}

/**
 * The scorecard result of a posture check: a check mirroring it fails on a
 * failure and passes otherwise when judged (warnings fail the separate
 * {@link SCORECARD_NO_WARNINGS_CHECK}); unknown or not applicable gives no
 * result rather than a false one.
 *
 * @public
 */
export function scorecardResultOf(
  status: CheckStatus | undefined,
): boolean | undefined {
  if (status === 'pass' || status === 'warn') return true;
  if (status === 'fail') return false;
  return undefined;
}
