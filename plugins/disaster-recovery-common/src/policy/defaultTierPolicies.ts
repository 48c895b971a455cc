import type { TierPolicy } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The drill cadences every default tier shares. */
const DEFAULT_DRILL_CADENCES = {
  drillIntervalMs: 90 * DAY,
  fullDrTestIntervalMs: 365 * DAY,
  failoverDrillIntervalMs: 90 * DAY,
};

/**
 * Shared by every default tier, and the fallback for configured tiers that
 * have no default. From the backup and recovery guide: Kubernetes resources
 * kept 48 h when backed up hourly, 7 days daily and 30 days weekly;
 * PostgreSQL kept 30 days with a base backup every day; 3 copies, 1 off-site.
 */
export const DEFAULT_RETENTION_AND_COPIES = {
  retentionMs: 30 * DAY,
  kubernetesRetentionMs: {
    hourlyMs: 48 * HOUR,
    dailyMs: 7 * DAY,
    weeklyMs: 30 * DAY,
  },
  baseBackupIntervalMs: DAY,
  minimumCopies: 3,
  minimumOffsiteCopies: 1,
};

/**
 * The tiers used when `disasterRecovery.tiers` is not configured, in restore
 * order. The cadences are the guides': a restore test weekly for critical
 * data (tier 1), monthly for tier 2 and quarterly for tier 3; a DR drill
 * every quarter and a full DR test every year for every tier; a failover
 * drill every quarter for an entity declaring the hot-warm pattern.
 *
 * @public
 */
export const DEFAULT_TIER_POLICIES: readonly TierPolicy[] = [
  {
    id: '1',
    title: 'Tier 1',
    rpoMs: 15 * MINUTE,
    rtoMs: 2 * HOUR,
    restoreTestIntervalMs: 7 * DAY,
    ...DEFAULT_DRILL_CADENCES,
    ...DEFAULT_RETENTION_AND_COPIES,
  },
  {
    id: '2',
    title: 'Tier 2',
    rpoMs: HOUR,
    rtoMs: 4 * HOUR,
    restoreTestIntervalMs: 30 * DAY,
    ...DEFAULT_DRILL_CADENCES,
    ...DEFAULT_RETENTION_AND_COPIES,
  },
  {
    id: '3',
    title: 'Tier 3',
    rpoMs: 24 * HOUR,
    rtoMs: 24 * HOUR,
    restoreTestIntervalMs: 90 * DAY,
    ...DEFAULT_DRILL_CADENCES,
    ...DEFAULT_RETENTION_AND_COPIES,
  },
];
