import {
  RECORD_KINDS,
  type BackupStorageLocationRecord,
  type DataUploadRecord,
  type PodVolumeBackupRecord,
  type VeleroBackupRecord,
  type VeleroBackupScope,
  type VeleroRestoreRecord,
  type VeleroScheduleRecord,
  type VolumeSnapshotLocationRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';
import { z } from 'zod';
import { carryPausedSince } from './pausedSince';
import {
  collectedRow,
  commonRecord,
  count,
  labelSelector,
  objectMetadata,
  parseObject,
  type StoredRecord,
  stringMap,
  timestamp,
} from './objectSchema';

const SCHEDULE_NAME_LABEL = 'velero.io/schedule-name';
/** Velero labels the PodVolumeBackups and DataUploads it makes for a backup with the backup's name. */
const BACKUP_NAME_LABEL = 'velero.io/backup-name';

const backupSpec = z.object({
  includedNamespaces: z.array(z.string()).optional().default([]),
  excludedNamespaces: z.array(z.string()).optional().default([]),
  labelSelector: labelSelector.optional(),
  orLabelSelectors: z.array(labelSelector).optional(),
  storageLocation: z.string().optional(),
  ttl: z.string().optional(),
  snapshotVolumes: z.boolean().optional(),
  defaultVolumesToFsBackup: z.boolean().optional(),
  defaultVolumesToRestic: z.boolean().optional(),
  snapshotMoveData: z.boolean().optional(),
  includedResources: z.array(z.string()).optional(),
  excludedResources: z.array(z.string()).optional(),
  includeClusterResources: z.boolean().optional(),
});

const optional = <K extends string, V>(key: K, value: V | undefined) =>
  (value === undefined ? {} : { [key]: value }) as Partial<Record<K, V>>;

function backupScope(spec: z.infer<typeof backupSpec>): VeleroBackupScope {
  return {
    includedNamespaces: spec.includedNamespaces,
    excludedNamespaces: spec.excludedNamespaces,
    ...(spec.labelSelector ? { labelSelector: spec.labelSelector } : {}),
    ...(spec.orLabelSelectors
      ? { orLabelSelectors: spec.orLabelSelectors }
      : {}),
    ...(spec.storageLocation ? { storageLocation: spec.storageLocation } : {}),
    ...(spec.ttl ? { ttl: spec.ttl } : {}),
    ...optional('snapshotVolumes', spec.snapshotVolumes),
    // The newer field wins; Velero reads the older one only when it is unset.
    ...optional(
      'defaultVolumesToFsBackup',
      spec.defaultVolumesToFsBackup ?? spec.defaultVolumesToRestic,
    ),
    ...optional('snapshotMoveData', spec.snapshotMoveData),
    ...optional('includedResources', spec.includedResources),
    ...optional('excludedResources', spec.excludedResources),
    ...optional('includeClusterResources', spec.includeClusterResources),
  };
}

const backupObject = z.object({
  metadata: objectMetadata,
  spec: backupSpec.optional().default(backupSpec.parse({})),
  status: z
    .object({
      phase: z.string().optional(),
      startTimestamp: timestamp.optional(),
      completionTimestamp: timestamp.optional(),
      expiration: timestamp.optional(),
      errors: count,
      warnings: count,
      failureReason: z.string().optional(),
      volumeSnapshotsAttempted: z.number().int().nonnegative().optional(),
      volumeSnapshotsCompleted: z.number().int().nonnegative().optional(),
      csiVolumeSnapshotsAttempted: z.number().int().nonnegative().optional(),
      csiVolumeSnapshotsCompleted: z.number().int().nonnegative().optional(),
    })
    .optional()
    .default({ errors: 0, warnings: 0 }),
});

/** Counts Velero omits when zero; no status at all (a new backup) is unknown. */
function snapshotCounts(
  hasStatus: boolean,
  attempted: number | undefined,
  completed: number | undefined,
) {
  return hasStatus
    ? { attempted: attempted ?? 0, completed: completed ?? 0 }
    : undefined;
}

function backupRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(backupObject, object);
  const scope = backupScope(spec);
  const scheduleName = metadata.labels[SCHEDULE_NAME_LABEL];
  const record: StoredRecord<VeleroBackupRecord> = {
    ...commonRecord(metadata),
    ...scope,
    phase: status.phase,
    scheduleName,
    startedAt: status.startTimestamp,
    completedAt: status.completionTimestamp,
    expiresAt: status.expiration,
    errors: status.errors,
    warnings: status.warnings,
    failureReason: status.failureReason,
    ...optional(
      'volumeSnapshots',
      snapshotCounts(
        status.phase !== undefined,
        status.volumeSnapshotsAttempted,
        status.volumeSnapshotsCompleted,
      ),
    ),
    ...optional(
      'csiVolumeSnapshots',
      snapshotCounts(
        status.phase !== undefined,
        status.csiVolumeSnapshotsAttempted,
        status.csiVolumeSnapshotsCompleted,
      ),
    ),
  };
  return collectedRow(metadata, record);
}

