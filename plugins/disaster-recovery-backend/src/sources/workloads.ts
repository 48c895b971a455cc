import {
  RECORD_KINDS,
  type WorkloadRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';
import { z } from 'zod';
import {
  collectedRow,
  commonRecord,
  objectMetadata,
  parseObject,
} from './objectSchema';

const labelledObject = z.object({ metadata: objectMetadata });

function workloadRow(kind: WorkloadRecord['kind'] | 'Namespace') {
  return (object: unknown): CollectedRow => {
    const { metadata } = parseObject(labelledObject, object);
    return collectedRow(metadata, { ...commonRecord(metadata), kind });
  };
}

/**
 * Namespaces, pods and persistent volume claims, kept for their labels so
 * that backup coverage of each service's workloads can be worked out.
 */
export const workloadsSource: DisasterRecoverySource = {
  id: 'workloads',
  resourceKinds: [
    { ...RECORD_KINDS.namespace, toRow: workloadRow('Namespace') },
    { ...RECORD_KINDS.pod, toRow: workloadRow('Pod') },
    {
      ...RECORD_KINDS.persistentVolumeClaim,
      toRow: workloadRow('PersistentVolumeClaim'),
    },
  ],
};
