import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { ClusterCollectionHealth } from '../api';
import type { Check, CheckStatus } from '../checks/types';
import type { CheckRule, PostureContext } from '../checks/context';
import { backupFreshness } from '../checks/backupFreshness';
import { copies321 } from '../checks/copies321';
import { drDrill } from '../checks/drDrill';
import { drillObjectives } from '../checks/drillObjectives';
import { fullDrTest } from '../checks/fullDrTest';
import { haPattern } from '../checks/haPattern';
import { postgresRecoveryWindow } from '../checks/postgresRecoveryWindow';
import { postgresWalAge } from '../checks/postgresWalAge';
import { postgresWalArchiving } from '../checks/postgresWalArchiving';
import { restoreTest } from '../checks/restoreTest';
import { retention } from '../checks/retention';
import { runbook } from '../checks/runbook';
import { scheduleActive } from '../checks/scheduleActive';
import { scheduleCadence } from '../checks/scheduleCadence';
import { scheduleOnTime } from '../checks/scheduleOnTime';
import { storageLocation } from '../checks/storageLocation';
import { tierDeclared } from '../checks/tierDeclared';
import { workloadCoverage } from '../checks/workloadCoverage';
import {
  resolveEntityCoverage,
  resolveEntityPostgresClusters,
  resolveWorkloadMapping,
} from '../coverage';
import { findVeleroRestoreTests, type DrillRecord } from '../drills';
import {
  resolveEntityPolicy,
  type EntityPolicy,
  type TierPolicy,
} from '../policy';
import type {
  BackupStorageLocationRecord,
  BarmanObjectStoreRecord,
  PostgresBackupRecord,
  PostgresClusterRecord,
  PostgresScheduledBackupRecord,
  VeleroBackupRecord,
  VeleroRestoreRecord,
  VeleroScheduleRecord,
  WorkloadRecord,
} from '../records';
import {
  describeProtection,
  type EntityProtection,
} from './describeProtection';
import { distrustStaleClusters } from './staleClusters';
import { worstStatus } from './worstStatus';

/** In the order of `CHECK_IDS`. */
const RULES: CheckRule[] = [
  tierDeclared,
  backupFreshness,
  scheduleActive,
  scheduleCadence,
  scheduleOnTime,
  retention,
  storageLocation,
  copies321,
  postgresWalArchiving,
  postgresWalAge,
  postgresRecoveryWindow,
  restoreTest,
  drDrill,
  fullDrTest,
  drillObjectives,
  haPattern,
  runbook,
  workloadCoverage,
];

/**
 * The collected records the posture rules read. Pass everything collected
 * (of every cluster); the rules pick the entity's own. A kind left out counts
 * as none collected.
 *
 * @public
 */
export interface PostureRecords {
  backups?: readonly VeleroBackupRecord[];
  schedules?: readonly VeleroScheduleRecord[];
  restores?: readonly VeleroRestoreRecord[];
  storageLocations?: readonly BackupStorageLocationRecord[];
  postgresClusters?: readonly PostgresClusterRecord[];
  objectStores?: readonly BarmanObjectStoreRecord[];
  postgresBackups?: readonly PostgresBackupRecord[];
  postgresScheduledBackups?: readonly PostgresScheduledBackupRecord[];
  workloads?: readonly WorkloadRecord[];
}

/**
 * Tunables of the rules that are not tier policy.
 *
 * @public
 */
export interface PostureOptions {
  /** How late a scheduled backup may start before the schedule is overdue. Default 1 hour. */
  scheduleGraceMs?: number;
  /** How long ago a storage location may last have been validated. Default 1 hour (Velero validates every minute). */
  storageValidationMaxAgeMs?: number;
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
  /** Recorded drills; those not naming this entity in `entityRefs` are ignored. */
  drills?: readonly DrillRecord[];
  /** Collection health per cluster; checks relying on a stale cluster cannot pass. */
  clusterHealth?: readonly ClusterCollectionHealth[];
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

const HOUR = 3_600_000;

function normalisedRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return undefined;
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
  const { entity, records, now } = input;
  const entityRef = stringifyEntityRef(entity);
  const mapping = resolveWorkloadMapping(entity);
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
  const context: PostureContext = {
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
    ),
    drills: (input.drills ?? []).filter(drill =>
      drill.entityRefs.some(ref => normalisedRef(ref) === entityRef),
    ),
    scheduleGraceMs: input.options?.scheduleGraceMs ?? HOUR,
    storageValidationMaxAgeMs: input.options?.storageValidationMaxAgeMs ?? HOUR,
  };
  const checks = RULES.flatMap(rule => {
    const result = rule(context);
    return result
      ? [distrustStaleClusters(result, input.clusterHealth ?? [])]
      : [];
  });
  return {
    entityRef,
    status: worstStatus(checks.map(c => c.status)),
    checks,
    policy: context.policy,
    protection: describeProtection(context),
  };
}
