export { BackupHistoryChart } from './BackupHistoryChart';
