import { Millis } from '../../time/timestamps.ts';

/**
 * The demo estate: the example catalog's services (namespace = service
 * name), their DR tiers, and how each is backed up. Read with the README's
 * "demo scenario" table, which lists the deliberate problems.
 */

/** DR tier: 1 = RPO 15m, 2 = RPO 1h, 3 = RPO 24h. */
export type Tier = 1 | 2 | 3;

/** One service of the example catalog. */
export interface DemoService {
  name: string;
  tier: Tier;
  /** Stateless services have no PVCs; `postgres` ones run a CNPG cluster. */
  workload: 'stateless' | 'stateful' | 'postgres';
  replicas: number;
}

export const DEMO_SERVICES: readonly DemoService[] = [
  { name: 'payments-api', tier: 1, workload: 'stateful', replicas: 3 },
  { name: 'orders-db', tier: 1, workload: 'postgres', replicas: 3 },
  { name: 'ledger-db', tier: 1, workload: 'postgres', replicas: 3 },
  { name: 'checkout-web', tier: 1, workload: 'stateless', replicas: 3 },
  { name: 'inventory-service', tier: 2, workload: 'stateful', replicas: 2 },
  { name: 'catalog-search', tier: 2, workload: 'stateful', replicas: 2 },
  { name: 'notifications-worker', tier: 2, workload: 'stateless', replicas: 2 },
  { name: 'customer-profile', tier: 2, workload: 'stateful', replicas: 2 },
  { name: 'reporting-batch', tier: 3, workload: 'stateful', replicas: 1 },
  { name: 'docs-portal', tier: 3, workload: 'stateless', replicas: 1 },
  { name: 'feature-flags', tier: 3, workload: 'stateless', replicas: 2 },
  { name: 'analytics-etl', tier: 3, workload: 'stateful', replicas: 1 },
];

/** Cluster names, fixed because app-config.yaml refers to them. */
export const DEMO_CLUSTERS = {
  active: 'prod-eu-active',
  standby: 'prod-us-standby',
  staging: 'staging',
} as const;

/** Velero's namespace in every demo cluster. */
export const VELERO_NAMESPACE = 'velero';

/** The Velero bucket the active cluster writes and the standby reads. */
export const PROD_BUCKET = {
  bucket: 'demo-retail-velero-eu-west-1',
  prefix: 'prod',
  region: 'eu-west-1',
};

/**
 * The off-site copy: a Velero location at another provider, so a loss of the
 * AWS account or region leaves one copy (the 3-2-1 rule's "1").
 */
export const OFFSITE_LOCATION = {
  name: 'offsite',
  provider: 'gcp',
  bucket: 'demo-retail-velero-offsite',
};

/** A Velero schedule of the demo, relative to the start time. */
export interface DemoSchedule {
  name: string;
  cron: string;
  namespaces: string[];
  ttl: string;
  /** How long before the start the schedule was created. */
  age: number;
  storageLocation?: string;
  /** Velero's default (unset) takes native snapshots through the VolumeSnapshotLocation. */
  snapshotVolumes?: boolean;
  /** File-system backup (kopia) of every pod volume: one PodVolumeBackup each. */
  defaultVolumesToFsBackup?: boolean;
  /** CSI snapshots moved to the storage location by the data mover (DataUploads). */
  snapshotMoveData?: boolean;
  durationMs: readonly [number, number];
}

const minutes = (n: number) => n * Millis.minute;

/**
 * Services with a daily off-site copy kept 30 days, next to their frequent
 * short-lived backups (grandfather-father-son), written with file-system
 * backups so the volume data itself leaves AWS. Left out on purpose:
 * checkout-web and ledger-db (failing anyway), catalog-search (its data is
 * only in the paused schedule), customer-profile (its own off-site location
 * is the unavailable one) and analytics-etl (no schedule).
 * `notifications-worker-daily-offsite` was repointed at `default` four days
 * ago (the timeline), so its off-site copy goes stale.
 */
export const OFFSITE_SERVICES = [
  'payments-api',
  'orders-db',
  'inventory-service',
  'notifications-worker',
  'reporting-batch',
  'docs-portal',
  'feature-flags',
  // Last, so the others keep their times.
  'ledger-db',
] as const;

