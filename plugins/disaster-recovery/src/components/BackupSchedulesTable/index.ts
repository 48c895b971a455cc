export { BackupSchedulesTable } from './BackupSchedulesTable';
