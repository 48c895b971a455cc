import type { CheckId, CheckStatus, EvidenceRef } from './checks';
import type {
  DrillRecord,
  EffectiveDrillOutcome,
  VeleroRestoreTest,
} from './drills';
import type { EntityPolicy } from './policy';
import type { EntityPosture, SystemPosture } from './posture';
import type { RestorePlan } from './restorePlan';

/**
 * Body of `GET /api/disaster-recovery/health`.
 *
 * @public
 */
export interface HealthResponse {
  status: 'ok';
  /** Ids of the sources added by backend modules through the extension point. */
  sources: string[];
}

/**
 * Counts of one collection run of one cluster.
 *
 * @public
 */
export interface CollectionRunCounts {
  seen: number;
  written: number;
  skipped: number;
  deleted: number;
}

/**
 * What one collection run found per resource kind.
 *
 * @public
 */
export interface CollectionRunDetails {
  kinds: Record<
    string,
    {
      seen: number;
      skipped: number;
      /** Listings restarted because a continue token expired (410). */
      restarts?: number;
      notInstalled?: boolean;
    }
  >;
  /** Malformed objects that were skipped, `kind namespace/name: reason` (the first few). */
  skippedObjects: string[];
}

/**
 * One collection run of one cluster.
 *
 * @public
 */
export interface CollectionRun {
  id: number;
  startedAt: string;
  finishedAt?: string;
  durationMs?: number;
  status: 'running' | 'succeeded' | 'failed';
  counts: CollectionRunCounts;
  error?: string;
  details?: CollectionRunDetails;
}

/**
 * The collection health of one cluster.
 *
 * @public
 */
export interface ClusterCollectionHealth {
  name: string;
  /** False for clusters no longer in config whose history is still kept. */
  configured: boolean;
  lastRunStartedAt?: string;
  lastSuccessAt?: string;
  /** Set while collection fails: the cluster's data is stale since then. */
  staleSince?: string;
  lastError?: string;
  lastRun?: CollectionRun;
}

/**
 * Body of `GET /api/disaster-recovery/clusters`.
 *
 * @public
 */
export interface ClusterCollectionHealthResponse {
  items: ClusterCollectionHealth[];
}

/**
 * One entity's posture in a line, as the overview lists it.
 *
 * @public
 */
export interface EntityPostureSummary {
  entityRef: string;
  kind: string;
  namespace: string;
  name: string;
  title?: string;
  /** Entity ref of the owner (`spec.owner`). */
  owner?: string;
  /** Entity ref of the system (`spec.system`). */
  system?: string;
  /** Declared tier id; absent when none is declared. */
  tier?: string;
  status: CheckStatus;
  /** Checks that fail, then those that warn. */
  failingChecks: Array<{ id: CheckId; status: CheckStatus; title: string }>;
  rpoMs?: number;
  rtoMs?: number;
  /** Completion time of the last clean (`Completed`) backup covering the entity. */
  lastCleanBackupAt?: string;
  /** End of the last recorded drill or detected restore test. */
  lastDrillAt?: string;
  lastDrillOutcome?: 'succeeded' | 'failed';
  /** When the posture was worked out. */
  evaluatedAt: string;
}

/**
 * Query of `GET /api/disaster-recovery/overview`. List filters match any of
 * their values (tier `none`: no tier declared); `q` searches name, title,
 * owner and system.
 *
 * @public
 */
export interface OverviewQuery {
  tier?: string[];
  status?: CheckStatus[];
  owner?: string[];
  system?: string[];
  q?: string;
  sort?:
    | 'name'
    | 'status'
    | 'tier'
    | 'owner'
    | 'system'
    | 'lastCleanBackupAt'
    | 'lastDrillAt';
  order?: 'asc' | 'desc';
  /** Opaque cursor from a previous page's `nextCursor`. */
  cursor?: string;
  /** Page size, 1 to 500; default 50. */
  limit?: number;
}

/**
 * Body of `GET /api/disaster-recovery/overview`.
 *
 * @public
 */
export interface OverviewResponse {
  items: EntityPostureSummary[];
  /** Absent on the last page. */
  nextCursor?: string;
  /** Entities matching the filters (all pages). */
  totalItems: number;
  /** Counts of the matching entities per tier (`none` when undeclared) and status. */
  summary: Record<string, Record<CheckStatus, number>>;
}

/**
 * A Velero Schedule or CloudNativePG ScheduledBackup that protects an entity.
 *
 * @public
 */
export interface EntitySchedule {
  ref: EvidenceRef;
  /** The cron string as written. */
  schedule: string;
  paused: boolean;
  cadenceMs?: number;
  lastBackupAt?: string;
  /** The last run the schedule should have made before now. */
  previousRunAt?: string;
  overdue: boolean;
  ttl?: string;
  storageLocation?: string;
}

/**
 * A backup storage location an entity's backups go to.
 *
 * @public
 */
