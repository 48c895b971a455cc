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
