import type {
  BackupStorageLocationRecord,
  VeleroBackupScope,
} from '../records';
import { oncePerContext, type PostureContext } from './context';

/** A storage location a schedule or backup writes to, found or not. */
export interface UsedStorageLocation {
  /** Where Velero runs and the name asked for (`default` when the scope names none). */
  cluster: string;
  namespace: string;
  name: string;
  record?: BackupStorageLocationRecord;
}

/**
 * The BackupStorageLocation a Velero scope writes to: the named one in the
 * same cluster and namespace as the schedule or backup, or the one marked
 * default when the scope names none.
 */
export function storageLocationOf(
  context: PostureContext,
  owner: { cluster: string; namespace: string },
  scope: VeleroBackupScope,
): UsedStorageLocation {
  const candidates = context.storageLocations.filter(
    l => l.cluster === owner.cluster && l.namespace === owner.namespace,
  );
  const record = scope.storageLocation
    ? candidates.find(l => l.name === scope.storageLocation)
    : candidates.find(l => l.isDefault);
  return {
    cluster: owner.cluster,
    namespace: owner.namespace,
    name: scope.storageLocation ?? record?.name ?? 'default',
    record,
  };
}

/** The distinct locations used by the entity's active schedules and covering backups. */
export const usedStorageLocations = oncePerContext(
  (context: PostureContext): UsedStorageLocation[] => {
    const used = [
      ...context.coverage.schedules
        .filter(s => !s.paused)
        .map(s => storageLocationOf(context, s, s.template)),
      ...context.coverage.backups.map(b => storageLocationOf(context, b, b)),
    ];
    const seen = new Set<string>();
    return used.filter(location => {
      const key = `${location.cluster}/${location.namespace}/${location.name}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  },
);
