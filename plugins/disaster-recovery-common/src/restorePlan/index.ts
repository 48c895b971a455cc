export { planRestoreOrder } from './planRestoreOrder';
export type {
  RestorePlan,
  RestorePlanInput,
  RestoreStep,
} from './planRestoreOrder';
