export {
  checkNextActionOf,
  checksWorstFirst,
  entityVerdictOf,
  verdictInputOf,
} from './entityVerdict';
export type {
  EntityVerdict,
  EntityVerdictInput,
  RecoveryPointVerdict,
  RecoveryTimeProof,
  RecoveryTimeVerdict,
  VerdictAnswer,
  VerdictNextAction,
} from './entityVerdict';
export { VERDICT_REASON_PRIORITY } from './reasonPriority';
export { FINISHED_RUN_PHASES, scheduleRunStateOf } from './scheduleRunState';
export type { ScheduleRunState } from './scheduleRunState';
