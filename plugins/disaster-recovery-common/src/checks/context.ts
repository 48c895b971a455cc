import type { Entity } from '@backstage/catalog-model';
import { DR_ANNOTATIONS } from '../annotations';
import type {
  EntityCoverage,
  ClusterObjectRef,
  WorkloadMapping,
} from '../coverage';
import type { EntityOtherEnvironment } from '../api';
import type {
  DrillEvidenceRequirements,
  DrillRecord,
  VeleroRestoreTest,
} from '../drills';
import type { ClusterFacts, EntityEnvironment } from '../environments';
import type { EntityPolicy } from '../policy';
import type {
  BackupStorageLocationRecord,
  BarmanObjectStoreRecord,
  PostgresBackupRecord,
  PostgresClusterRecord,
  PostgresScheduledBackupRecord,
} from '../records';
import type { PostureRecords } from '../recordKinds';
import { verdict, type Verdict } from './definition';
import type { EvidenceRef } from './types';

/**
 * Makes a derivation of the context run once per entity: several checks read
 * the same schedules and storage locations. The result is shared, so
 * callers must not mutate it.
 */
export function oncePerContext<T>(
  derive: (context: PostureContext) => T,
): (context: PostureContext) => T {
  const results = new WeakMap<PostureContext, T>();
  return context => {
    if (!results.has(context)) results.set(context, derive(context));
    return results.get(context) as T;
  };
}

/**
 * Everything a check reads, worked out once per entity.
 *
 * @public
 */
export interface PostureContext {
  entity: Entity;
  /**
   * Everything collected on the clusters that count for the entity's
   * environment; the fields below are this entity's share.
   */
  records: PostureRecords;
  /** Where the entity's recovery points count from; see `entityEnvironment`. */
  environment: EntityEnvironment;
  /**
   * Configured clusters by name, for failure domains; absent when the caller
   * gave no cluster facts, so placement is unknown.
   */
  clusters?: ReadonlyMap<string, ClusterFacts>;
  /** What covers the entity on clusters that do not count for it; never judged. */
  otherEnvironments: readonly EntityOtherEnvironment[];
  /**
   * Everything collected on the clusters that do not count for the
   * entity's environment: a standby's copies, read by the standby checks
   * only.
   */
  otherRecords: PostureRecords;
  now: Date;
  policy: EntityPolicy;
  mapping: WorkloadMapping;
  coverage: EntityCoverage;
  postgres: {
    clusters: PostgresClusterRecord[];
    missing: ClusterObjectRef[];
    scheduledBackups: PostgresScheduledBackupRecord[];
    backups: PostgresBackupRecord[];
    objectStores: BarmanObjectStoreRecord[];
  };
  storageLocations: BackupStorageLocationRecord[];
  /** Velero Restores of the entity's backups: tests and restores into production. */
  restoreTests: VeleroRestoreTest[];
  /**
   * The drills that exercised this entity and count: neither voided nor
   * superseded, and ended by `now`.
   */
  drills: DrillRecord[];
  /** Evidence each drill kind needs to count as succeeded. */
  drillRequirements: DrillEvidenceRequirements;
  scheduleGraceMs: number;
  /** Tier ids whose 3-2-1 check warns without an immutable copy. */
  immutableCopyTiers: readonly string[];
  /** Share of the RPO (0 to 1) after which a clean point's age warns. */
  freshnessWarnShare: number;
  /** Validated longer ago than this, an Available location warns. */
  storageValidationMaxAgeMs: number;
  /** Validated longer ago than this, an Available location fails. */
  storageValidationFailAgeMs: number;
  /** Thresholds of the availability checks. */
  availability: AvailabilityThresholds;
}

/**
 * Thresholds of the availability checks (replicas, placement, probes,
 * disruption budgets, stability, database HA, certificates).
 *
 * @public
 */
export interface AvailabilityThresholds {
  /**
   * Tier ids whose workloads must survive the loss of a pod or a node:
   * they need two ready replicas and database HA, and their availability
   * gaps fail (for other tiers they warn).
   */
  highAvailabilityTiers: readonly string[];
  /** More restarts of one pod than this within the last hour warn. */
  maxRestartsPerHour: number;
  /** A pod not ready for longer than this warns. */
  notReadyWarnMs: number;
  /** A pod not ready for longer than this fails. */
  notReadyFailMs: number;
  /** A certificate expiring within this warns. */
  certificateWarnMs: number;
}

/**
 * A reference to a collected object, for a check's evidence.
 *
 * @public
 */
export function refOf(
  kind: string,
  object: { cluster: string; namespace: string; name: string },
): EvidenceRef {
  return {
    kind,
    cluster: object.cluster,
    namespace: object.namespace,
    name: object.name,
  };
}

/**
 * How a sentence names a collected object: `cluster/namespace/name`.
 *
 * @public
 */
export function describeRef(object: {
  cluster: string;
  namespace: string;
  name: string;
}): string {
  return `${object.cluster}/${object.namespace}/${object.name}`;
}

export function millisecondsSince(now: Date, time: string): number {
  return now.getTime() - Date.parse(time);
}

export function plural(
  count: number,
  noun: string,
  pluralNoun = `${noun}s`,
): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/**
 * Why the entity's Velero coverage cannot be judged, if it cannot: an
 * unreadable mapping annotation, or nothing found to map to.
 */
export function coverageUnknownReason(
  context: PostureContext,
): string | undefined {
  const { mapping, coverage } = context;
  const problems = mapping.problems.filter(
    p => p.annotation !== DR_ANNOTATIONS.postgresClusters,
  );
  if (problems.length > 0) {
    return problems.map(problem => problem.reason).join(' ');
  }
  if (coverage.basis !== 'none') {
    return undefined;
  }
  if (mapping.labelSelector || mapping.kubernetesId) {
    const elsewhere = context.otherEnvironments
      .filter(other => other.workloads > 0)
      .map(other => other.cluster);
    if (elsewhere.length > 0 && context.environment.ok) {
      return `Pods or PVCs of this entity were found only on clusters that do not count for its ${
        context.environment.environment
      } environment (${elsewhere.join(
        ', ',
      )}); if it runs there, set its spec.lifecycle or the disaster-recovery/environment annotation.`;
    }
    return 'No pods or PVCs of this entity were found in the collected clusters, so its backups cannot be matched.';
  }
  return 'The entity is not mapped to Kubernetes (no kubernetes-id, label selector, namespace or velero-schedules annotation).';
}

/**
 * The common start of the Velero checks: `{ skip }` with nothing to report
 * when they do not apply, or an unknown verdict when the entity's Velero
 * coverage cannot be worked out; `undefined` when the check can go on.
 */
export function veleroCoverageProblem(
  context: PostureContext,
): { verdict: Verdict<never> | undefined } | undefined {
  if (!veleroApplies(context)) return { verdict: undefined };
  const unknownReason = coverageUnknownReason(context);
  return unknownReason
    ? { verdict: verdict('unknown', unknownReason) }
    : undefined;
}

/**
 * Whether the Velero checks apply: not when the entity is only a PostgreSQL
 * database, whose recovery points CloudNativePG takes.
 */
export function veleroApplies(context: PostureContext): boolean {
  const postgresOnly =
    context.coverage.basis === 'none' &&
    context.mapping.problems.length === 0 &&
    (context.postgres.clusters.length > 0 ||
      context.postgres.missing.length > 0);
  return !postgresOnly;
}

/** Clauses joined into one sentence: capitalised, `; `-separated, ending in a full stop. */
export function sentenceOf(clauses: readonly string[]): string {
  const text = clauses.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}
