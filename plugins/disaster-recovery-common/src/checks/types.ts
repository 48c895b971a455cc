/**
 * The outcome of a check. `unknown` means the data to judge was missing,
 * unreadable or untrusted; it is never shown as healthy.
 *
 * @public
 */
export type CheckStatus = 'pass' | 'warn' | 'fail' | 'unknown';

export type { CheckId } from './registry';

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
  /** A {@link CheckId} for the built-in checks; a contributed check's own id otherwise. */
  id: string;
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
