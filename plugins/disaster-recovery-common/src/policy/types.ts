/**
 * High-availability patterns a service can declare with the
 * `disaster-recovery/pattern` annotation.
 *
 * @public
 */
export type HaPattern = 'cloud-native' | 'hot-warm' | 'hot-cold' | 'hot-hot';

/**
 * How long Velero must keep backups, by the cadence of the schedule: a
 * schedule that runs at least hourly is judged by `hourlyMs`, at least daily
 * by `dailyMs`, anything rarer (weekly and beyond) by `weeklyMs`.
 *
 * @public
 */
export interface KubernetesRetention {
  hourlyMs: number;
  dailyMs: number;
  weeklyMs: number;
}

/**
 * The recovery policy of one tier. Intervals left out are not required by
 * the tier (tier 2 and 3 need no weekly restore test, for example).
 *
 * The order of a list of tiers is their restore priority: the first tier is
 * brought back first.
 *
 * @public
 */
export interface TierPolicy {
  /** The value of the `disaster-recovery/tier` annotation, e.g. `1`. */
  id: string;
  /** How people name the tier, e.g. `Tier 1`. */
  title: string;
  rpoMs: number;
  rtoMs: number;
  /** How often a restore test must prove the backups restore. */
  restoreTestIntervalMs?: number;
  /** How often a disaster-recovery drill must be run. */
  drillIntervalMs?: number;
  /** How often a full disaster-recovery test must be run. */
  fullDrTestIntervalMs?: number;
  /** How often an entity declaring the hot-warm pattern must run a failover drill. */
  failoverDrillIntervalMs?: number;
  /**
   * How far back PostgreSQL backups must reach: the CloudNativePG retention
   * policy and the point-in-time-recovery window.
   */
  retentionMs: number;
  /**
   * How long Velero must keep backups of Kubernetes resources, by how often
   * the schedule that takes them runs.
   */
  kubernetesRetentionMs: KubernetesRetention;
  /** How often CloudNativePG must take a base backup of each database. */
  baseBackupIntervalMs: number;
  /** Copies of the data including the live one (the 3 of 3-2-1). */
  minimumCopies: number;
  /** Copies in another region, account or provider (the 1 of 3-2-1). */
  minimumOffsiteCopies: number;
}

/**
 * Where an objective came from: the tier's policy or an annotation that
 * overrides it.
 *
 * @public
 */
export type PolicySource = 'tier' | 'annotation';

/**
 * A policy value that could not be worked out: absent, or present but
 * unreadable. Checks that need it report `unknown` with the reason (or, for
 * values that must be declared, `fail` when missing).
 *
 * @public
 */
export interface Unresolved {
  ok: false;
  problem: 'missing' | 'invalid';
  reason: string;
}

/**
 * A policy value with where it came from, or why it is not known.
 *
 * @public
 */
export type Resolved<T> =
  | { ok: true; value: T; source: PolicySource }
  | Unresolved;

/**
 * The policy that applies to one entity after reading its annotations.
 *
 * @public
 */
export interface EntityPolicy {
  tier: Resolved<TierPolicy>;
  rpoMs: Resolved<number>;
  rtoMs: Resolved<number>;
  pattern: Resolved<HaPattern>;
  runbookUrl: Resolved<string>;
}
