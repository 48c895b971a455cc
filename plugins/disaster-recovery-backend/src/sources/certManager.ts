import {
  RECORD_KINDS,
  type CertificateRecord,
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
  type StoredRecord,
  timestamp,
} from './objectSchema';

const certificateObject = z.object({
  metadata: objectMetadata,
  spec: z.object({
    secretName: z.string().min(1),
    dnsNames: z.array(z.string()).optional().default([]),
  }),
  status: z
    .object({
      notAfter: timestamp.optional(),
      renewalTime: timestamp.optional(),
      conditions: z
        .array(
          z.object({
            type: z.string(),
            status: z.enum(['True', 'False', 'Unknown']),
          }),
        )
        .optional()
        .default([]),
    })
    .optional()
    .default({ conditions: [] }),
});

function certificateRow(object: unknown): CollectedRow {
  const { metadata, spec, status } = parseObject(certificateObject, object);
  const ready = status.conditions.find(c => c.type === 'Ready')?.status;
  const record: StoredRecord<CertificateRecord> = {
    ...commonRecord(metadata),
    // The name of the Secret only: the Secret itself is never read.
    secretName: spec.secretName,
    dnsNames: spec.dnsNames,
    ...(status.notAfter ? { notAfter: status.notAfter } : {}),
    ...(status.renewalTime ? { renewalTime: status.renewalTime } : {}),
    ...(ready ? { ready } : {}),
  };
  return collectedRow(metadata, record);
}

/**
 * cert-manager's Certificates, for when they expire. A cluster without the
 * cert-manager CRD has none: discovery leaves the kind out.
 */
export const certManagerSource: DisasterRecoverySource = {
  id: 'cert-manager',
  resourceKinds: [{ ...RECORD_KINDS.certificate, toRow: certificateRow }],
};
