/**
 * The demo estate's intended story, mirrored in the backend README's "Demo
 * estate statuses" table: each service's overall posture status and every
 * check that does not pass as `check-id:status` (unknown ones too: a service
 * owner must act on them), in the order the overview lists them. The
 * backend's demo posture test and the end-to-end tests both hold the running
 * demo to it.
 */

export interface IntendedPosture {
  status: 'pass' | 'warn' | 'fail' | 'unknown';
  findings: readonly `${string}:${'fail' | 'warn' | 'unknown'}`[];
}

export const DEMO_INTENDED_POSTURE: Readonly<Record<string, IntendedPosture>> =
  {
    // Hot-warm meets its 2 h RTO / 15 min RPO only at the fast end of its range.
    'payments-api': { status: 'warn', findings: ['ha-pattern:warn'] },
    // Healthy, but cloud-native HA is unproven until the estate shows it.
    'orders-db': { status: 'unknown', findings: ['ha-pattern:unknown'] },
    // WAL archiving stopped 30 h ago: the recovery point is then (past the
    // RPO), the last base backup ended WAL-failing and is over a day old.
    'ledger-db': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'retention:fail',
        'copies-3-2-1:fail',
        'postgres-wal-archiving:fail',
        'postgres-wal-age:fail',
        'postgres-base-backup:fail',
        'restore-test:fail',
        'dr-drill:fail',
        'ha-pattern:unknown',
      ],
    },
    // Every run failed for 26 h; hot-hot is unproven.
    'checkout-web': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'retention:fail',
        'copies-3-2-1:fail',
        'restore-test:fail',
        'ha-pattern:unknown',
      ],
    },
    // Healthy backups; cloud-native HA unproven.
    'inventory-service': {
      status: 'unknown',
      findings: ['ha-pattern:unknown'],
    },
    // A paused volume schedule warns; cloud-native HA unproven.
    'catalog-search': {
      status: 'warn',
      findings: ['schedule-active:warn', 'ha-pattern:unknown'],
    },
    // Healthy backups; cloud-native HA unproven.
    'notifications-worker': {
      status: 'unknown',
      findings: ['ha-pattern:unknown'],
    },
    // Off-site location Unavailable, failed drill, hot-cold misses its RTO;
    // no drill measured an achieved RTO or RPO.
    'customer-profile': {
      status: 'fail',
      findings: [
        'storage-location:fail',
        'dr-drill:fail',
        'drill-objectives:unknown',
        'ha-pattern:fail',
      ],
    },
    // Hot-cold within its agreed 72 h RTO; everything proven.
    'reporting-batch': { status: 'pass', findings: [] },
    // Healthy backups; cloud-native HA unproven.
    'docs-portal': { status: 'unknown', findings: ['ha-pattern:unknown'] },
    // No runbook linked.
    'feature-flags': { status: 'fail', findings: ['runbook:fail'] },
    // In no schedule: nothing to back up from, so cadence, timing,
    // retention and location cannot be judged.
    'analytics-etl': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'schedule-active:fail',
        'schedule-cadence:unknown',
        'schedule-on-time:unknown',
        'retention:unknown',
        'storage-location:unknown',
        'copies-3-2-1:fail',
        'dr-drill:fail',
        'ha-pattern:warn',
        'runbook:fail',
        'workload-coverage:fail',
      ],
    },
    // No tier and no workloads found: nothing can be judged against a policy.
    'legacy-cron': {
      status: 'fail',
      findings: [
        'tier-declared:fail',
        'backup-freshness:unknown',
        'schedule-active:unknown',
        'schedule-cadence:unknown',
        'schedule-on-time:unknown',
        'retention:unknown',
        'storage-location:unknown',
        'copies-3-2-1:unknown',
        'restore-test:unknown',
        'dr-drill:unknown',
        'full-dr-test:unknown',
        'drill-objectives:unknown',
        'ha-pattern:unknown',
        'runbook:fail',
        'workload-coverage:unknown',
      ],
    },
  };
