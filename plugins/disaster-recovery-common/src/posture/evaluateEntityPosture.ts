import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { ClusterCollectionHealth } from '../api';
import type { Check, CheckStatus } from '../checks/types';
import { entityWorkloads } from '../checks/availabilityScope';
import { entityCertificates } from '../checks/certificateExpiry';
import type { PostureContext } from '../checks/context';
import { checkOf, verdict, type CheckDefinition } from '../checks/definition';
import { CHECK_DEFINITIONS } from '../checks/registry';
import {
  resolveEntityCoverage,
  resolveEntityPostgresClusters,
  resolveWorkloadMapping,
} from '../coverage';
import {
  DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
  drillCountsAt,
  findVeleroRestoreTests,
  type DrillCorrections,
  type DrillEvidenceRequirements,
  type DrillRecord,
} from '../drills';
import {
  entityEnvironment,
  recordsForEnvironment,
  type ClusterFacts,
} from '../environments';
import {
  resolveEntityPolicy,
  type EntityPolicy,
  type TierPolicy,
} from '../policy';
import type { PostureRecords } from '../recordKinds';
import {
  describeProtection,
  type EntityProtection,
} from './describeProtection';
import { describeOtherEnvironments } from './otherEnvironments';
import { distrustStaleClusters } from './staleClusters';
import { worstStatus } from './worstStatus';

/**
 * Tunables of the rules that are not tier policy.
 *
 * @public
 */
export interface PostureOptions {
  /** How late a scheduled backup may start before the schedule is overdue. Default 1 hour. */
  scheduleGraceMs?: number;
  /** Tier ids whose 3-2-1 check warns without a copy known to be immutable. Default `['1']`. */
  immutableCopyTiers?: readonly string[];
  /** How long ago a storage location may last have been validated before it warns. Default 1 hour (Velero validates every minute). */
  storageValidationMaxAgeMs?: number;
  /** How long ago a storage location may last have been validated before it fails. Default 24 hours. */
  storageValidationFailAgeMs?: number;
  /**
   * Share of the RPO (above 0, at most 1) after which the age of the last
   * clean backup warns, when no backup is running to refresh it. Default 0.75.
   */
  freshnessWarnShare?: number;
  /**
   * Evidence each drill kind needs to count as succeeded, e.g. from
   * `readDrillEvidenceRequirements`. Default
   * `DEFAULT_DRILL_EVIDENCE_REQUIREMENTS`.
   */
  drillRequirements?: DrillEvidenceRequirements;
  /**
   * Tier ids whose workloads must survive the loss of a pod or a node (two
   * ready replicas, database HA; their availability gaps fail, other
   * tiers' warn). Default `['1', '2']`.
   */
  highAvailabilityTiers?: readonly string[];
  /** More restarts of one pod than this within the last hour warn. Default 5. */
  maxRestartsPerHour?: number;
  /** A pod not ready for longer than this warns. Default 5 minutes. */
  notReadyWarnMs?: number;
  /** A pod not ready for longer than this fails. Default 30 minutes. */
  notReadyFailMs?: number;
  /** A certificate expiring within this warns (expired fails). Default 14 days. */
  certificateWarnMs?: number;
}

/**
 * Input of {@link evaluateEntityPosture}.
 *
 * @public
 */
export interface EntityPostureInput {
  entity: Entity;
  /** Tier policies in restore order, e.g. from `readTierPolicies`. */
  policies: readonly TierPolicy[];
  records: PostureRecords;
  /**
   * Checks added to the built-in ones (reported after them), such as those
   * of sources added through the `-node` extension point. Their ids must
   * differ from the built-in ids.
   */
  checks?: readonly CheckDefinition[];
  /**
   * Recorded drills; those not naming this entity in `entityRefs`, voided,
   * superseded, or ending after `now` are ignored.
   */
  drills?: readonly (DrillRecord & DrillCorrections)[];
  /** Collection health per cluster; checks relying on a stale cluster cannot pass. */
  clusterHealth?: readonly ClusterCollectionHealth[];
  /**
   * The configured clusters with their role and placement. Given, only
   * records of clusters whose role counts for the entity's environment are
   * judged (a cluster missing from it counts for none), and off-site copies
   * are placed against the cluster holding the data. Left out, every
   * record counts and no copy can be placed.
   */
  clusters?: readonly ClusterFacts[];
  now: Date;
  options?: PostureOptions;
}

/**
 * The judged disaster-recovery posture of one entity. Checks that do not
 * apply are left out (PostgreSQL checks without databases, Velero checks for
 * a database-only entity, drill checks the tier does not require).
 *
 * @public
 */
export interface EntityPosture {
  entityRef: string;
  /** The worst check status (fail, warn, unknown, pass). */
  status: CheckStatus;
  checks: Check[];
  /** The policy the checks judged against, after annotations. */
  policy: EntityPolicy;
  /** What protects the entity, for detail views. */
  protection: EntityProtection;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

function normalisedRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return undefined;
  }
}

/** A rule that throws (a contributed one, say) leaves its check unknown, not the posture unanswered. */
function evaluateSafely(definition: CheckDefinition, context: PostureContext) {
  try {
    return definition.evaluate(context);
  } catch (error) {
    return verdict(
      'unknown',
      `The check could not be evaluated: ${
        error instanceof Error ? error.message : String(error)
      }.`,
    );
  }
}

