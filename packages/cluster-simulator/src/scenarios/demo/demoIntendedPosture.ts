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
    // drills weekly, a quarterly failover: sound, but tier 1 has no
    // immutable copy, and hot-warm meets the 2 h RTO / 15 min RPO only at
    // the fast end of its range. A restore test recorded for it by mistake
    // was voided: it stays in the history and counts for nothing.
    // Its standby still runs payments-api 4.1.0 (4.2.1 here): a promotion
    // would roll back a release.
    'payments-api': {
      status: 'warn',
      findings: [
        'copies-3-2-1:warn',
        'standby-readiness:warn',
        'ha-pattern:warn',
      ],
    },
    // The database's only backup is the barman bucket in the same AWS
    // region and account: two copies, none off-site. Yesterday's restore
    // test failed after the one of two days ago passed.
    // Three ready instances, one per zone: cloud-native proven.
    'orders-db': {
      status: 'fail',
      findings: ['copies-3-2-1:fail', 'restore-test:warn'],
    },
    // WAL archiving stopped 30 h ago: the recovery point is then, past the
    // RPO, however fresh the Velero backups of the namespace (freshness
    // fails); the last base backup ended WAL-failing; no retention policy
    // (never pruned); no drill without an unwritten manual step (and a
    // failed drill meets no target), no full DR test since it joined.
    // Its third instance and the standby's replica cluster stopped on the
    // old timeline (2 of 3 ready; the replica not ready), so the hot-warm
    // standby is there but not promotable; its failover was never drilled.
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
        'failover-drill:fail',
        'drill-objectives:unknown',
        'pod-stability:fail',
        'database-ha:warn',
        'standby-readiness:fail',
        'ha-pattern:warn',
      ],
    },
    // Every run failed for 26 h, backups kept 3 days only, one copy; the
    // full DR test rerun 10 days ago failed and took 2 h 30 min against 2 h
    // (an older success does not undo the latest measured miss);
    // its session database, created 10 minutes ago, has no base backup
    // (due tonight) and no WAL archiving reported yet; hot-hot is unproven.
    // Its cart sweeper runs one replica nobody documented as a singleton;
    // that database runs one instance; its TLS certificate expires in 9 days;
    // it is active in eu-west-1 only, so hot-hot is not proven.
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
        'replicas:fail',
        'database-ha:fail',
        'certificate-expiry:warn',
        'ha-pattern:fail',
      ],
    },
    // Data-mover uploads every 20 min keep it fresh, but its daily copy at
    // GCS has hung InProgress for 1.5 to 2.5 days and Velero starts no run of
    // a schedule while one is: the schedule is overdue and the newest copy
    // outside AWS is that old; cloud-native HA unproven.
    // Pinned to eu-west-1a with its old volumes: one zone loss takes both.
    'inventory-service': {
      status: 'fail',
      findings: [
        'schedule-on-time:fail',
        'copies-3-2-1:fail',
        'placement:fail',
        'ha-pattern:fail',
      ],
    },
    // Its volume data is only in the schedule paused 5 days ago (the 20-minute
    // one backs up manifests): 5 days past a 1 h RPO, snapshots in-region only;
    // the DR drill 3 days ago failed on that 5-day-old index, missing its
    // targets (the drill of 30 days ago met both, but the latest measured
    // miss counts).
    // It requests no memory; in two zones, so cloud-native is proven.
    'catalog-search': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'schedule-active:warn',
        'schedule-cadence:fail',
        'copies-3-2-1:fail',
        'restore-test:warn',
        'dr-drill:warn',
        'drill-objectives:fail',
        'probes-and-resources:fail',
      ],
    },
    // Its off-site schedule was repointed at the default location 4 days
    // ago: the newest copy outside AWS is 4 days old. Last week's restore
    // partially failed; its DR drill succeeded but took 5 h against 4 h.
    // Its warm standby holds it ready and in step (hot-warm proven), but
    // its failover was never drilled; its scheduler is a documented singleton.
    'notifications-worker': {
      status: 'fail',
      findings: [
        'copies-3-2-1:fail',
        'restore-test:warn',
        'failover-drill:fail',
        'drill-objectives:fail',
      ],
    },
    // Off-site location Unavailable (its latest run failed validation), no
    // current off-site copy, failed drill, no full DR test, hot-cold misses
    // its RTO; its new database's recovery window is still growing.
    // No disruption budget, and only luck keeps its two pods in two zones.
    'customer-profile': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'storage-location:fail',
        'copies-3-2-1:fail',
        'postgres-recovery-window:warn',
        'restore-test:warn',
        'dr-drill:fail',
        'full-dr-test:fail',
        'drill-objectives:unknown',
        'placement:warn',
        'disruption-budget:fail',
        'ha-pattern:fail',
      ],
    },
    // 6-hourly EBS snapshots plus a daily file-system copy at GCS; hot-cold
    // within its agreed 72 h RTO; everything proven.
    'reporting-batch': { status: 'pass', findings: [] },
    // The latest daily run partially failed; daily is exactly its 24 h RPO;
    // its location has not been validated for 3 h; its restore test 10 days
    // ago is incomplete (no restore target, no health check), and the
    // restore over production 2 days ago is flagged, never a test.
    // Its one pod has not been ready for 3 h, its certificate expired 2 days
    // ago, and one replica is no cloud-native HA.
    'docs-portal': {
      status: 'fail',
      findings: [
        'backup-freshness:fail',
        'schedule-cadence:warn',
        'storage-location:warn',
        'restore-test:warn',
        'pod-stability:fail',
        'certificate-expiry:fail',
        'ha-pattern:fail',
      ],
    },
    // No runbook; its database keeps 7 days (30 asked) and has not archived
    // WAL for 3 h (within the 24 h RPO, but nothing after then restores);
    // hot-warm, yet no failover drill was ever recorded.
    // Its budget keeps both pods (no drain can evict one); its certificate is
    // still being issued; its standby replica is ready, lag unreported.
    'feature-flags': {
      status: 'fail',
      findings: [
        'retention:fail',
        'copies-3-2-1:fail',
        'postgres-wal-archiving:fail',
        'postgres-wal-age:warn',
        'postgres-recovery-window:fail',
        'postgres-base-backup:fail',
        'failover-drill:fail',
        'disruption-budget:warn',
        'certificate-expiry:unknown',
        'standby-readiness:unknown',
        'runbook:fail',
      ],
    },
    // In no schedule: its only recovery point is a one-off backup taken 20 h
    // ago (past 75 % of the 24 h RPO), snapshots in-region only; its last
    // drill is 400 days old (too old to vouch for its targets) and it took
    // part in no full DR test.
    // No readiness probe, OOM-killed 8 times in 40 minutes, and no backup
    // outside eu-west-1 to rebuild its hot-cold site from.
    'analytics-etl': {
      status: 'fail',
      findings: [
        'backup-freshness:warn',
        'schedule-active:fail',
        'schedule-cadence:unknown',
        'schedule-on-time:unknown',
        'copies-3-2-1:fail',
        'restore-test:fail',
        'dr-drill:fail',
        'full-dr-test:fail',
        'drill-objectives:unknown',
        'probes-and-resources:warn',
        'pod-stability:warn',
        'ha-pattern:fail',
        'runbook:fail',
        'workload-coverage:fail',
      ],
    },
    // No tier and no workloads found: nothing can be judged against a
    // policy; its database annotation gives a name but no cluster or
    // namespace, so no database check can be judged either; its runbook
    // annotation is not a link. No workload of it was found to judge.
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
        'postgres-wal-archiving:unknown',
        'postgres-wal-age:unknown',
        'postgres-recovery-window:unknown',
        'postgres-base-backup:unknown',
        'restore-test:unknown',
        'dr-drill:unknown',
        'full-dr-test:unknown',
        'drill-objectives:unknown',
        'replicas:unknown',
        'placement:unknown',
        'probes-and-resources:unknown',
        'disruption-budget:unknown',
        'pod-stability:unknown',
        'database-ha:unknown',
        'ha-pattern:unknown',
        'runbook:unknown',
        'workload-coverage:unknown',
      ],
    },
  };
