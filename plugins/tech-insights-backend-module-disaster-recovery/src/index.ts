/**
 * Tech Insights backend module with disaster-recovery facts and default
 * checks for the JSON-rules fact checker.
 *
 * @packageDocumentation
 */

export { techInsightsModuleDisasterRecovery as default } from './module';
export {
  DISASTER_RECOVERY_FACT_RETRIEVER_ID,
  disasterRecoveryFactRetriever,
} from './disasterRecoveryFactRetriever';
export {
  DISASTER_RECOVERY_DEFAULT_CHECKS,
  disasterRecoveryChecksConfig,
} from './defaultChecks';
