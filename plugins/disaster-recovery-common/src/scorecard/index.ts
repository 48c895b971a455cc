export {
  postureWarningCount,
  SCORECARD_CHECKS,
  SCORECARD_NO_WARNINGS_CHECK,
  scorecardFactOf,
  scorecardResultOf,
} from './scorecardChecks';
export type { ScorecardCheck } from './scorecardChecks';
