import { CHECK_DEFINITIONS, type CheckId } from '../checks/registry';
import type { CheckStatus } from '../checks/types';

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
  /** The boolean fact that carries the posture check's verdict. */
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
 * The scorecard result of a posture check: a warning still meets the
 * scorecard's statement (a partially failed backup after a clean one within
 * the RPO is still "within RPO"), a failure does not, and a check that is
 * unknown or does not apply gives no result rather than a false one.
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
