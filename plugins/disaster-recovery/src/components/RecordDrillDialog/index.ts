export { RecordDrillDialog } from './RecordDrillDialog';
