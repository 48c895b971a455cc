import type {
  BackupHistoryDay,
  EntityAvailability,
  EntityOtherEnvironment,
  EntityPostgresCluster,
  EntitySchedule,
  EntityStorageLocation,
} from '../api';
import { budgetAllowance } from '../availability/disruptionBudgets';
import { spreadRuleFor } from '../availability/placement';
import { entityWorkloads } from '../checks/availabilityScope';
import type { PostureContext } from '../checks/context';
import { refOf } from '../checks/context';
import { entitySchedules } from '../checks/entitySchedules';
import { exercisesOf } from '../checks/exercises';
import { archivingStoppedAt } from '../checks/postgresBackups';
import { recoveryWindowOf } from '../checks/postgresRecoveryWindow';
import { CONTINUOUS_ARCHIVING } from '../checks/postgresScope';
import { judgeScheduleOnTime } from '../checks/scheduleOnTime';
import { standbyComparison } from '../checks/standbyParity';
import { usedStorageLocations } from '../checks/storageLocations';
import {
  backupTime,
  isCleanRecoveryPoint,
  newestFirst,
} from '../checks/veleroBackupPhases';
import { holdsVolumeData } from '../checks/veleroVolumeData';
import { parseBackupSchedule, scheduleTiming } from '../cron';
import type { VeleroRestoreTest } from '../drills';

const DAY = 86_400_000;
const HISTORY_DAYS = 30;

/**
 * What protects an entity, as the detail views show it, worked out with the
 * same rules as its checks.
 *
 * @public
 */
export interface EntityProtection {
  schedules: EntitySchedule[];
  storageLocations: EntityStorageLocation[];
  postgresClusters: EntityPostgresCluster[];
  /** The last 30 days (UTC), oldest first, every day present. */
  backupHistory: BackupHistoryDay[];
  /**
   * The last clean backup; while a database's WAL archiving fails, the
   * older of that and when archiving stopped.
   */
  lastCleanBackupAt?: string;
  /** The most recent finished drill or restore test. */
  lastDrill?: {
    endedAt: string;
    outcome: 'succeeded' | 'failed' | 'incomplete';
  };
  /** Restore tests detected from Velero Restores of the entity's backups. */
  restoreTests: VeleroRestoreTest[];
  /**
   * What covers the entity on clusters that do not count for its
   * environment; none of it counts towards its checks.
   */
  otherEnvironments: EntityOtherEnvironment[];
  /** Replicas, placement, probes and budgets per workload; production against standby. */
  availability: EntityAvailability;
}

function schedulesOf(context: PostureContext): EntitySchedule[] {
  const veleroByRef = new Map(
    context.coverage.schedules.map(s => [
      `${s.cluster}/${s.namespace}/${s.name}`,
      s,
    ]),
  );
  return entitySchedules(context).map(view => {
    const parsed = parseBackupSchedule(view.schedule, view.dialect);
    const timing =
      'error' in parsed ? undefined : scheduleTiming(parsed, context.now);
    const verdict = judgeScheduleOnTime(
      view,
      context.now,
      context.scheduleGraceMs,
    );
    const velero = veleroByRef.get(
      `${view.ref.cluster}/${view.ref.namespace}/${view.ref.name}`,
    );
    return {
      ref: view.ref,
      schedule: view.schedule,
      paused: view.paused,
      pausedSince: view.pausedSince,
      cadenceMs: timing && !('error' in timing) ? timing.cadenceMs : undefined,
      lastBackupAt: view.lastRunAt,
      previousRunAt:
        timing && !('error' in timing) ? timing.previousRunAt : undefined,
      overdue: !view.paused && verdict.state === 'overdue',
      ttl: velero?.template.ttl,
      storageLocation: velero?.template.storageLocation,
    };
  });
}

function storageLocationsOf(context: PostureContext): EntityStorageLocation[] {
  return usedStorageLocations(context).map(location => ({
    ref: refOf('BackupStorageLocation', location),
    provider: location.record?.provider ?? 'unknown',
    region: location.record?.region,
    phase: location.record?.phase,
    lastValidatedAt: location.record?.lastValidatedAt,
  }));
}

function postgresClustersOf(context: PostureContext): EntityPostgresCluster[] {
  return context.postgres.clusters.map(cluster => {
    const { window } = recoveryWindowOf(context, cluster);
    return {
      ref: refOf('Cluster', cluster),
      continuousArchiving: cluster.conditions.find(
        c => c.type === CONTINUOUS_ARCHIVING,
      )?.status,
      firstRecoverabilityPoint: window?.firstRecoverabilityPoint,
      lastSuccessfulBackupAt: window?.lastSuccessfulBackupAt,
      retentionPolicy: cluster.retentionPolicy,
      instances: cluster.instances,
      readyInstances: cluster.readyInstances,
      currentPrimary: cluster.currentPrimary,
    };
  });
}

