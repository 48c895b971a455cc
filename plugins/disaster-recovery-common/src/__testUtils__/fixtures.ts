import type { Entity } from '@backstage/catalog-model';
import type { DrillEvidence } from '../drills';
import type {
  BackupStorageLocationRecord,
  BarmanObjectStoreRecord,
  CertificateRecord,
  NodeRecord,
  PodDisruptionBudgetRecord,
  PodStatusRecord,
  PostgresBackupRecord,
  PostgresClusterRecord,
  PostgresScheduledBackupRecord,
  VeleroBackupRecord,
  VeleroRestoreRecord,
  VeleroScheduleRecord,
  WorkloadControllerRecord,
  WorkloadRecord,
} from '../records';

/** Test data shared by the rule tests: one payments service in cluster prod. */
export const NOW = new Date('2025-06-11T12:00:00Z');

export function minutesAgo(minutes: number): string {
  return new Date(NOW.getTime() - minutes * 60_000).toISOString();
}

export function secondsAgo(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString();
}

export function component(annotations: Record<string, string> = {}): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'payments',
      annotations: {
        'backstage.io/kubernetes-id': 'payments',
        'disaster-recovery/tier': '2',
        ...annotations,
      },
    },
    spec: { type: 'service', owner: 'team-a', lifecycle: 'production' },
  };
}

const base = {
  cluster: 'prod',
  uid: 'uid',
  labels: {},
  lastSeenAt: NOW.toISOString(),
};

/** A running, ready pod status on `nodeName`, up for 30 days without a restart. */
export function podStatus(
  overrides: Partial<PodStatusRecord> = {},
): PodStatusRecord {
  return {
    nodeName: 'node-a',
    phase: 'Running',
    ready: { status: 'True', since: minutesAgo(30 * 24 * 60) },
    containers: [
      {
        name: 'payments',
        restarts: 0,
        ready: true,
        quietSince: minutesAgo(30 * 24 * 60),
      },
    ],
    restartHistory: [
      {
        restarts: 0,
        firstSeenAt: minutesAgo(30 * 24 * 60),
        lastSeenAt: NOW.toISOString(),
      },
    ],
    ...overrides,
  };
}

export function workload(
  overrides: Partial<WorkloadRecord> = {},
): WorkloadRecord {
  return {
    ...base,
    kind: 'Pod',
    namespace: 'payments',
    name: 'payments-7d9f',
    labels: { 'backstage.io/kubernetes-id': 'payments', app: 'payments' },
    createdAt: minutesAgo(30 * 24 * 60),
    ...((overrides.kind ?? 'Pod') === 'Pod' ? { pod: podStatus() } : {}),
    ...overrides,
  };
}

/** The payments Deployment: 2 ready replicas, probes, requests, spread over nodes and zones. */
export function deployment(
  overrides: Partial<WorkloadControllerRecord> = {},
): WorkloadControllerRecord {
  return {
    ...base,
    uid: 'deployment-payments',
    kind: 'Deployment',
    namespace: 'payments',
    name: 'payments',
    labels: { 'backstage.io/kubernetes-id': 'payments' },
    replicas: 2,
    readyReplicas: 2,
    selector: { matchLabels: { app: 'payments' } },
    podLabels: { 'backstage.io/kubernetes-id': 'payments', app: 'payments' },
    containers: [
      {
        name: 'payments',
        image: 'example/payments:1.4.2',
        readinessProbe: true,
        livenessProbe: true,
        requests: ['cpu', 'memory'],
      },
    ],
    spread: [
      {
        topologyKey: 'topology.kubernetes.io/zone',
        how: 'topology-spread',
        required: true,
      },
    ],
    ...overrides,
  };
}

/** A Node of cluster prod in a zone. */
export function node(
  name: string,
  zone?: string,
  cluster = 'prod',
): NodeRecord {
  return {
    ...base,
    cluster,
    uid: `node-${cluster}-${name}`,
    namespace: '',
    name,
    labels: {
      'kubernetes.io/hostname': name,
      ...(zone ? { 'topology.kubernetes.io/zone': zone } : {}),
    },
  };
}

/** A PodDisruptionBudget keeping one payments pod up. */
export function disruptionBudget(
  overrides: Partial<PodDisruptionBudgetRecord> = {},
): PodDisruptionBudgetRecord {
  return {
    ...base,
    uid: 'pdb-payments',
    namespace: 'payments',
    name: 'payments',
    selector: { matchLabels: { app: 'payments' } },
    minAvailable: 1,
    ...overrides,
  };
}

/** A cert-manager Certificate of the payments namespace, valid 60 more days. */
export function certificate(
  overrides: Partial<CertificateRecord> = {},
): CertificateRecord {
  return {
    ...base,
    uid: 'certificate-payments',
    namespace: 'payments',
    name: 'payments-tls',
    labels: { 'backstage.io/kubernetes-id': 'payments' },
    secretName: 'payments-tls',
    dnsNames: ['payments.example.com'],
    notAfter: new Date(NOW.getTime() + 60 * 86_400_000).toISOString(),
    ready: 'True',
    ...overrides,
  };
}