const scheduleObject = z.object({
  metadata: objectMetadata,
  spec: z.object({
    schedule: z.string().min(1),
    paused: z.boolean().optional().default(false),
    template: backupSpec.optional().default(backupSpec.parse({})),
  }),
  status: z
    .object({
      phase: z.string().optional(),
      lastBackup: timestamp.optional(),
    })
    .optional()
    .default({}),
});

function scheduleRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(scheduleObject, object);
  const template = backupScope(spec.template);
  const record: StoredRecord<VeleroScheduleRecord> = {
    ...commonRecord(metadata),
    schedule: spec.schedule,
    paused: spec.paused,
    phase: status.phase,
    lastBackupAt: status.lastBackup,
    template,
  };
  return collectedRow(metadata, record);
}

const restoreObject = z.object({
  metadata: objectMetadata,
  spec: z
    .object({
      backupName: z.string().optional(),
      scheduleName: z.string().optional(),
      includedNamespaces: z.array(z.string()).optional().default([]),
      namespaceMapping: stringMap.optional().default({}),
      includedResources: z.array(z.string()).optional(),
      excludedResources: z.array(z.string()).optional(),
    })
    .refine(
      spec => Boolean(spec.backupName || spec.scheduleName),
      'a restore names a backupName or a scheduleName',
    ),
  status: z
    .object({
      phase: z.string().optional(),
      startTimestamp: timestamp.optional(),
      completionTimestamp: timestamp.optional(),
      errors: count,
      warnings: count,
      failureReason: z.string().optional(),
      // Velero leaves out counts of 0, and older restores the whole progress.
      progress: z
        .object({ itemsRestored: count, totalItems: count })
        .optional(),
    })
    .optional()
    .default({ errors: 0, warnings: 0 }),
});

function restoreRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(restoreObject, object);
  const record: StoredRecord<VeleroRestoreRecord> = {
    ...commonRecord(metadata),
    backupName: spec.backupName,
    scheduleName: spec.scheduleName,
    includedNamespaces: spec.includedNamespaces,
    namespaceMapping: spec.namespaceMapping,
    ...optional('includedResources', spec.includedResources),
    ...optional('excludedResources', spec.excludedResources),
    phase: status.phase,
    startedAt: status.startTimestamp,
    completedAt: status.completionTimestamp,
    errors: status.errors,
    warnings: status.warnings,
    failureReason: status.failureReason,
    ...optional('itemsRestored', status.progress?.itemsRestored),
  };
  return collectedRow(metadata, record);
}

/**
 * Marks a BackupStorageLocation whose bucket keeps objects immutable (S3
 * object lock, Azure immutable blobs, GCS retention lock): Velero's
 * location config has no standard key for it. `"true"` or `"false"`.
 */
export const IMMUTABLE_ANNOTATION = 'disaster-recovery/immutable';

/** Where an Azure storage account serves blobs, as its Velero plugin reaches it. */
function azureEndpoint(config: Record<string, string>): string | undefined {
  if (config.storageAccountURI) return config.storageAccountURI;
  return config.storageAccount
    ? `https://${config.storageAccount}.blob.core.windows.net`
    : undefined;
}

function immutability(value: string | undefined): boolean | undefined {
  const text = value?.trim().toLowerCase();
  if (text === 'true') return true;
  if (text === 'false') return false;
  return undefined;
}

const storageLocationObject = z.object({
  metadata: objectMetadata.extend({
    annotations: stringMap.optional().default({}),
  }),
  spec: z.object({
    provider: z.string().min(1),
    objectStorage: z
      .object({ bucket: z.string().optional(), prefix: z.string().optional() })
      .optional()
      .default({}),
    config: stringMap.optional().default({}),
    default: z.boolean().optional().default(false),
    accessMode: z.string().optional(),
  }),
  status: z
    .object({
      phase: z.string().optional(),
      lastValidationTime: timestamp.optional(),
      message: z.string().optional(),
    })
    .optional()
    .default({}),
});

function storageLocationRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(storageLocationObject, object);
  const record: StoredRecord<BackupStorageLocationRecord> = {
    ...commonRecord(metadata),
    provider: spec.provider,
    bucket: spec.objectStorage.bucket,
    prefix: spec.objectStorage.prefix,
    region: spec.config.region,
    ...optional('endpoint', spec.config.s3Url ?? azureEndpoint(spec.config)),
    ...optional('account', spec.config.subscriptionId ?? spec.config.project),
    ...optional(
      'immutable',
      immutability(metadata.annotations[IMMUTABLE_ANNOTATION]),
    ),
    isDefault: spec.default,
    accessMode: spec.accessMode,
    phase: status.phase,
    lastValidatedAt: status.lastValidationTime,
    message: status.message,
  };
  return collectedRow(metadata, record);
}

const volumeSnapshotLocationObject = z.object({
  metadata: objectMetadata,
  spec: z.object({
    provider: z.string().min(1),
    config: stringMap.optional().default({}),
  }),
});

function volumeSnapshotLocationRow(object: unknown): CollectedRow {
  const { metadata, spec } = parseObject(volumeSnapshotLocationObject, object);
  const record: StoredRecord<VolumeSnapshotLocationRecord> = {
    ...commonRecord(metadata),
    provider: spec.provider,
    ...optional('region', spec.config.region),
  };
  return collectedRow(metadata, record);
}

const volumeWorkStatus = z
  .object({ phase: z.string().optional() })
  .optional()
  .default({});

const podVolumeBackupObject = z.object({
  metadata: objectMetadata,
  spec: z.object({
    pod: z.object({ name: z.string().min(1), namespace: z.string().min(1) }),
    volume: z.string().min(1),
    backupStorageLocation: z.string().optional(),
  }),
  status: volumeWorkStatus,
});

function podVolumeBackupRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(podVolumeBackupObject, object);
  const record: StoredRecord<PodVolumeBackupRecord> = {
    ...commonRecord(metadata),
    ...optional('backupName', metadata.labels[BACKUP_NAME_LABEL]),
    podNamespace: spec.pod.namespace,
    podName: spec.pod.name,
    volume: spec.volume,
    ...optional('phase', status.phase),
    ...optional('storageLocation', spec.backupStorageLocation),
  };
  return collectedRow(metadata, record);
}

const dataUploadObject = z.object({
  metadata: objectMetadata,
  spec: z.object({
    sourceNamespace: z.string().min(1),
    sourcePVC: z.string().min(1),
    backupStorageLocation: z.string().optional(),
  }),
  status: volumeWorkStatus,
});

function dataUploadRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(dataUploadObject, object);
  const record: StoredRecord<DataUploadRecord> = {
    ...commonRecord(metadata),
    ...optional('backupName', metadata.labels[BACKUP_NAME_LABEL]),
    sourceNamespace: spec.sourceNamespace,
    sourcePVC: spec.sourcePVC,
    ...optional('phase', status.phase),
    ...optional('storageLocation', spec.backupStorageLocation),
  };
  return collectedRow(metadata, record);
}

/**
 * Velero's Backups, Schedules, Restores, storage and snapshot locations, and
 * the per-volume work of its backups (PodVolumeBackups, DataUploads).
 */
export const veleroSource: DisasterRecoverySource = {
  id: 'velero',
  resourceKinds: [
    { ...RECORD_KINDS.veleroBackup, toRow: backupRow },
    {
      ...RECORD_KINDS.veleroSchedule,
      toRow: scheduleRow,
      carryOver: carryPausedSince('paused'),
    },
    { ...RECORD_KINDS.veleroRestore, toRow: restoreRow },
    { ...RECORD_KINDS.veleroStorageLocation, toRow: storageLocationRow },
    {
      ...RECORD_KINDS.veleroVolumeSnapshotLocation,
      toRow: volumeSnapshotLocationRow,
    },
    { ...RECORD_KINDS.veleroPodVolumeBackup, toRow: podVolumeBackupRow },
    { ...RECORD_KINDS.veleroDataUpload, toRow: dataUploadRow },
  ],
};
