import {
  isJsonObject,
  type JsonObject,
  type KubeObject,
} from '../kube/kubeObject.ts';
import { randomFor } from '../random/seededRandom.ts';
import { parseGoDuration } from '../time/goDuration.ts';
import { compactTimestamp, kubeTimestamp } from '../time/timestamps.ts';
import {
  drawFrom,
  mayFailAtRandom,
  type BackupRunPolicy,
} from './behaviour.ts';
import {
  failedVolumeItems,
  type VolumeCapture,
} from './veleroVolumeCapture.ts';

/** Velero's default backup TTL. */
const DEFAULT_TTL = '720h0m0s';

/** Annotations Velero puts on every backup; shared by all generated ones. */
const BACKUP_ANNOTATIONS: Readonly<Record<string, string>> = Object.freeze({
  'velero.io/resource-timeout': '10m0s',
  'velero.io/source-cluster-k8s-gitversion': 'v1.31.0',
  'velero.io/source-cluster-k8s-major-version': '1',
  'velero.io/source-cluster-k8s-minor-version': '31',
});

/** How one scheduled backup run turns out. */
export interface BackupRun {
  name: string;
  namespace: string;
  storageLocation: string;
  startedAt: number;
  /** `Infinity` for a run that hangs InProgress and never finishes. */
  completedAt: number;
  expiresAt: number;
  phase: 'Completed' | 'PartiallyFailed' | 'Failed' | 'FailedValidation';
  items: number;
  errors: number;
  warnings: number;
  failureReason?: string;
  validationErrors?: string[];
  /** The volumes the run captures (set by the controller from the cluster). */
  capture?: VolumeCapture;
}

/**
 * How many of a finished run's volume items failed: native snapshots first
 * counted against, then the PodVolumeBackups and DataUploads.
 */
export function volumeFailures(run: BackupRun): {
  snapshots: number;
  work: number;
} {
  const capture = run.capture;
  if (!capture || run.phase === 'FailedValidation') {
    return { snapshots: 0, work: 0 };
  }
  const total =
    capture.snapshots + capture.podVolumes.length + capture.dataUploads.length;
  const failed = failedVolumeItems(run.phase, total);
  const snapshots = Math.min(failed, capture.snapshots);
  return { snapshots, work: failed - snapshots };
}

interface SharedParts {
  spec: JsonObject;
  labels: Record<string, string>;
}

/**
 * Backups of one schedule share their spec and labels objects, which keeps
 * hundreds of thousands of backups small. Keyed by the Schedule object,
 * which is replaced (not changed) on every write.
 */
const sharedPartsBySchedule = new WeakMap<KubeObject, SharedParts>();

/** The backup template of a Schedule (its `spec.template`). */
export function templateOf(schedule: KubeObject): JsonObject {
  const spec = schedule.spec as JsonObject;
  return isJsonObject(spec.template) ? spec.template : {};
}

function sharedParts(
  schedule: KubeObject,
  storageLocation: string,
): SharedParts {
  let parts = sharedPartsBySchedule.get(schedule);
  if (!parts) {
    const template = templateOf(schedule);
    const { metadata: _templateMetadata, ...templateSpec } = template;
    parts = {
      spec: Object.freeze({
        csiSnapshotTimeout: '10m0s',
        hooks: {},
        itemOperationTimeout: '4h0m0s',
        metadata: {},
        ...templateSpec,
        storageLocation,
        ttl: typeof template.ttl === 'string' ? template.ttl : DEFAULT_TTL,
      }),
      labels: Object.freeze({
        ...(isJsonObject(template.metadata) &&
        isJsonObject(template.metadata.labels)
          ? (template.metadata.labels as Record<string, string>)
          : {}),
        'velero.io/schedule-name': schedule.metadata.name,
        'velero.io/storage-location': storageLocation,
      }),
    };
    sharedPartsBySchedule.set(schedule, parts);
  }
  return parts;
}

/** The storage location a schedule's backups go to (template or default). */
export function scheduleStorageLocation(
  schedule: KubeObject,
  defaultLocation: string | undefined,
): string | undefined {
  const location = templateOf(schedule).storageLocation;
  return typeof location === 'string' && location !== ''
    ? location
    : defaultLocation;
}

/**
 * Decides how the run of `schedule` fired at `firedAt` turns out. The draw is
 * keyed by seed, cluster, schedule and time, so it does not depend on what
 * else the simulation did.
 *
 * @param locationPhase - the storage location's `status.phase` at fire time;
 *   Velero refuses to start a backup whose location is not Available.
 */