function offsiteSchedule(service: string, index: number): DemoSchedule {
  const postgres =
    DEMO_SERVICES.find(s => s.name === service)?.workload === 'postgres';
  return {
    name: `${service}-daily-offsite`,
    // Staggered over the night so the copies do not all start at once.
    cron: `${(index * 7) % 60} ${2 + Math.floor((index * 7) / 60)} * * *`,
    namespaces: [service],
    ttl: '720h0m0s',
    age: 28 * Millis.day,
    storageLocation: OFFSITE_LOCATION.name,
    // A file-system copy of a live PostgreSQL data directory is no
    // consistent backup: the database's copy is CloudNativePG's.
    ...(postgres
      ? { snapshotVolumes: false }
      : { defaultVolumesToFsBackup: true }),
    durationMs: [minutes(3), minutes(15)],
  };
}

/**
 * Velero schedules on prod-eu-active. Cadences sit well inside each tier's
 * RPO so that only the deliberate problems show. `analytics-etl` is in no
 * schedule (the uncovered namespace).
 */
export const PROD_SCHEDULES: readonly DemoSchedule[] = [
  {
    name: 'payments-api-every-5m',
    cron: '*/5 * * * *',
    namespaces: ['payments-api'],
    ttl: '72h0m0s',
    age: 8 * Millis.day,
    defaultVolumesToFsBackup: true,
    durationMs: [40_000, minutes(3)],
  },
  // Tier 1 and past its RPO: every run has failed for the last 26 hours.
  {
    name: 'checkout-web-every-5m',
    cron: '*/5 * * * *',
    namespaces: ['checkout-web'],
    ttl: '72h0m0s',
    age: 8 * Millis.day,
    durationMs: [40_000, minutes(2)],
  },
  // Namespace manifests of the databases; their data is covered by CloudNativePG.
  {
    name: 'databases-every-5m',
    cron: '*/5 * * * *',
    namespaces: ['orders-db', 'ledger-db'],
    ttl: '72h0m0s',
    age: 8 * Millis.day,
    snapshotVolumes: false,
    durationMs: [30_000, minutes(2)],
  },
  {
    name: 'inventory-service-every-20m',
    cron: '*/20 * * * *',
    namespaces: ['inventory-service'],
    ttl: '168h0m0s',
    age: 28 * Millis.day,
    snapshotMoveData: true,
    durationMs: [minutes(1), minutes(6)],
  },
  {
    name: 'catalog-search-every-20m',
    cron: '*/20 * * * *',
    namespaces: ['catalog-search'],
    ttl: '168h0m0s',
    age: 28 * Millis.day,
    snapshotVolumes: false,
    durationMs: [minutes(1), minutes(5)],
  },
  // Manifests only (snapshots off, no file-system backup); the search
  // index's data is only in the paused schedule below.
  // The paused schedule: the daily volume snapshot of the search index.
  {
    name: 'catalog-search-daily-volumes',
    cron: '0 3 * * *',
    namespaces: ['catalog-search'],
    ttl: '720h0m0s',
    age: 28 * Millis.day,
    snapshotVolumes: true,
    durationMs: [minutes(10), minutes(25)],
  },
  {
    name: 'notifications-worker-every-20m',
    cron: '*/20 * * * *',
    namespaces: ['notifications-worker'],
    ttl: '168h0m0s',
    age: 28 * Millis.day,
    durationMs: [minutes(1), minutes(4)],
  },
  {
    name: 'customer-profile-every-20m',
    cron: '*/20 * * * *',
    namespaces: ['customer-profile'],
    ttl: '168h0m0s',
    age: 28 * Millis.day,
    defaultVolumesToFsBackup: true,
    durationMs: [minutes(1), minutes(6)],
  },
  // Off-site copies to the location that became Unavailable two days ago.
  {
    name: 'customer-profile-offsite-6h',
    cron: '0 */6 * * *',
    namespaces: ['customer-profile'],
    ttl: '720h0m0s',
    age: 28 * Millis.day,
    storageLocation: 'customer-data',
    defaultVolumesToFsBackup: true,
    durationMs: [minutes(4), minutes(12)],
  },
  // Native EBS snapshots: the data stays in eu-west-1 with the volumes.
  {
    name: 'reporting-batch-every-6h',
    cron: '0 */6 * * *',
    namespaces: ['reporting-batch'],
    ttl: '720h0m0s',
    age: 28 * Millis.day,
    durationMs: [minutes(3), minutes(15)],
  },
  // Daily, exactly its 24 h RPO, and its latest run partially failed (see
  // the behaviour).
  {
    name: 'docs-portal-every-24h',
    cron: '@every 24h',
    namespaces: ['docs-portal'],
    ttl: '720h0m0s',
    age: 28 * Millis.day,
    storageLocation: 'docs-archive',
    durationMs: [minutes(1), minutes(4)],
  },
  {
    name: 'feature-flags-every-4h',
    cron: 'CRON_TZ=Europe/Berlin 30 */4 * * *',
    namespaces: ['feature-flags'],
    ttl: '720h0m0s',
    age: 28 * Millis.day,
    durationMs: [minutes(1), minutes(3)],
  },
  ...OFFSITE_SERVICES.map(offsiteSchedule),
];

