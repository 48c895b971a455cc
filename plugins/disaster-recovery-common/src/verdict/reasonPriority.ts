import type { CheckId } from '../checks/registry';

/**
 * The order in which checks of the same status are named as an entity's
 * top reason, most important first: what decides whether data can be
 * recovered, then what keeps backups coming, then what proves a recovery,
 * then copies and retention, then whether the service survives failures.
 * Without a tier nothing else can be judged, so `tier-declared` leads; the
 * runbook is last. Checks contributed by backend modules follow the
 * built-in ones, in their report order.
 *
 * @public
 */
export const VERDICT_REASON_PRIORITY: readonly CheckId[] = [
  'tier-declared',
  // The recovery point itself.
  'backup-freshness',
  'postgres-wal-age',
  'postgres-wal-archiving',
  'postgres-base-backup',
  'workload-coverage',
  // Backups keep being taken, and land somewhere usable.
  'schedule-active',
  'schedule-on-time',
  'schedule-cadence',
  'storage-location',
  // A recovery was proven.
  'drill-objectives',
  'restore-test',
  'dr-drill',
  'failover-drill',
  'full-dr-test',
  // Enough is kept, in enough places.
  'retention',
  'postgres-recovery-window',
  'copies-3-2-1',
  // The service survives the loss of a pod, a node, a zone or a site.
  'ha-pattern',
  'standby-readiness',
  'database-ha',
  'replicas',
  'placement',
  'pod-stability',
  'certificate-expiry',
  'disruption-budget',
  'probes-and-resources',
  'runbook',
];
