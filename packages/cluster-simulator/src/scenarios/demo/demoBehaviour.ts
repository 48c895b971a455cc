import { isJsonObject, type KubeObject } from '../../kube/kubeObject.ts';
import type {
  BackupRunPolicy,
  EstateBehaviour,
  RestoreDrillPlan,
  TimelineEvent,
} from '../../lifecycle/behaviour.ts';
import { setCondition } from '../../lifecycle/conditions.ts';
import {
  compactTimestamp,
  kubeTimestamp,
  Millis,
} from '../../time/timestamps.ts';
import { drillNamespace } from './demoClusters.ts';
import {
  DEMO_CLUSTERS,
  INCIDENTS,
  PROD_SCHEDULES,
  VELERO_NAMESPACE,
} from './demoEstate.ts';

const minutes = (n: number) => n * Millis.minute;

function withStatus(
  object: KubeObject | undefined,
  change: (status: Record<string, unknown>) => void,
): KubeObject {
  if (!object) {
    throw new Error('timeline target missing');
  }
  const status = isJsonObject(object.status) ? { ...object.status } : {};
  change(status);
  return { ...object, status };
}

/** A CloudNativePG cluster's WAL archiving starts failing at `at`. */
function archivingBreaks(
  namespace: string,
  name: string,
  at: number,
): TimelineEvent {
  return {
    at,
    cluster: DEMO_CLUSTERS.active,
    target: {
      apiVersion: 'postgresql.cnpg.io/v1',
      kind: 'Cluster',
      namespace,
      name,
    },
    change: current =>
      withStatus(current, status => {
        status.conditions = setCondition(
          status.conditions,
          {
            type: 'ContinuousArchiving',
            status: 'False',
            reason: 'ContinuousArchivingFailing',
            message:
              'unexpected failure invoking barman-cloud-wal-archive: exit status 2',
          },
          at,
        );
      }),
  };
}

/**
 * The dated incidents: a location failing, a pause, an off-site schedule
 * repointed, WAL archiving breaking.
 */
function timeline(start: number): TimelineEvent[] {
  const unavailableAt = start - INCIDENTS.customerDataUnavailableFor;
  const brokenAt = start - INCIDENTS.ledgerArchivingBrokenFor;
  return [
    {
      at: unavailableAt,
      cluster: DEMO_CLUSTERS.active,
      target: {
        apiVersion: 'velero.io/v1',
        kind: 'BackupStorageLocation',
        namespace: VELERO_NAMESPACE,
        name: 'customer-data',
      },
      change: current =>
        withStatus(current, status => {
          status.phase = 'Unavailable';
          status.lastValidationTime = kubeTimestamp(unavailableAt);
          status.message =
            'BackupStorageLocation "customer-data" is unavailable: rpc error: code = Unknown desc = AccessDenied: Access Denied\n\tstatus code: 403';
          delete status.lastSyncedTime;
        }),
    },
    {
      at: start - INCIDENTS.catalogSearchPausedFor,
      cluster: DEMO_CLUSTERS.active,
      target: {
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        namespace: VELERO_NAMESPACE,
        name: 'catalog-search-daily-volumes',
      },
      change: current => ({
        ...current!,
        spec: { ...(current!.spec as object), paused: true },
      }),
    },
    {
      // Someone "fixed" the off-site schedule by pointing it at the default
      // location: it keeps succeeding, but no copy leaves AWS any more.
      at: start - INCIDENTS.notificationsOffsiteRepointedFor,
      cluster: DEMO_CLUSTERS.active,
      target: {
        apiVersion: 'velero.io/v1',
        kind: 'Schedule',
        namespace: VELERO_NAMESPACE,
        name: 'notifications-worker-daily-offsite',
      },
      change: current => {
        const spec = current!.spec as { template: object };
        return {
          ...current!,
          spec: {
            ...spec,
            template: { ...spec.template, storageLocation: 'default' },
          },
        };
      },
    },
    archivingBreaks('ledger-db', 'ledger-db', brokenAt),
    archivingBreaks(
      'feature-flags',
      'feature-flags-db',
      start - INCIDENTS.featureFlagsArchivingBrokenFor,
    ),
    restoreIntoProduction(
      'docs-portal',
      'docs-portal-every-24h',
      start - INCIDENTS.docsPortalRestoredIntoProductionAgo,
    ),
  ];
}

/**
 * Someone restores a service's backup over its own namespace on the
 * production cluster (no namespaceMapping): a restore into production,
 * which the drill history flags and never counts as a restore test.
 */
