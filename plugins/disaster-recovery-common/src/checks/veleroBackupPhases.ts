import type { VeleroBackupRecord } from '../records';

/** Phases after which Velero does no more work on a backup. */
export const FINISHED_BACKUP_PHASES = new Set([
  'Completed',
  'PartiallyFailed',
  'Failed',
  'FailedValidation',
]);

/** When a backup's data was taken, as well as the record tells. */
export function backupTime(backup: VeleroBackupRecord): string | undefined {
  return backup.completedAt ?? backup.startedAt ?? backup.createdAt;
}

/**
 * A backup a restore can rely on: `Completed` (a `PartiallyFailed` one is
 * missing items) and not yet past its expiry.
 */
export function isCleanRecoveryPoint(
  backup: VeleroBackupRecord,
  now: Date,
): boolean {
  return (
    backup.phase === 'Completed' &&
    backupTime(backup) !== undefined &&
    (backup.expiresAt === undefined ||
      Date.parse(backup.expiresAt) > now.getTime())
  );
}

function sortKey(backup: VeleroBackupRecord): number {
  const time = backupTime(backup);
  return time === undefined ? -Infinity : Date.parse(time);
}

/** Newest first by {@link backupTime}; records without one go last. */
export function newestFirst(
  backups: readonly VeleroBackupRecord[],
): VeleroBackupRecord[] {
  // Each time is parsed once, not in every comparison.
  return (
    backups
      .map(backup => ({ backup, key: sortKey(backup) }))
      // Two -Infinity keys give NaN, which sort() takes as equal.
      .sort((a, b) => b.key - a.key)
      .map(({ backup }) => backup)
  );
}
