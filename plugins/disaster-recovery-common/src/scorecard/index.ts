export { SCORECARD_CHECKS, scorecardResultOf } from './scorecardChecks';
export type { ScorecardCheck } from './scorecardChecks';
