/**
 * The outcome of a check. `unknown` means the data to judge was missing,
 * unreadable or untrusted; it is never shown as healthy.
 *
 * @public
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

/**
 * The checks of an entity's posture, in the order they are reported.
 *
 * @public
 */
export const CHECK_IDS = [
  'tier-declared',
  'backup-freshness',
  'schedule-active',
  'schedule-cadence',
  'schedule-on-time',
  'retention',
  'storage-location',
  'copies-3-2-1',
  'postgres-wal-archiving',
  'postgres-wal-age',
  'postgres-recovery-window',
  'restore-test',
  'dr-drill',
  'full-dr-test',
  'drill-objectives',
  'ha-pattern',
  'runbook',
  'workload-coverage',
] as const;

/**
 * The id of a check.
 *
 * @public
 */
export type CheckId = (typeof CHECK_IDS)[number];

/**
 * A collected object a check relied on.
 *
 * @public
 */
export interface EvidenceRef {
  /** Kubernetes kind, e.g. `Schedule`, `Backup`, `BackupStorageLocation`. */
  kind: string;
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * A value a check used, kept JSON-serialisable.
 *
 * @public
 */
export type EvidenceValue = string | number | boolean | null | string[];

/**
 * One judged rule of an entity's disaster-recovery posture.
 *
 * @public
 */
export interface Check {
  id: CheckId;
  title: string;
  status: CheckStatus;
  /** A sentence a person understands, with the numbers that decided it. */
  summary: string;
  evidence: {
    refs: EvidenceRef[];
    /** Durations in milliseconds, times ISO 8601. */
    values: Record<string, EvidenceValue>;
  };
}
