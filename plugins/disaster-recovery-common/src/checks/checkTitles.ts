import type { CheckId } from './types';

/**
 * The title of each check, as the UI shows it.
 *
 * @public
 */
export const CHECK_TITLES: Readonly<Record<CheckId, string>> = {
  'tier-declared': 'Tier declared',
  'backup-freshness': 'Backup freshness',
  'schedule-active': 'Backup schedule active',
  'schedule-cadence': 'Schedule cadence within RPO',
  'schedule-on-time': 'Schedule on time',
  retention: 'Retention meets policy',
  'storage-location': 'Backup storage available',
  'copies-3-2-1': '3-2-1 copies',
  'postgres-wal-archiving': 'PostgreSQL WAL archiving',
  'postgres-wal-age': 'PostgreSQL WAL age within RPO',
  'postgres-recovery-window': 'PostgreSQL recovery window covers retention',
  'restore-test': 'Restore test within policy',
  'dr-drill': 'DR drill within policy',
  'full-dr-test': 'Full DR test within policy',
  'drill-objectives': 'Drill met RTO and RPO',
  'ha-pattern': 'HA pattern can meet targets',
  runbook: 'Runbook linked',
  'workload-coverage': 'All workloads backed up',
};
