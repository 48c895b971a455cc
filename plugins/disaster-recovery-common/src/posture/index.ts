export { evaluateEntityPosture } from './evaluateEntityPosture';
export type {
  EntityPosture,
  EntityPostureInput,
  PostureOptions,
} from './evaluateEntityPosture';
export type { EntityProtection } from './describeProtection';
export { evaluateSystemPosture } from './evaluateSystemPosture';
export type { SystemPosture } from './evaluateSystemPosture';
export { worstStatus } from './worstStatus';
export { dependenciesOf, summarizeEntityPosture } from './entitySummary';
export { STATUS_SEVERITY, STATUSES_WORST_FIRST } from './worstStatus';
export {
  clusterStaleSince,
  DEFAULT_STALE_AFTER_INTERVALS,
} from './clusterStaleSince';