export function decideBackupRun(options: {
  seed: string;
  cluster: string;
  schedule: KubeObject;
  firedAt: number;
  policy: BackupRunPolicy;
  storageLocation: string | undefined;
  locationPhase: string | undefined;
}): BackupRun {
  const {
    seed,
    cluster,
    schedule,
    firedAt,
    policy,
    storageLocation,
    locationPhase,
  } = options;
  const random = randomFor(
    seed,
    cluster,
    'velero-backup',
    schedule.metadata.name,
    firedAt,
  );
  const ttlMs = parseGoDuration(
    String(templateOf(schedule).ttl ?? DEFAULT_TTL),
  );
  const base = {
    name: `${schedule.metadata.name}-${compactTimestamp(firedAt)}`,
    namespace: schedule.metadata.namespace ?? 'velero',
    storageLocation: storageLocation ?? 'default',
    startedAt: firedAt,
    expiresAt: firedAt + ttlMs,
  };
  if (storageLocation === undefined || locationPhase === undefined) {
    return {
      ...base,
      completedAt: firedAt,
      phase: 'FailedValidation',
      items: 0,
      errors: 0,
      warnings: 0,
      validationErrors: [
        `an existing backup storage location was not specified at backup creation time and the default ${
          storageLocation ?? 'default'
        } was not found. Please address this issue (see \`velero backup-location -h\` for options) and create a new backup. Error: backupstoragelocations.velero.io "${
          storageLocation ?? 'default'
        }" not found`,
      ],
    };
  }
  if (locationPhase === 'Unavailable') {
    return {
      ...base,
      completedAt: firedAt,
      phase: 'FailedValidation',
      items: 0,
      errors: 0,
      warnings: 0,
      validationErrors: [
        `backup can't be created because BackupStorageLocation ${storageLocation} is in Unavailable status.`,
      ],
    };
  }
  const duration = drawFrom(policy.durationMs, random());
  const items = drawFrom(policy.itemCount, random());
  if (policy.hangingSince !== undefined && firedAt >= policy.hangingSince) {
    return {
      ...base,
      completedAt: Number.POSITIVE_INFINITY,
      // Never written: the Backup stays InProgress.
      phase: 'Completed',
      items,
      errors: 0,
      warnings: 0,
    };
  }
  // A run that may not fail at random rolls past both failure rates.
  const roll = mayFailAtRandom(policy, firedAt) ? random() : 1;
  const broken =
    policy.failingSince !== undefined && firedAt >= policy.failingSince;
  if (broken || roll < policy.failureRate) {
    return {
      ...base,
      completedAt: firedAt + duration,
      phase: 'Failed',
      items: Math.floor(items * random()),
      errors: 1,
      warnings: 0,
      failureReason:
        policy.failureReason ??
        'timed out waiting for all PodVolumeBackups to complete',
    };
  }
  const partiallyBroken =
    policy.partiallyFailingSince !== undefined &&
    firedAt >= policy.partiallyFailingSince;
  if (
    partiallyBroken ||
    roll < policy.failureRate + policy.partialFailureRate
  ) {
    return {
      ...base,
      completedAt: firedAt + duration,
      phase: 'PartiallyFailed',
      items,
      errors: 1 + Math.floor(random() * 3),
      warnings: Math.floor(random() * 4),
    };
  }
  return {
    ...base,
    completedAt: firedAt + duration,
    phase: 'Completed',
    items,
    errors: 0,
    // Velero often completes with a few warnings (e.g. skipped resources).
    warnings: random() < 0.15 ? 1 + Math.floor(random() * 3) : 0,
  };
}

/**
 * The Backup object of a run, as Velero writes it: in progress, or in its
 * final phase. Zero counts are left out, as Velero's omitempty fields are.
 */
export function backupObject(
  schedule: KubeObject,
  run: BackupRun,
  state: 'inProgress' | 'final',
): KubeObject {
  const parts = sharedParts(schedule, run.storageLocation);
  const status: JsonObject = {
    expiration: kubeTimestamp(run.expiresAt),
    formatVersion: '1.1.0',
    version: 1,
  };
  if (run.phase === 'FailedValidation') {
    status.phase = 'FailedValidation';
    status.validationErrors = run.validationErrors;
  } else if (state === 'inProgress') {
    status.phase = 'InProgress';
    status.startTimestamp = kubeTimestamp(run.startedAt);
    status.progress = {
      itemsBackedUp: Math.floor(run.items / 3),
      totalItems: run.items,
    };
  } else {
    status.phase = run.phase;
    status.startTimestamp = kubeTimestamp(run.startedAt);
    status.completionTimestamp = kubeTimestamp(run.completedAt);
    status.progress = { itemsBackedUp: run.items, totalItems: run.items };
    if (run.errors > 0) {
      status.errors = run.errors;
    }
    if (run.warnings > 0) {
      status.warnings = run.warnings;
    }
    if (run.failureReason) {
      status.failureReason = run.failureReason;
    }
    const capture = run.capture;
    if (capture && capture.snapshots > 0) {
      status.volumeSnapshotsAttempted = capture.snapshots;
      const completed = capture.snapshots - volumeFailures(run).snapshots;
      if (completed > 0) status.volumeSnapshotsCompleted = completed;
    }
    if (capture && capture.dataUploads.length > 0) {
      // The data mover runs as asynchronous backup item operations.
      status.backupItemOperationsAttempted = capture.dataUploads.length;
      // The failed volume items are the last ones, DataUploads last of all.
      const failed = Math.min(
        capture.dataUploads.length,
        volumeFailures(run).work,
      );
      const completed = capture.dataUploads.length - failed;
      if (completed > 0) status.backupItemOperationsCompleted = completed;
      if (failed > 0) status.backupItemOperationsFailed = failed;
    }
  }
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name: run.name,
      namespace: run.namespace,
      labels: parts.labels,
      annotations: BACKUP_ANNOTATIONS,
    },
    spec: parts.spec,
    status,
  };
}
