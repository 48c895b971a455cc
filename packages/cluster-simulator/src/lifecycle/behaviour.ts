import type { KubeObject } from '../kube/kubeObject.ts';

/** An inclusive range of numbers to draw from. */
export type Range = readonly [min: number, max: number];

/** How the runs of one Velero Schedule turn out. */
export interface BackupRunPolicy {
  /** Probability that a run ends Failed. */
  failureRate: number;
  /** Probability that a run ends PartiallyFailed. */
  partialFailureRate: number;
  /** How long a run takes (ms). */
  durationMs: Range;
  /** How many items a run backs up. */
  itemCount: Range;
  /** From this time on every run fails (a broken backup); epoch ms. */
  failingSince?: number;
  /** From this time on every run ends PartiallyFailed (one item keeps failing); epoch ms. */
  partiallyFailingSince?: number;
  /**
   * The first run fired at or after this time never finishes: it stays
   * InProgress, and Velero starts no other backup of the schedule while one
   * is New or InProgress (velero-io/velero#6193); epoch ms.
   */
  hangingSince?: number;
  /** `status.failureReason` of failed runs. */
  failureReason?: string;
  /**
   * Runs fired at or after this time never fail at random, so that a live
   * demo keeps telling its story while people look at it; epoch ms.
   */
  randomFailuresUntil?: number;
}

/** How the runs of one CloudNativePG ScheduledBackup turn out. */
export interface CnpgRunPolicy {
  failureRate: number;
  durationMs: Range;
  /**
   * Runs fired at or after this time never fail at random, so that a live
   * demo keeps telling its story while people look at it; epoch ms.
   */
  randomFailuresUntil?: number;
}

/** Whether a run fired at `firedAt` may fail at random under `policy`. */
export function mayFailAtRandom(
  policy: { randomFailuresUntil?: number },
  firedAt: number,
): boolean {
  return (
    policy.randomFailuresUntil === undefined ||
    firedAt < policy.randomFailuresUntil
  );
}

/** A restore drill: a Restore into a scratch namespace on a cadence. */
export interface RestoreDrillPlan {
  /** Cluster the Restores are created in. */
  cluster: string;
  /** Restore name prefix; the fire time is appended. */
  name: string;
  /** Velero namespace of the cluster. */
  veleroNamespace: string;
  /** Schedule whose latest completed backup is restored. */
  scheduleName: string;
  /** Restore by `spec.scheduleName` instead of naming the backup. */
  byScheduleName?: boolean;
  /** Namespace restored, and where it is restored into. */
  sourceNamespace: string;
  targetNamespace: string;
  /** Five-field cron, UTC. */
  cron: string;
  /** No drill runs before this time (epoch ms), e.g. before backups exist. */
  since: number;
  /** Outcome of the drill fired at `at` (`index` counts drills from 0). */
  outcome(
    at: number,
    index: number,
  ): 'Completed' | 'PartiallyFailed' | 'Failed';
  durationMs: Range;
}

/** A change applied to a cluster at a set time (e.g. a location failing). */
export interface TimelineEvent {
  at: number;
  cluster: string;
  /** Builds the object to write from the current one (undefined if absent). */
  change(current: KubeObject | undefined): KubeObject;
  /** The object changed: its apiVersion, kind, namespace and name. */
  target: {
    apiVersion: string;
    kind: string;
    namespace?: string;
    name: string;
  };
}

/** Everything a scenario says about how its estate behaves over time. */
export interface EstateBehaviour {
  /** Seed of every random draw. */
  seed: string;
  /**
   * False for scenarios served exactly as loaded: no controller writes
   * anything, whatever the clock does.
   */
  runsControllers: boolean;
  backupRuns(cluster: string, schedule: KubeObject): BackupRunPolicy;
  cnpgRuns(cluster: string, scheduledBackup: KubeObject): CnpgRunPolicy;
  drills: readonly RestoreDrillPlan[];
  timeline: readonly TimelineEvent[];
}

/** Draws an integer from a range with a [0, 1) random number. */
export function drawFrom(range: Range, random: number): number {
  return Math.round(range[0] + (range[1] - range[0]) * random);
}
