import type { CollectedObject } from '@dr-posture/plugin-disaster-recovery-common';
import type { CollectedRow } from '@dr-posture/plugin-disaster-recovery-node';

/** A stored row as the rules read it: its record with identity, cluster and sightings. */
export function finishedRecord<R extends CollectedObject>(
  cluster: string,
  row: Omit<CollectedRow, 'resourceVersion'>,
  sightings: { lastSeenAt: string; deletedAt?: string },
): R {
  const record: CollectedObject = {
    ...row.record,
    cluster,
    namespace: row.namespace,
    name: row.name,
    uid: row.uid,
    lastSeenAt: sightings.lastSeenAt,
    ...(sightings.deletedAt ? { deletedAt: sightings.deletedAt } : {}),
  } as CollectedObject;
  return record as R;
}
