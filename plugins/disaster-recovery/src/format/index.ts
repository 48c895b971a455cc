export { formatAge } from './formatAge';
export { formatDateTime } from './formatDateTime';
export type { TimeFormatOptions } from './formatDateTime';
export { RelativeTime } from './RelativeTime';
export { TextWithTimes } from './TextWithTimes';
export { DRILL_OUTCOME_STATUS } from './drillOutcomeStatus';
