import type { CheckId, CheckStatus } from '../checks/types';

/**
 * A scorecard check (such as a Tech Insights check) that mirrors one posture
 * check: it passes, fails or has no result exactly when
 * {@link scorecardResultOf} says so for that posture check's status.
 *
 * @public
 */
export interface ScorecardCheck {
  /** Id of the scorecard check, e.g. the key under `techInsights.factChecker.checks`. */
  id: string;
  /** What a scorecard shows. */
  name: string;
  description: string;
  /** The posture check it mirrors. */
  postureCheckId: CheckId;
  /** The boolean fact that carries the posture check's verdict. */
  fact: string;
}

/**
 * The default scorecard checks of the suite, each mirroring one posture
 * check. The Tech Insights module publishes their facts and ships them as
 * default checks; the entity tab shows their results from the same posture.
 *
 * @public
 */
export const SCORECARD_CHECKS: readonly ScorecardCheck[] = [
  {
    id: 'disasterRecoveryTierDeclared',
    name: 'DR tier declared',
    description:
      'The entity declares a configured disaster-recovery tier with the disaster-recovery/tier annotation.',
    postureCheckId: 'tier-declared',
    fact: 'tierDeclared',
  },
  {
    id: 'disasterRecoveryBackupsWithinRpo',
    name: 'Backups within RPO',
    description:
      'The last clean (Completed) backup is younger than the RPO and the latest backup did not fail.',
    postureCheckId: 'backup-freshness',
    fact: 'backupWithinRpo',
  },
  {
    id: 'disasterRecoveryBackupScheduleActive',
    name: 'Backup schedule active',
    description:
      'A Velero Schedule or CloudNativePG ScheduledBackup covers the entity and not all of them are paused.',
    postureCheckId: 'schedule-active',
    fact: 'scheduleActive',
  },
  {
    id: 'disasterRecoveryScheduleCadenceWithinRpo',
    name: 'Backup cadence within RPO',
    description:
      'The quickest active Velero schedule runs at least as often as the RPO.',
    postureCheckId: 'schedule-cadence',
    fact: 'scheduleCadenceWithinRpo',
  },
  {
    id: 'disasterRecoveryStorageAvailable',
    name: 'Backup storage available',
    description:
      'Every backup storage location the backups go to is Available.',
    postureCheckId: 'storage-location',
    fact: 'storageAvailable',
  },
  {
    id: 'disasterRecoveryCopies321',
    name: '3-2-1 backup copies',
    description:
      "Enough copies on two kinds of storage, with the tier's off-site copies.",
    postureCheckId: 'copies-3-2-1',
    fact: 'copies321Met',
  },
  {
    id: 'disasterRecoveryPostgresWalArchiving',
    name: 'PostgreSQL WAL archiving healthy',
    description:
      'Continuous WAL archiving works for every CloudNativePG cluster of the entity.',
    postureCheckId: 'postgres-wal-archiving',
    fact: 'postgresWalArchivingHealthy',
  },
  {
    id: 'disasterRecoveryRestoreTestWithinPolicy',
    name: 'Restore tested within policy',
    description:
      "A restore test succeeded within the tier's restore-test interval.",
    postureCheckId: 'restore-test',
    fact: 'restoreTestWithinPolicy',
  },
  {
    id: 'disasterRecoveryDrillWithinPolicy',
    name: 'DR drill within policy',
    description: "A DR drill succeeded within the tier's drill interval.",
    postureCheckId: 'dr-drill',
    fact: 'drDrillWithinPolicy',
  },
  {
    id: 'disasterRecoveryDrillMetObjectives',
    name: 'Drill met RTO and RPO',
    description:
      'The latest drill that measured them achieved the RTO and RPO targets.',
    postureCheckId: 'drill-objectives',
    fact: 'lastDrillMetObjectives',
  },
];

/**
 * The scorecard result of a posture check: a warning still meets the
 * scorecard's statement (a partially failed backup after a clean one within
 * the RPO is still "within RPO"), a failure does not, and a check that is
 * unknown or does not apply gives no result rather than a false one.
 *
 * @public
 */
export function scorecardResultOf(
  status: CheckStatus | undefined,
): boolean | undefined {
  if (status === 'pass' || status === 'warn') return true;
  if (status === 'fail') return false;
  return undefined;
}
