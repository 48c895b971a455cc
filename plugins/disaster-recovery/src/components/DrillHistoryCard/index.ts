export { DrillHistoryCard } from './DrillHistoryCard';
export { RecordDrillButton } from './RecordDrillButton';
