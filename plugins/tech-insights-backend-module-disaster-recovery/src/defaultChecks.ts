import {
  JSON_RULE_ENGINE_CHECK_TYPE,
  type TechInsightJsonRuleCheck,
} from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import type { JsonObject } from '@backstage/types';
import {
  SCORECARD_CHECKS,
  type ScorecardCheck,
} from '@dr-posture/plugin-disaster-recovery-common';
import { DISASTER_RECOVERY_FACT_RETRIEVER_ID } from './disasterRecoveryFactRetriever';

/**
 * A check in the shape both the config and the factory take: it passes when
 * the fact carrying its posture check's verdict is true.
 */
function checkBodyOf(check: ScorecardCheck) {
  return {
    type: JSON_RULE_ENGINE_CHECK_TYPE,
    name: check.name,
    description: check.description,
    factIds: [DISASTER_RECOVERY_FACT_RETRIEVER_ID],
    rule: {
      conditions: {
        all: [{ fact: check.fact, operator: 'equal', value: true }],
      },
    },
  };
}

/**
 * The default JSON-rules checks, one per posture check they mirror (see
 * `SCORECARD_CHECKS` in -common), for a `JsonRulesEngineFactCheckerFactory`.
 *
 * @public
 */
export const DISASTER_RECOVERY_DEFAULT_CHECKS: TechInsightJsonRuleCheck[] =
  SCORECARD_CHECKS.map(check => ({ id: check.id, ...checkBodyOf(check) }));

/**
 * The default checks in the shape of `techInsights.factChecker.checks`, for
 * the JSON-rules fact checker module to load from config.
 *
 * @public
 */
export function disasterRecoveryChecksConfig(): JsonObject {
  return Object.fromEntries(
    SCORECARD_CHECKS.map(check => [check.id, checkBodyOf(check)]),
  );
}
