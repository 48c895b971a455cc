import type {
  CollectedRow,
  KubernetesResourceKind,
} from '@dr-posture/plugin-disaster-recovery-node';
import type { ResourceStore } from '../database/ResourceStore';

/**
 * The rows of a page with what their kind carries over from the stored
 * version of each object (a pod's restart history); one read per page, and
 * none for kinds that carry nothing.
 */
export async function carriedOver(
  kind: KubernetesResourceKind,
  store: ResourceStore,
  cluster: string,
  rows: Array<{ row: CollectedRow; raw: unknown }>,
  seenAt: Date,
): Promise<Array<{ row: CollectedRow; raw: unknown }>> {
  const { carryOver } = kind;
  if (!carryOver || rows.length === 0) return rows;
  const stored = await store.storedRecords(
    cluster,
    rows.map(({ row }) => row.uid),
  );
  return rows.map(({ row, raw }) => ({
    row: carryOver(row, stored.get(row.uid), seenAt),
    raw,
  }));
}