/**
 * Judges an entity's disaster-recovery posture from collected records and
 * recorded drills. Pure: no I/O, `now` is passed in, the result is
 * JSON-serialisable. Never throws on bad annotations or records; what
 * cannot be judged is `unknown` with the reason.
 *
 * @public
 */
export function evaluateEntityPosture(
  input: EntityPostureInput,
): EntityPosture {
  const { entity, now } = input;
  const entityRef = stringifyEntityRef(entity);
  const mapping = resolveWorkloadMapping(entity);
  const environment = entityEnvironment(entity);
  // An unreadable environment is judged on production clusters, the
  // strictest reading, and the checks that read records become unknown.
  const { counting: records, others } = input.clusters
    ? recordsForEnvironment(
        input.records,
        input.clusters,
        environment.ok ? environment.environment : 'production',
      )
    : { counting: input.records, others: undefined };
  const otherEnvironments = others
    ? describeOtherEnvironments(mapping, others, input.clusters ?? [], now)
    : [];
  const coverage = resolveEntityCoverage(mapping, {
    workloads: records.workloads ?? [],
    schedules: records.schedules ?? [],
    backups: records.backups ?? [],
  });
  const postgres = resolveEntityPostgresClusters(
    mapping,
    coverage.workloads,
    records.postgresClusters ?? [],
  );
  const ofEntityClusters = <
    T extends {
      cluster: string;
      namespace: string;
      clusterName: string;
      deletedAt?: string;
    },
  >(
    items: readonly T[],
  ) =>
    items.filter(
      item =>
        item.deletedAt === undefined &&
        postgres.clusters.some(
          c =>
            c.cluster === item.cluster &&
            c.namespace === item.namespace &&
            c.name === item.clusterName,
        ),
    );
  const clusters = input.clusters
    ? new Map(input.clusters.map(c => [c.name, c]))
    : undefined;
  const context: PostureContext = {
    entity,
    records,
    environment,
    clusters,
    otherEnvironments,
    otherRecords: others ?? {},
    now,
    policy: resolveEntityPolicy(entity, input.policies),
    mapping,
    coverage,
    postgres: {
      ...postgres,
      scheduledBackups: ofEntityClusters(
        records.postgresScheduledBackups ?? [],
      ),
      backups: ofEntityClusters(records.postgresBackups ?? []),
      objectStores: (records.objectStores ?? []).filter(
        s => s.deletedAt === undefined,
      ),
    },
    storageLocations: (records.storageLocations ?? []).filter(
      l => l.deletedAt === undefined,
    ),
    restoreTests: findVeleroRestoreTests(
      (records.restores ?? []).filter(r => r.deletedAt === undefined),
      coverage.backups,
      coverage.schedules,
      { clusters, podVolumeBackups: records.podVolumeBackups },
    ),
    drills: (input.drills ?? []).filter(
      drill =>
        drillCountsAt(drill, now) &&
        drill.entityRefs.some(ref => normalisedRef(ref) === entityRef),
    ),
    drillRequirements:
      input.options?.drillRequirements ?? DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
    scheduleGraceMs: input.options?.scheduleGraceMs ?? HOUR,
    immutableCopyTiers: input.options?.immutableCopyTiers ?? ['1'],
    freshnessWarnShare: input.options?.freshnessWarnShare ?? 0.75,
    storageValidationMaxAgeMs: input.options?.storageValidationMaxAgeMs ?? HOUR,
    storageValidationFailAgeMs:
      input.options?.storageValidationFailAgeMs ?? 24 * HOUR,
    availability: {
      highAvailabilityTiers: input.options?.highAvailabilityTiers ?? ['1', '2'],
      maxRestartsPerHour: input.options?.maxRestartsPerHour ?? 5,
      notReadyWarnMs: input.options?.notReadyWarnMs ?? 5 * MINUTE,
      notReadyFailMs: input.options?.notReadyFailMs ?? 30 * MINUTE,
      certificateWarnMs: input.options?.certificateWarnMs ?? 14 * 24 * HOUR,
    },
  };
  const definitions: readonly CheckDefinition[] = [
    ...CHECK_DEFINITIONS,
    ...(input.checks ?? []),
  ];
  const entityClusters = new Set(
    [
      ...coverage.workloads,
      ...coverage.schedules,
      ...coverage.backups,
      ...context.postgres.clusters,
      ...entityWorkloads(context).map(w => w.controller),
      ...entityCertificates(context),
    ].map(record => record.cluster),
  );
  const checks = definitions.flatMap(definition => {
    const result = evaluateSafely(definition, context);
    if (!result) return [];
    const judged =
      environment.ok || definition.environmentIndependent
        ? result
        : verdict(
            'unknown',
            `Which clusters hold this entity's recovery points is unknown: ${environment.reason}`,
          );
    return [
      distrustStaleClusters(
        checkOf(definition, judged),
        input.clusterHealth ?? [],
        definition.environmentIndependent ? undefined : entityClusters,
      ),
    ];
  });
  return {
    entityRef,
    status: worstStatus(checks.map(c => c.status)),
    checks,
    policy: context.policy,
    protection: { ...describeProtection(context), otherEnvironments },
  };
}
