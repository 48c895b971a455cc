export { BackupFreshnessCard } from './BackupFreshnessCard';