/**
 * How far back the demo's history goes: past the 30-day retention, so the
 * PostgreSQL recovery windows are full-grown.
 */
export const HISTORY_LENGTH = 35 * Millis.day;

/** A CloudNativePG cluster of a service that is not itself a database. */
export interface ServiceDatabase {
  name: string;
  service: string;
  /** How long before the start the cluster was created. */
  age: number;
  /** Six-field (seconds-first) schedule of its daily base backup. */
  schedule: string;
  retentionPolicy: string;
  /** False: CloudNativePG has not reported WAL archiving yet. */
  archivingReported: boolean;
}

/**
 * Databases of other services, in-tree barmanObjectStore:
 * - `feature-flags-db` keeps base backups 7 days only (tier 3 asks 30) and
 *   its WAL archiving broke 3 hours ago (within the 24 h RPO, but growing);
 * - `customer-profile-db`, moved from a managed database 12 days ago: its
 *   recovery window is still growing towards 30 days;
 * - `checkout-sessions`, created 10 minutes ago after the failed full DR
 *   test lost checkout's sessions: no base backup yet (the first is due
 *   tonight) and no WAL archiving reported.
 */
export const SERVICE_DATABASES: readonly ServiceDatabase[] = [
  {
    name: 'feature-flags-db',
    service: 'feature-flags',
    age: HISTORY_LENGTH,
    schedule: '0 0 3 * * *',
    retentionPolicy: '7d',
    archivingReported: true,
  },
  {
    name: 'customer-profile-db',
    service: 'customer-profile',
    age: 12 * Millis.day,
    schedule: '0 15 1 * * *',
    retentionPolicy: '30d',
    archivingReported: true,
  },
  {
    name: 'checkout-sessions',
    service: 'checkout-web',
    age: 10 * Millis.minute,
    schedule: '0 0 2 * * *',
    retentionPolicy: '30d',
    archivingReported: false,
  },
];

/** Services with warm-standby copies on prod-us-standby (and restore drills). */
export const STANDBY_SERVICES = [
  'payments-api',
  'checkout-web',
  'inventory-service',
  'catalog-search',
  'notifications-worker',
  'customer-profile',
] as const;

/** Services with staging copies. */
export const STAGING_SERVICES = [
  'payments-api',
  'checkout-web',
  'catalog-search',
  'feature-flags',
] as const;

/** When the deliberate problems began, relative to the start time. */
export const INCIDENTS = {
  checkoutBackupsFailingFor: 26 * Millis.hour,
  catalogSearchPausedFor: 5 * Millis.day,
  customerDataUnavailableFor: 2 * Millis.day,
  /** Periodic validation of `docs-archive` is off (validationFrequency 0s). */
  docsArchiveValidatedAgo: 3 * Millis.hour,
  ledgerArchivingBrokenFor: 30 * Millis.hour,
  featureFlagsArchivingBrokenFor: 3 * Millis.hour,
  /** analytics-etl's only backup: taken by hand before a migration. */
  analyticsOneOffBackupAgo: 20 * Millis.hour,
  // 36 h, not 24: the daily run a day before start must fall inside it
  // whatever the second the portal starts at.
  docsPortalPartiallyFailingFor: 36 * Millis.hour,
  notificationsOffsiteRepointedFor: 4 * Millis.day,
  /** Someone restored docs-portal's backup over production: never a test. */
  docsPortalRestoredIntoProductionAgo: 2 * Millis.day,
  /**
   * inventory-service's daily off-site run hangs InProgress from the first
   * run after this: 60 h, so that run is 36 to 60 h old and the next one,
   * which Velero skips, was due at least 12 h ago whatever the start time.
   */
  inventoryOffsiteHangingFor: 60 * Millis.hour,
};
