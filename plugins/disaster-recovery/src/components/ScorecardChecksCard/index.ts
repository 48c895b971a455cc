export { ScorecardChecksCard } from './ScorecardChecksCard';
