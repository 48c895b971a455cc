import type { WorkloadRecord } from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';
import type { JsonObject } from '@backstage/types';
import { z } from 'zod';
import {
  commonFields,
  commonRecord,
  objectMetadata,
  parseObject,
} from './objectSchema';

const labelledObject = z.object({ metadata: objectMetadata });

function workloadRow(kind: WorkloadRecord['kind'] | 'Namespace') {
  return (object: unknown): CollectedRow => {
    const { metadata } = parseObject(labelledObject, object);
    return {
      ...commonFields(metadata),
      record: { ...commonRecord(metadata), kind } as unknown as JsonObject,
    };
  };
}

/**
 * Namespaces, pods and persistent volume claims, kept for their labels so
 * that backup coverage of each service's workloads can be worked out.
 */
export const workloadsSource: DisasterRecoverySource = {
  id: 'workloads',
  resourceKinds: [
    {
      id: 'Namespace',
      apiVersion: 'v1',
      kind: 'Namespace',
      plural: 'namespaces',
      toRow: workloadRow('Namespace'),
    },
    {
      id: 'Pod',
      apiVersion: 'v1',
      kind: 'Pod',
      plural: 'pods',
      toRow: workloadRow('Pod'),
    },
    {
      id: 'PersistentVolumeClaim',
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      plural: 'persistentvolumeclaims',
      toRow: workloadRow('PersistentVolumeClaim'),
    },
  ],
};