export interface EntityStorageLocation {
  ref: EvidenceRef;
  provider: string;
  region?: string;
  /** `Available`, `Unavailable`, or absent when unknown. */
  phase?: string;
  lastValidatedAt?: string;
}

/**
 * A CloudNativePG cluster of an entity, with its recovery window.
 *
 * @public
 */
export interface EntityPostgresCluster {
  ref: EvidenceRef;
  /** Status of the `ContinuousArchiving` condition. */
  continuousArchiving?: 'True' | 'False' | 'Unknown';
  firstRecoverabilityPoint?: string;
  lastSuccessfulBackupAt?: string;
  retentionPolicy?: string;
}

/**
 * Backups covering an entity on one day (UTC), by outcome.
 *
 * @public
 */
export interface BackupHistoryDay {
  /** `YYYY-MM-DD`. */
  day: string;
  completed: number;
  partiallyFailed: number;
  failed: number;
}

/**
 * A stale cluster an entity's data comes from.
 *
 * @public
 */
export interface StaleCluster {
  name: string;
  staleSince: string;
  lastError?: string;
}

/**
 * Body of `GET /api/disaster-recovery/entities/{kind}/{namespace}/{name}/posture`.
 *
 * @public
 */
export interface EntityPostureResponse {
  summary: EntityPostureSummary;
  policy: EntityPolicy;
  posture: Pick<EntityPosture, 'entityRef' | 'status' | 'checks'>;
  schedules: EntitySchedule[];
  storageLocations: EntityStorageLocation[];
  postgresClusters: EntityPostgresCluster[];
  /** The last 30 days, oldest first, every day present. */
  backupHistory: BackupHistoryDay[];
  /** Restore tests detected from Velero Restores of the entity's backups. */
  restoreTests: VeleroRestoreTest[];
  staleClusters: StaleCluster[];
}

/**
 * Body of `GET /api/disaster-recovery/postures?cursor&limit`: every evaluated
 * posture the caller may read, in entity-ref order. A page can hold fewer
 * than `limit` items when some entities are hidden from the caller.
 *
 * @public
 */
export interface PostureListResponse {
  items: EntityPostureResponse[];
  /** Absent on the last page. */
  nextCursor?: string;
}

/**
 * One backup in an entity's history.
 *
 * @public
 */
export interface BackupHistoryItem {
  ref: EvidenceRef;
  source: 'velero' | 'cloudnativepg';
  phase?: string;
  scheduleName?: string;
  startedAt?: string;
  completedAt?: string;
  expiresAt?: string;
  errors: number;
  warnings: number;
  storageLocation?: string;
  /** Set when the backup is gone from its cluster (kept as history). */
  deletedAt?: string;
}

/**
 * Query of `GET /api/disaster-recovery/entities/{kind}/{namespace}/{name}/backups`.
 *
 * @public
 */
export interface BackupHistoryQuery {
  /** ISO 8601; backups started at or after. */
  from?: string;
  /** ISO 8601; backups started before. */
  to?: string;
  phase?: string[];
  cursor?: string;
  /** 1 to 500; default 50. */
  limit?: number;
}

/**
 * Body of `GET /api/disaster-recovery/entities/{kind}/{namespace}/{name}/backups`, newest first.
 *
 * @public
 */
export interface BackupHistoryResponse {
  items: BackupHistoryItem[];
  nextCursor?: string;
}

/**
 * A drill as stored: what was posted plus who recorded it and the outcome
 * that counts.
 *
 * @public
 */
export interface RecordedDrill extends DrillRecord {
  id: string;
  /** User or service entity ref of whoever recorded it. */
  recordedBy: string;
  recordedAt: string;
  effectiveOutcome: EffectiveDrillOutcome;
}

/**
 * Body of `GET /api/disaster-recovery/entities/{kind}/{namespace}/{name}/drills`,
 * newest first. `POST` to the same path takes a {@link DrillRecord} (its
 * `entityRefs` may leave out the entity of the path, which is added) and
 * answers 201 with the {@link RecordedDrill}.
 *
 * @public
 */
export interface DrillListResponse {
  items: RecordedDrill[];
  /** Restore tests detected from Velero Restores of the entity's backups. */
  restoreTests: VeleroRestoreTest[];
}

/**
 * Body of `GET /api/disaster-recovery/restore-plan[?system=<ref>]`.
 *
 * @public
 */
export interface RestorePlanResponse extends RestorePlan {
  /** The system the plan is for; absent for the whole estate. */
  system?: string;
  /** Title and status of every entity in the plan. */
  entities: Record<string, { title?: string; status?: CheckStatus }>;
}

/**
 * Body of `GET /api/disaster-recovery/systems/{namespace}/{name}/posture`:
 * a System is as recoverable as its least recoverable component.
 *
 * @public
 */
export interface SystemPostureResponse extends SystemPosture {
  entityRef: string;
}