function restoreIntoProduction(
  service: string,
  scheduleName: string,
  at: number,
): TimelineEvent {
  const backupName = `${scheduleName}-${compactTimestamp(at - Millis.hour)}`;
  const name = `${service}-restore-${compactTimestamp(at)}`;
  return {
    at,
    cluster: DEMO_CLUSTERS.active,
    target: {
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      namespace: VELERO_NAMESPACE,
      name,
    },
    change: () => ({
      apiVersion: 'velero.io/v1',
      kind: 'Restore',
      metadata: {
        name,
        namespace: VELERO_NAMESPACE,
        labels: { 'velero.io/backup-name': backupName },
      },
      spec: { backupName, includedNamespaces: [service], restorePVs: true },
      status: {
        phase: 'Completed',
        startTimestamp: kubeTimestamp(at),
        completionTimestamp: kubeTimestamp(at + minutes(4)),
        progress: { itemsRestored: 31, totalItems: 31 },
      },
    }),
  };
}

/**
 * Restore drills on the standby: weekly restores of each tier 1 and 2
 * service into its `-drill` namespace, some passing, some not.
 */
function drills(start: number): RestoreDrillPlan[] {
  const plan = (
    service: string,
    cron: string,
    outcome: RestoreDrillPlan['outcome'],
    extra: Partial<RestoreDrillPlan> = {},
  ): RestoreDrillPlan => {
    const schedule =
      PROD_SCHEDULES.find(
        s => s.namespaces.includes(service) && s.name.endsWith('every-20m'),
      ) ?? PROD_SCHEDULES.find(s => s.namespaces.includes(service))!;
    return {
      cluster: DEMO_CLUSTERS.standby,
      name: `${service}-drill`,
      veleroNamespace: VELERO_NAMESPACE,
      scheduleName: schedule.name,
      sourceNamespace: service,
      targetNamespace: drillNamespace(service),
      cron,
      // The first drill waits a day after the schedule's first backups.
      since: start - schedule.age + Millis.day,
      outcome,
      durationMs: [minutes(6), minutes(40)],
      ...extra,
    };
  };
  const lastWeek = start - 7 * Millis.day;
  return [
    plan('payments-api', '0 6 * * 1', () => 'Completed'),
    // The latest checkout-web drill failed.
    plan('checkout-web', '0 6 * * 2', at =>
      at >= lastWeek ? 'Failed' : 'Completed',
    ),
    plan('inventory-service', '0 6 * * 3', (_at, index) =>
      index % 3 === 2 ? 'PartiallyFailed' : 'Completed',
    ),
    plan('customer-profile', '0 6 * * 4', () => 'Completed'),
    plan('catalog-search', '0 6 * * 5', () => 'Completed', {
      byScheduleName: true,
    }),
    plan('notifications-worker', '0 6 * * 6', at =>
      at >= lastWeek ? 'PartiallyFailed' : 'Completed',
    ),
  ];
}

/**
 * Random failures stop a day before the clock's start: they show in the
 * month of history, but one unlucky run in the live demo would flip a
 * service's status away from the story the demo tells.
 */
const STEADY_HISTORY_MS = Millis.day;

const HEALTHY: Omit<BackupRunPolicy, 'durationMs'> = {
  failureRate: 0.01,
  partialFailureRate: 0.03,
  itemCount: [120, 480],
};

/** How the demo estate behaves over time, from `start` (the clock's start). */
export function demoBehaviour(seed: string, start: number): EstateBehaviour {
  return {
    seed,
    runsControllers: true,
    backupRuns: (_cluster, schedule) => {
      const demo = PROD_SCHEDULES.find(s => s.name === schedule.metadata.name);
      const policy: BackupRunPolicy = {
        ...HEALTHY,
        durationMs: demo?.durationMs ?? [minutes(2), minutes(10)],
        randomFailuresUntil: start - STEADY_HISTORY_MS,
      };
      if (schedule.metadata.name === 'docs-portal-every-24h') {
        // One resource keeps failing to back up: the latest run is
        // PartiallyFailed, which is never a clean recovery point.
        return {
          ...policy,
          partiallyFailingSince:
            start - INCIDENTS.docsPortalPartiallyFailingFor,
        };
      }
      if (schedule.metadata.name === 'inventory-service-daily-offsite') {
        // The off-site copy's kopia upload hangs and the Backup stays
        // InProgress: Velero starts no further run of the schedule.
        return {
          ...policy,
          hangingSince: start - INCIDENTS.inventoryOffsiteHangingFor,
        };
      }
      if (schedule.metadata.name === 'checkout-web-every-5m') {
        return {
          ...policy,
          failingSince: start - INCIDENTS.checkoutBackupsFailingFor,
          failureReason:
            'timed out waiting for all PodVolumeBackups to complete',
        };
      }
      return policy;
    },
    cnpgRuns: () => ({
      failureRate: 0.03,
      durationMs: [minutes(8), minutes(25)],
      randomFailuresUntil: start - STEADY_HISTORY_MS,
    }),
    drills: drills(start),
    timeline: timeline(start),
  };
}