export function schedule(
  overrides: Partial<VeleroScheduleRecord> = {},
): VeleroScheduleRecord {
  return {
    ...base,
    namespace: 'velero',
    name: 'payments-hourly',
    schedule: '*/30 * * * *',
    paused: false,
    phase: 'Enabled',
    createdAt: minutesAgo(60 * 24 * 30),
    lastBackupAt: minutesAgo(0),
    template: {
      includedNamespaces: ['payments'],
      excludedNamespaces: [],
      ttl: '720h0m0s',
    },
    ...overrides,
  };
}

export function backup(
  overrides: Partial<VeleroBackupRecord> = {},
): VeleroBackupRecord {
  return {
    ...base,
    namespace: 'velero',
    name: 'payments-hourly-20250611115000',
    scheduleName: 'payments-hourly',
    includedNamespaces: ['payments'],
    excludedNamespaces: [],
    phase: 'Completed',
    startedAt: minutesAgo(12),
    completedAt: minutesAgo(10),
    errors: 0,
    warnings: 0,
    volumeSnapshots: { attempted: 1, completed: 1 },
    ...overrides,
  };
}

export function restore(
  overrides: Partial<VeleroRestoreRecord> = {},
): VeleroRestoreRecord {
  return {
    ...base,
    namespace: 'velero',
    name: 'payments-restore-test',
    backupName: 'payments-hourly-20250611115000',
    includedNamespaces: ['payments'],
    namespaceMapping: { payments: 'payments-restore-test' },
    phase: 'Completed',
    startedAt: minutesAgo(8),
    completedAt: minutesAgo(2),
    errors: 0,
    warnings: 0,
    itemsRestored: 42,
    ...overrides,
  };
}

/**
 * Every piece of evidence any drill kind needs by default: the backup used
 * (5 minutes before the restore target), the target, the restored inventory,
 * passed health and application checks and a reconciliation.
 */
export function completeDrillEvidence(
  overrides: Partial<DrillEvidence> = {},
): DrillEvidence {
  return {
    backup: {
      name: 'payments-hourly-20250601085500',
      createdAt: '2025-06-01T08:55:00.000Z',
    },
    restoreTargetTime: '2025-06-01T09:00:00.000Z',
    namespaceInventory: [
      { namespace: 'payments', expectedObjects: 40, restoredObjects: 40 },
    ],
    healthChecks: [{ name: 'pods ready', passed: true }],
    applicationHealthChecks: [{ name: 'checkout', passed: true }],
    reconciliation: { passed: true },
    manualStepsNotInRunbook: [],
    ...overrides,
  };
}

export function storageLocation(
  overrides: Partial<BackupStorageLocationRecord> = {},
): BackupStorageLocationRecord {
  return {
    ...base,
    namespace: 'velero',
    name: 'default',
    provider: 'aws',
    bucket: 'backups-eu-west-1',
    region: 'eu-west-1',
    isDefault: true,
    phase: 'Available',
    lastValidatedAt: minutesAgo(1),
    ...overrides,
  };
}

export function postgresCluster(
  overrides: Partial<PostgresClusterRecord> = {},
): PostgresClusterRecord {
  return {
    ...base,
    namespace: 'payments',
    name: 'payments-db',
    labels: { 'backstage.io/kubernetes-id': 'payments' },
    createdAt: minutesAgo(60 * 24 * 365),
    conditions: [
      {
        type: 'ContinuousArchiving',
        status: 'True',
        lastTransitionTime: minutesAgo(60 * 24 * 100),
      },
    ],
    statusRecoveryWindow: {
      firstRecoverabilityPoint: minutesAgo(60 * 24 * 31),
    },
    retentionPolicy: '30d',
    backupConfiguration: {
      barmanObjectStoreDestination: 's3://pg-backups/payments-db',
      volumeSnapshot: false,
    },
    ...overrides,
  };
}

export function postgresScheduledBackup(
  overrides: Partial<PostgresScheduledBackupRecord> = {},
): PostgresScheduledBackupRecord {
  return {
    ...base,
    namespace: 'payments',
    name: 'payments-db-daily',
    clusterName: 'payments-db',
    schedule: '0 0 2 * * *',
    suspended: false,
    createdAt: minutesAgo(60 * 24 * 100),
    ...overrides,
  };
}

export function postgresBackup(
  overrides: Partial<PostgresBackupRecord> = {},
): PostgresBackupRecord {
  return {
    ...base,
    namespace: 'payments',
    name: 'payments-db-daily-20250611020000',
    clusterName: 'payments-db',
    scheduledBackupName: 'payments-db-daily',
    phase: 'completed',
    startedAt: minutesAgo(10 * 60),
    stoppedAt: minutesAgo(9 * 60 + 30),
    ...overrides,
  };
}

export function objectStore(
  overrides: Partial<BarmanObjectStoreRecord> = {},
): BarmanObjectStoreRecord {
  return {
    ...base,
    namespace: 'payments',
    name: 'store',
    serverRecoveryWindows: {},
    ...overrides,
  };
}
