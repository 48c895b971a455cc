import {
  JSON_RULE_ENGINE_CHECK_TYPE,
  type TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { JsonObject, JsonValue } from '@backstage/types';
import {
  SCORECARD_CHECKS,
  SCORECARD_NO_WARNINGS_CHECK,
  type ScorecardCheck,
} from '@dr-posture/plugin-disaster-recovery-common';
import { DISASTER_RECOVERY_FACT_RETRIEVER_ID } from './disasterRecoveryFactRetriever';

function checkBody(
  check: Pick<ScorecardCheck, 'name' | 'description'>,
  condition: { fact: string; operator: string; value: JsonValue },
) {
  return {
    type: JSON_RULE_ENGINE_CHECK_TYPE,
    name: check.name,
    description: check.description,
    factIds: [DISASTER_RECOVERY_FACT_RETRIEVER_ID],
    rule: { conditions: { all: [condition] } },
  };
}

/**
 * The default checks by id, in the shape both the config and the factory
 * take: one per mirrored posture check, passing unless its fact is `fail`
 * (a missing fact, unknown, does not pass either), and the no-warnings check.
 */
const DEFAULT_CHECK_BODIES: Array<[string, ReturnType<typeof checkBody>]> = [
  ...SCORECARD_CHECKS.map(
    check =>
      [
        check.id,
        checkBody(check, {
          fact: check.fact,
          operator: 'in',
          value: ['pass', 'warn'],
        }),
      ] as [string, ReturnType<typeof checkBody>],
  ),
  [
    SCORECARD_NO_WARNINGS_CHECK.id,
    checkBody(SCORECARD_NO_WARNINGS_CHECK, {
      fact: SCORECARD_NO_WARNINGS_CHECK.fact,
      operator: 'equal',
      value: 0,
    }),
  ],
];

/**
 * The default JSON-rules checks, one per posture check they mirror (see
 * `SCORECARD_CHECKS` in -common), for a `JsonRulesEngineFactCheckerFactory`.
 *
 * @public
 */
export const DISASTER_RECOVERY_DEFAULT_CHECKS: TechInsightJsonRuleCheck[] =
  DEFAULT_CHECK_BODIES.map(([id, body]) => ({ id, ...body }));

/**
 * The default checks in the shape of `techInsights.factChecker.checks`, for
 * the JSON-rules fact checker module to load from config.
 *
 * @public
 */
export function disasterRecoveryChecksConfig(): JsonObject {
  return Object.fromEntries(DEFAULT_CHECK_BODIES);
}
