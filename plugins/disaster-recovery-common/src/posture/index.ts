export { evaluateEntityPosture } from './evaluateEntityPosture';
export type {
  EntityPosture,
  EntityPostureInput,
  PostureOptions,
  PostureRecords,
} from './evaluateEntityPosture';
export { evaluateSystemPosture } from './evaluateSystemPosture';
export type { SystemPosture } from './evaluateSystemPosture';
export { worstStatus } from './worstStatus';
