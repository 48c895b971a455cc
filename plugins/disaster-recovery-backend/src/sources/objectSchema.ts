import type { JsonObject } from '@backstage/types';
import type { CollectedRow } from '@dr-posture/plugin-disaster-recovery-node';
import { z } from 'zod';

/**
 * A Kubernetes RFC 3339 timestamp, stored as ISO 8601 UTC. The client turns
 * core objects' timestamps into Dates and leaves custom objects' as strings.
 */
export const timestamp = z
  .union([z.string(), z.date()])
  .refine(value => !Number.isNaN(new Date(value).getTime()), 'not a timestamp')
  .transform(value => new Date(value).toISOString());

/** Counts real objects omit when zero. */
export const count = z.number().int().nonnegative().optional().default(0);

export const stringMap = z.record(z.string(), z.string());

/** The metadata every collected object must have. */
export const objectMetadata = z.object({
  name: z.string().min(1),
  namespace: z.string().optional(),
  uid: z.string().min(1),
  resourceVersion: z.string().optional(),
  creationTimestamp: timestamp.optional(),
  labels: stringMap.optional().default({}),
});

export const labelSelector = z.object({
  matchLabels: stringMap.optional(),
  matchExpressions: z
    .array(
      z.object({
        key: z.string(),
        operator: z.enum(['In', 'NotIn', 'Exists', 'DoesNotExist']),
        values: z.array(z.string()).optional(),
      }),
    )
    .optional(),
});

/**
 * Real objects carry explicit nulls where a CRD field is nullable (e.g. a
 * Velero Backup's `excludedNamespaces: null`); for reading they mean absent.
 */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.filter(item => item !== null).map(withoutNulls);
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, item]) => item !== null)
        .map(([key, item]) => [key, withoutNulls(item)]),
    );
  }
  return value;
}

/** Parses `object`, throwing an error that names the first bad field. */
export function parseObject<T extends z.ZodType>(
  schema: T,
  object: unknown,
): z.infer<T> {
  const result = schema.safeParse(withoutNulls(object));
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new Error(
      `malformed object: ${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
  }
  return result.data;
}

type Metadata = z.infer<typeof objectMetadata>;

/** A -common record as a source stores it: the store adds identity, where and when it was seen. */
export type StoredRecord<T> = Omit<
  T,
  'cluster' | 'namespace' | 'name' | 'uid' | 'lastSeenAt' | 'deletedAt'
>;

/** The record fields every record shares besides identity (see CollectedObject in -common). */
export function commonRecord(metadata: Metadata) {
  return {
    labels: metadata.labels,
    ...(metadata.creationTimestamp
      ? { createdAt: metadata.creationTimestamp }
      : {}),
  };
}

/** The stored form of an object: its identity and its record. */
export function collectedRow<T>(
  metadata: Metadata,
  record: StoredRecord<T>,
): CollectedRow {
  return {
    namespace: metadata.namespace ?? '',
    name: metadata.name,
    uid: metadata.uid,
    resourceVersion: metadata.resourceVersion,
    record: record as unknown as JsonObject,
  };
}