function availabilityOf(context: PostureContext): EntityAvailability {
  return {
    workloads: entityWorkloads(context).map(
      ({ controller, autoscaler, floor, budgets, placement }) => ({
        ref: refOf(controller.kind, controller),
        replicas: controller.replicas,
        readyReplicas: controller.readyReplicas,
        minReplicas: floor,
        ...(autoscaler
          ? { autoscaler: refOf('HorizontalPodAutoscaler', autoscaler) }
          : {}),
        ...(controller.singletonReason !== undefined
          ? { singletonReason: controller.singletonReason }
          : {}),
        nodes: placement.nodes.length,
        zones: placement.zones,
        clusterZones: [...placement.clusterZones],
        spreadOverNodes: spreadRuleFor(controller.spread, 'node') !== undefined,
        spreadOverZones: spreadRuleFor(controller.spread, 'zone') !== undefined,
        containers: controller.containers.map(c => ({ ...c })),
        disruptionBudgets: budgets.map(budget => {
          const allowance = budgetAllowance(budget, controller.replicas);
          return {
            ref: refOf('PodDisruptionBudget', budget),
            ...(budget.minAvailable !== undefined
              ? { minAvailable: budget.minAvailable }
              : {}),
            ...(budget.maxUnavailable !== undefined
              ? { maxUnavailable: budget.maxUnavailable }
              : {}),
            ...(allowance ? { allowedDisruptions: allowance.allowed } : {}),
          };
        }),
      }),
    ),
    standbyParity: standbyComparison(context).rows,
  };
}

function backupHistoryOf(context: PostureContext): BackupHistoryDay[] {
  const today = Math.floor(context.now.getTime() / DAY) * DAY;
  const days = Array.from({ length: HISTORY_DAYS }, (_, i) => ({
    day: new Date(today - (HISTORY_DAYS - 1 - i) * DAY)
      .toISOString()
      .slice(0, 10),
    completed: 0,
    partiallyFailed: 0,
    failed: 0,
  }));
  const byDay = new Map(days.map(day => [day.day, day]));
  const count = (
    time: string | undefined,
    outcome: 'completed' | 'partiallyFailed' | 'failed',
  ) => {
    const day = time && byDay.get(time.slice(0, 10));
    if (day) day[outcome] += 1;
  };
  for (const backup of context.coverage.backups) {
    const time = backupTime(backup);
    if (backup.phase === 'Completed') count(time, 'completed');
    else if (backup.phase === 'PartiallyFailed') count(time, 'partiallyFailed');
    else if (backup.phase === 'Failed' || backup.phase === 'FailedValidation')
      count(time, 'failed');
  }
  for (const backup of context.postgres.backups) {
    const time = backup.stoppedAt ?? backup.startedAt;
    if (backup.phase === 'completed') count(time, 'completed');
    else if (
      backup.phase === 'failed' ||
      backup.phase === 'walArchivingFailing'
    )
      count(time, 'failed');
  }
  return days;
}

/**
 * The headline recovery point: the last clean Velero backup holding the
 * entity's volume data, or when a database's WAL archiving is failing the
 * older of that and the moment archiving stopped, since nothing written
 * after it can be recovered.
 */
function headlineRecoveryPoint(context: PostureContext): string | undefined {
  // The same recovery point backup-freshness judges: a manifests-only
  // backup restores no volume data, so it is no headline recovery point.
  const lastClean = newestFirst(context.coverage.backups).find(
    b => isCleanRecoveryPoint(b, context.now) && holdsVolumeData(context, b),
  );
  const candidates = [
    lastClean ? backupTime(lastClean) : undefined,
    ...context.postgres.clusters.map(archivingStoppedAt),
  ].filter((time): time is string => time !== undefined);
  return candidates.length > 0
    ? candidates.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a))
    : undefined;
}

/** Everything the detail views show about how an entity is protected. */
export function describeProtection(
  context: PostureContext,
): Omit<EntityProtection, 'otherEnvironments'> {
  const [lastExercise] = exercisesOf(
    context,
    ['restore-test', 'dr-drill', 'full-dr-test', 'failover-drill'],
    true,
  );
  return {
    schedules: schedulesOf(context),
    storageLocations: storageLocationsOf(context),
    postgresClusters: postgresClustersOf(context),
    backupHistory: backupHistoryOf(context),
    lastCleanBackupAt: headlineRecoveryPoint(context),
    lastDrill: lastExercise
      ? { endedAt: lastExercise.endedAt, outcome: lastExercise.outcome }
      : undefined,
    restoreTests: context.restoreTests,
    availability: availabilityOf(context),
  };
}
