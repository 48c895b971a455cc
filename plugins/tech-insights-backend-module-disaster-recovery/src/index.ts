/**
 * Tech Insights backend module with disaster-recovery facts and checks.
 *
 * @packageDocumentation
 */

export { techInsightsModuleDisasterRecovery as default } from './module';
