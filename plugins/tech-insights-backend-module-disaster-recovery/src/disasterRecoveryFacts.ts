import type { FactSchema } from '@backstage-community/plugin-tech-insights-common';
import type { TechInsightFact } from '@backstage-community/plugin-tech-insights-node';
import {
  builtInCheck,
  DR_ANNOTATIONS,
  evidenceOf,
  postureWarningCount,
  SCORECARD_CHECKS,
  SCORECARD_NO_WARNINGS_CHECK,
  scorecardFactOf,
  type EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';

const DAY_MS = 86_400_000;

/**
 * The facts of one entity, declared once: each entry's `type` is what
 * {@link disasterRecoveryFactsOf} emits under that name.
 */
export const DISASTER_RECOVERY_FACT_SCHEMA: FactSchema = {
  tier: {
    type: 'string',
    description: `The declared DR tier id (the ${DR_ANNOTATIONS.tier} annotation), when it is a configured tier`,
  },
  rpoSeconds: {
    type: 'integer',
    description: 'Recovery point objective in seconds, after annotations',
  },
  rtoSeconds: {
    type: 'integer',
    description: 'Recovery time objective in seconds, after annotations',
  },
  secondsSinceLastCleanBackup: {
    type: 'integer',
    description:
      'Age in seconds of the last clean (Completed, unexpired) Velero backup when the posture was evaluated',
  },
  offsiteCopyPresent: {
    type: 'boolean',
    description:
      'At least one backup copy is in another region, account or provider (from the 3-2-1 check)',
  },
  daysSinceLastRestoreTest: {
    type: 'integer',
    description:
      'Whole days since the last successful restore test (a restore of the backups away from production, or a drill that restored data); tiers that require restore tests only',
  },
  daysSinceLastDrDrill: {
    type: 'integer',
    description:
      'Whole days since the last successful DR drill, full DR test or failover drill; tiers that require drills only',
  },
  lastDrillMetRto: {
    type: 'boolean',
    description:
      'The latest succeeded drill within its interval that measured an achieved RTO (for the whole service) met the RTO target',
  },
  lastDrillMetRpo: {
    type: 'boolean',
    description:
      'The latest succeeded drill within its interval that measured or derived an achieved RPO met the RPO target',
  },
  lastDrillAchievedRtoSeconds: {
    type: 'integer',
    description:
      'Achieved RTO in seconds of the latest succeeded drill within its interval that measured one',
  },
  lastDrillAchievedRpoSeconds: {
    type: 'integer',
    description:
      'Achieved RPO in seconds of the latest succeeded drill within its interval that measured or derived one',
  },
  overallStatus: {
    type: 'string',
    description: 'The worst posture check status: pass, warn, fail or unknown',
  },
  [SCORECARD_NO_WARNINGS_CHECK.fact]: {
    type: 'integer',
    description: 'How many posture checks warn',
  },
  ...Object.fromEntries(
    SCORECARD_CHECKS.map(check => [
      check.fact,
      {
        type: 'string',
        description: `${check.description} The ${check.postureCheckId} posture check's status: pass, warn or fail; absent when it is unknown or does not apply.`,
      },
    ]),
  ),
};

/**
 * Whether the suite knows anything about the entity's disaster recovery: a
 * tier annotation, or collected or recorded state that covers it. Entities
 * that are merely mapped to Kubernetes get no facts rather than false ones.
 */
export function hasDisasterRecoveryData(
  detail: EntityPostureResponse,
): boolean {
  const { tier } = detail.policy;
  const declaresTier = tier.ok || tier.problem !== 'missing';
  return (
    declaresTier ||
    detail.schedules.length > 0 ||
    detail.storageLocations.length > 0 ||
    detail.postgresClusters.length > 0 ||
    detail.restoreTests.length > 0 ||
    detail.summary.lastCleanBackupAt !== undefined ||
    detail.summary.lastDrillAt !== undefined ||
    detail.backupHistory.some(
      day => day.completed + day.partiallyFailed + day.failed > 0,
    )
  );
}

const seconds = (ms: number | undefined) =>
  ms === undefined ? undefined : Math.floor(ms / 1000);

/**
 * The facts of one entity, read from its evaluated posture — never judged
 * again here. Facts whose check is unknown or does not apply are left out.
 * Returns undefined for an entity without disaster-recovery data.
 */
export function disasterRecoveryFactsOf(
  detail: EntityPostureResponse,
): TechInsightFact['facts'] | undefined {
  if (!hasDisasterRecoveryData(detail)) return undefined;
  const { summary } = detail;
  const { checks } = detail.posture;
  const statusOf = new Map(checks.map(c => [c.id, c.status]));
  const freshness = evidenceOf(builtInCheck('backup-freshness'), checks);
  const copies = evidenceOf(builtInCheck('copies-3-2-1'), checks);
  const objectives = evidenceOf(builtInCheck('drill-objectives'), checks);
  const daysSince = (at: string | null | undefined) =>
    typeof at === 'string'
      ? Math.floor((Date.parse(summary.evaluatedAt) - Date.parse(at)) / DAY_MS)
      : undefined;
  const offsiteCopies = copies?.offsiteCopies ?? undefined;

  const facts: Record<string, string | number | boolean | undefined> = {
    tier: summary.tier,
    rpoSeconds: seconds(summary.rpoMs),
    rtoSeconds: seconds(summary.rtoMs),
    secondsSinceLastCleanBackup: seconds(
      freshness?.lastCleanBackupAgeMs ?? undefined,
    ),
    offsiteCopyPresent:
      offsiteCopies === undefined ? undefined : offsiteCopies > 0,
    daysSinceLastRestoreTest: daysSince(
      evidenceOf(builtInCheck('restore-test'), checks)?.lastSuccessAt,
    ),
    daysSinceLastDrDrill: daysSince(
      evidenceOf(builtInCheck('dr-drill'), checks)?.lastSuccessAt,
    ),
    lastDrillMetRto: objectives?.metRto ?? undefined,
    lastDrillMetRpo: objectives?.metRpo ?? undefined,
    lastDrillAchievedRtoSeconds: seconds(
      objectives?.achievedRtoMs ?? undefined,
    ),
    lastDrillAchievedRpoSeconds: seconds(
      objectives?.achievedRpoMs ?? undefined,
    ),
    overallStatus: summary.status,
    [SCORECARD_NO_WARNINGS_CHECK.fact]: postureWarningCount(checks),
  };
  for (const check of SCORECARD_CHECKS) {
    facts[check.fact] = scorecardFactOf(statusOf.get(check.postureCheckId));
  }
  return Object.fromEntries(
    Object.entries(facts).filter(
      (entry): entry is [string, string | number | boolean] =>
        entry[1] !== undefined,
    ),
  );
}
