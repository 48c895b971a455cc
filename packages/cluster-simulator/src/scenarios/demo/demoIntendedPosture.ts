/**
 * The demo estate's intended story, mirrored in the backend README's "Demo
 * estate statuses" table: each service's overall posture status and its
 * failing and warning checks as `check-id:status`, in the order the overview
 * lists them. The backend's demo posture test and the end-to-end tests both
 * hold the running demo to it.
 */

export interface IntendedPosture {
  status: 'pass' | 'warn' | 'fail';
  findings: readonly `${string}:${'fail' | 'warn'}`[];
}

export const DEMO_INTENDED_POSTURE: Readonly<Record<string, IntendedPosture>> =
  {
    'payments-api': { status: 'warn', findings: ['ha-pattern:warn'] },
    'orders-db': { status: 'pass', findings: [] },
    'ledger-db': {
      status: 'fail',
      findings: [
        'retention:fail',
        'copies-3-2-1:fail',
        'postgres-wal-archiving:fail',
        'postgres-wal-age:fail',
        'restore-test:fail',
        'dr-drill:fail',
      ],
    },
    'checkout-web': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'retention:fail',
        'copies-3-2-1:fail',
        'restore-test:fail',
      ],
    },
    'inventory-service': { status: 'pass', findings: [] },
    'catalog-search': { status: 'warn', findings: ['schedule-active:warn'] },
    'notifications-worker': { status: 'pass', findings: [] },
    'customer-profile': {
      status: 'fail',
      findings: ['storage-location:fail', 'dr-drill:fail', 'ha-pattern:fail'],
    },
    'reporting-batch': { status: 'pass', findings: [] },
    'docs-portal': { status: 'pass', findings: [] },
    'feature-flags': { status: 'fail', findings: ['runbook:fail'] },
    'analytics-etl': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'schedule-active:fail',
        'copies-3-2-1:fail',
        'dr-drill:fail',
        'ha-pattern:warn',
        'runbook:fail',
        'workload-coverage:fail',
      ],
    },
    'legacy-cron': {
      status: 'fail',
      findings: ['tier-declared:fail', 'runbook:fail'],
    },
  };
