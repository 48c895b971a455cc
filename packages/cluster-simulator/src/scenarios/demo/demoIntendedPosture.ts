/**
 * The demo estate's intended story, mirrored in the backend README's "Demo
 * estate statuses" table: each service's overall posture status and every
 * check that does not pass as `check-id:status` (unknown ones too: a service
 * owner must act on them), in the order the overview lists them. The
 * backend's demo posture test and the end-to-end tests both hold the running
 * demo to it. Each line is what a DR engineer reading the estate would say;
 * the one place the rules say less than that is marked "DISPUTED".
 */

export interface IntendedPosture {
  status: 'pass' | 'warn' | 'fail' | 'unknown';
  findings: readonly `${string}:${'fail' | 'warn' | 'unknown'}`[];
}

export const DEMO_INTENDED_POSTURE: Readonly<Record<string, IntendedPosture>> =
  {
    // File-system backups every 5 min plus a daily copy at GCS, restore
    // drills weekly: sound, but tier 1 has no immutable copy, and hot-warm
    // meets the 2 h RTO / 15 min RPO only at the fast end of its range.
    'payments-api': {
      status: 'warn',
      findings: ['copies-3-2-1:warn', 'ha-pattern:warn'],
    },
    // The database's only backup is the barman bucket in the same AWS
    // region and account: two copies, none off-site. Yesterday's restore
    // test failed after the one of two days ago passed.
    'orders-db': {
      status: 'fail',
      findings: [
        'copies-3-2-1:fail',
        'restore-test:warn',
        'ha-pattern:unknown',
      ],
    },
    // WAL archiving stopped 30 h ago: the recovery point is then, past the
    // RPO, however fresh the Velero backups of the namespace (freshness
    // fails); the last base backup ended WAL-failing; no retention policy
    // (never pruned); no drill without an unwritten manual step, no full DR
    // test since it joined.
    'ledger-db': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'retention:warn',
        'copies-3-2-1:fail',
        'postgres-wal-archiving:fail',
        'postgres-wal-age:fail',
        'postgres-base-backup:fail',
        'restore-test:fail',
        'dr-drill:fail',
        'full-dr-test:fail',
        'ha-pattern:unknown',
      ],
    },
    // Every run failed for 26 h, backups kept 3 days only, one copy; the
    // full DR test rerun 10 days ago failed and took 2 h 30 min against 2 h;
    // its session database, created 10 minutes ago, has no base backup
    // (due tonight) and no WAL archiving reported yet; hot-hot is unproven.
    'checkout-web': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'retention:fail',
        'copies-3-2-1:fail',
        'postgres-wal-archiving:unknown',
        'postgres-wal-age:unknown',
        'postgres-recovery-window:unknown',
        'postgres-base-backup:warn',
        'restore-test:fail',
        'dr-drill:warn',
        'full-dr-test:warn',
        'drill-objectives:fail',
        'ha-pattern:unknown',
      ],
    },
    // Data-mover uploads every 20 min, a daily copy at GCS: healthy;
    // cloud-native HA unproven.
    'inventory-service': {
      status: 'unknown',
      findings: ['ha-pattern:unknown'],
    },
    // Its volume data is only in the schedule paused 5 days ago (the 20-minute
    // one backs up manifests): 5 days past a 1 h RPO, snapshots in-region only;
    // the DR drill 3 days ago failed on that 5-day-old index.
    'catalog-search': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'schedule-active:warn',
        'schedule-cadence:fail',
        'copies-3-2-1:fail',
        'dr-drill:warn',
        'drill-objectives:fail',
        'ha-pattern:unknown',
      ],
    },
    // Its off-site schedule was repointed at the default location 4 days
    // ago: the newest copy outside AWS is 4 days old.
    'notifications-worker': {
      status: 'fail',
      findings: ['copies-3-2-1:fail', 'ha-pattern:unknown'],
    },
    // Off-site location Unavailable (its latest run failed validation), no
    // current off-site copy, failed drill, hot-cold misses its RTO; its new
    // database's recovery window is still growing.
    'customer-profile': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'storage-location:fail',
        'copies-3-2-1:fail',
        'postgres-recovery-window:warn',
        'dr-drill:fail',
        'drill-objectives:unknown',
        'ha-pattern:fail',
      ],
    },
    // 6-hourly EBS snapshots plus a daily file-system copy at GCS; hot-cold
    // within its agreed 72 h RTO; everything proven.
    'reporting-batch': { status: 'pass', findings: [] },
    // The latest daily run partially failed; daily is exactly its 24 h RPO;
    // its location has not been validated for 3 h.
    'docs-portal': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'schedule-cadence:warn',
        'storage-location:warn',
        'ha-pattern:unknown',
      ],
    },
    // No runbook; its database keeps 7 days (30 asked) and has not archived
    // WAL for 3 h (within the 24 h RPO, but nothing after then restores).
    'feature-flags': {
      status: 'fail',
      findings: [
        'retention:fail',
        'copies-3-2-1:fail',
        'postgres-wal-archiving:fail',
        'postgres-wal-age:warn',
        'postgres-recovery-window:fail',
        'postgres-base-backup:fail',
        'runbook:fail',
      ],
    },
    // In no schedule: its only recovery point is a one-off backup taken 20 h
    // ago (past 75 % of the 24 h RPO), snapshots in-region only.
    'analytics-etl': {
      status: 'fail',
      findings: [
        'backup-freshness:warn',
        'schedule-active:fail',
        'schedule-cadence:unknown',
        'schedule-on-time:unknown',
        'copies-3-2-1:fail',
        'dr-drill:fail',
        'ha-pattern:warn',
        'runbook:fail',
        'workload-coverage:fail',
      ],
    },
    // No tier and no workloads found: nothing can be judged against a
    // policy; its runbook annotation is not a link.
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
        'runbook:unknown',
        'workload-coverage:unknown',
      ],
    },
  };
