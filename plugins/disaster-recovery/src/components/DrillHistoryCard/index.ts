export { DrillHistoryCard } from './DrillHistoryCard';
