import {
  RECORD_KINDS,
  type WorkloadRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';
import { z } from 'zod';
import { podStatusFields, podStatusOf } from './podStatus';
import { carryPodRestarts } from './restartHistory';
import { workloadControllerKinds } from './workloadControllers';
import {
  collectedRow,
  commonRecord,
  objectMetadata,
  parseObject,
  type StoredRecord,
  stringMap,
} from './objectSchema';

const labelledObject = z.object({ metadata: objectMetadata });

/** Pod annotations that choose file-system backup per volume. */
const FS_BACKUP_VOLUMES = 'backup.velero.io/backup-volumes';
const FS_BACKUP_EXCLUDES = 'backup.velero.io/backup-volumes-excludes';

const podObject = z.object({
  metadata: objectMetadata.extend({
    annotations: stringMap.optional().default({}),
  }),
  status: podStatusFields.status,
  spec: podStatusFields.spec
    .extend({
      volumes: z
        .array(
          z.object({
            name: z.string(),
            persistentVolumeClaim: z
              .object({ claimName: z.string().min(1) })
              .optional(),
          }),
        )
        .optional()
        .default([]),
    })
    .optional()
    .default({ volumes: [] }),
});

function commaList(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(',')
    .map(item => item.trim())
    .filter(item => item !== '');
}

function workloadRow(kind: WorkloadRecord['kind'] | 'Namespace' | 'Node') {
  return (object: unknown): CollectedRow => {
    const { metadata } = parseObject(labelledObject, object);
    return collectedRow(metadata, { ...commonRecord(metadata), kind });
  };
}

function podRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(podObject, object);
  const volumes = spec.volumes.flatMap(volume =>
    volume.persistentVolumeClaim
      ? [
          {
            name: volume.name,
            claimName: volume.persistentVolumeClaim.claimName,
          },
        ]
      : [],
  );
  const include = commaList(metadata.annotations[FS_BACKUP_VOLUMES]);
  const exclude = commaList(metadata.annotations[FS_BACKUP_EXCLUDES]);
  const record: StoredRecord<WorkloadRecord> = {
    ...commonRecord(metadata),
    kind: 'Pod',
    volumes,
    ...(include ? { fsBackupVolumes: include } : {}),
    ...(exclude ? { fsBackupExcludes: exclude } : {}),
    pod: podStatusOf(spec, status),
  };
  return collectedRow(metadata, record);
}

/**
 * Namespaces, pods and persistent volume claims, kept for their labels so
 * that backup coverage of each service's workloads can be worked out, pods
 * for the claims they mount (which file-system backups capture) and for
 * their node, readiness and restarts; Nodes for their zone label only; and
 * the Deployments, StatefulSets, autoscalers and disruption budgets the
 * availability checks judge.
 */
export const workloadsSource: DisasterRecoverySource = {
  id: 'workloads',
  resourceKinds: [
    { ...RECORD_KINDS.namespace, toRow: workloadRow('Namespace') },
    { ...RECORD_KINDS.pod, toRow: podRow, carryOver: carryPodRestarts },
    {
      ...RECORD_KINDS.persistentVolumeClaim,
      toRow: workloadRow('PersistentVolumeClaim'),
    },
    { ...RECORD_KINDS.node, toRow: workloadRow('Node') },
    ...workloadControllerKinds,
  ],
};
