import type { BackupHistoryPosition } from '../../database/DatabaseBackupHistoryStore';
import { invalidCursor } from '../cursors';

/** The position a backup-history cursor holds, checked field by field. */
export function readHistoryPosition(
  payload: unknown,
): BackupHistoryPosition | undefined {
  if (payload === undefined) return undefined;
  const { at, name, cluster, uid } = (payload ?? {}) as Record<string, unknown>;
  if (
    (at === null || Number.isSafeInteger(at)) &&
    typeof name === 'string' &&
    typeof cluster === 'string' &&
    typeof uid === 'string'
  ) {
    return { at: at as number | null, name, cluster, uid };
  }
  throw invalidCursor();
}
