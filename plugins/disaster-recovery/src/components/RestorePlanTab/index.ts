export { RestorePlanTab } from './RestorePlanTab';
