import { z } from 'zod';
import { achievedRpoOf } from './derivedRpo';
import type { DrillKind, DrillRecord } from './drillRecord';

/**
 * A piece of evidence a drill kind can require.
 *
 * @public
 */
export type DrillEvidenceKey =
  | 'backup'
  | 'restoreTargetTime'
  | 'namespaceInventory'
  | 'healthChecks'
  | 'applicationHealthChecks'
  | 'reconciliation'
  | 'objectVersionCheck'
  | 'database'
  | 'achievedRto'
  | 'achievedRpo';

/**
 * The evidence each drill kind needs to count as succeeded.
 *
 * @public
 */
export type DrillEvidenceRequirements = Record<
  DrillKind,
  readonly DrillEvidenceKey[]
>;

/** Whether a drill holds each piece of evidence, and how a sentence names it. */
const EVIDENCE: Record<
  DrillEvidenceKey,
  { title: string; present: (drill: DrillRecord) => boolean }
> = {
  backup: {
    title: 'the backup used (name and creation time)',
    present: d => d.evidence.backup !== undefined,
  },
  restoreTargetTime: {
    title: 'the restore target time',
    present: d => d.evidence.restoreTargetTime !== undefined,
  },
  namespaceInventory: {
    title: 'the restored namespace inventory',
    present: d => (d.evidence.namespaceInventory ?? []).length > 0,
  },
  healthChecks: {
    title: 'health checks',
    present: d => (d.evidence.healthChecks ?? []).length > 0,
  },
  applicationHealthChecks: {
    title: 'application health checks',
    present: d => (d.evidence.applicationHealthChecks ?? []).length > 0,
  },
  reconciliation: {
    title: 'the reconciliation result',
    present: d => d.evidence.reconciliation !== undefined,
  },
  objectVersionCheck: {
    title: 'the object version check',
    present: d => d.evidence.objectVersionCheck !== undefined,
  },
  database: {
    title: 'the database checkpoint or WAL end',
    present: d =>
      d.evidence.database?.checkpoint !== undefined ||
      d.evidence.database?.walEnd !== undefined,
  },
  achievedRto: {
    title: 'the achieved RTO',
    present: d => d.achievedRtoMs !== undefined,
  },
  achievedRpo: {
    title:
      'the achieved RPO (recorded, or a restore target with the backup or WAL it was restored from)',
    present: d => achievedRpoOf(d) !== undefined,
  },
};

/**
 * Every piece of evidence a kind can require.
 *
 * @public
 */
export const DRILL_EVIDENCE_KEYS = Object.keys(EVIDENCE) as DrillEvidenceKey[];

const RESTORE_EVIDENCE: readonly DrillEvidenceKey[] = [
  'backup',
  'restoreTargetTime',
  'namespaceInventory',
  'healthChecks',
  'achievedRto',
  'achievedRpo',
];
const DRILL_EVIDENCE: readonly DrillEvidenceKey[] = [
  ...RESTORE_EVIDENCE,
  'applicationHealthChecks',
  'reconciliation',
];

/**
 * What a drill records, by the guides: a restore test the backup used,
 * the restore target, the restored inventory, health checks and the
 * achieved RTO and RPO; a DR drill and a full DR test also application
 * health checks and the reconciliation result. A failover drill moves to a
 * standby instead of restoring a backup, so it needs no backup or restore
 * target.
 *
 * @public
 */
export const DEFAULT_DRILL_EVIDENCE_REQUIREMENTS: DrillEvidenceRequirements = {
  'restore-test': RESTORE_EVIDENCE,
  'dr-drill': DRILL_EVIDENCE,
  'full-dr-test': DRILL_EVIDENCE,
  'failover-drill': DRILL_EVIDENCE.filter(
    key => key !== 'backup' && key !== 'restoreTargetTime',
  ),
};

/**
 * The required evidence a drill lacks, in the order required.
 *
 * @public
 */
export function missingDrillEvidence(
  drill: DrillRecord,
  requirements: DrillEvidenceRequirements = DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
): DrillEvidenceKey[] {
  return requirements[drill.kind].filter(key => !EVIDENCE[key].present(drill));
}

/**
 * How a sentence names a piece of evidence: `the restore target time`.
 *
 * @public
 */
export function drillEvidenceTitle(key: DrillEvidenceKey): string {
  return EVIDENCE[key].title;
}

const CONFIG_KEY = 'disasterRecovery.drills.requiredEvidence';

const evidenceList = z
  .array(
    z.enum(DRILL_EVIDENCE_KEYS as [DrillEvidenceKey, ...DrillEvidenceKey[]]),
  )
  .optional();
const requirementsConfigSchema = z.strictObject({
  'restore-test': evidenceList,
  'dr-drill': evidenceList,
  'full-dr-test': evidenceList,
  'failover-drill': evidenceList,
});

/**
 * Reads `disasterRecovery.drills.requiredEvidence` (as returned by
 * `config.getOptional`): per drill kind, the list of evidence it needs,
 * replacing that kind's default. Kinds left out keep
 * {@link DEFAULT_DRILL_EVIDENCE_REQUIREMENTS}.
 *
 * ```yaml
 * disasterRecovery:
 *   drills:
 *     requiredEvidence:
 *       failover-drill: [healthChecks, applicationHealthChecks, achievedRto]
 * ```
 *
 * @throws Error naming every invalid key.
 * @public
 */
export function readDrillEvidenceRequirements(
  value: unknown,
): DrillEvidenceRequirements {
  if (value === undefined || value === null) {
    return DEFAULT_DRILL_EVIDENCE_REQUIREMENTS;
  }
  const parsed = requirementsConfigSchema.safeParse(value);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      issue => `${[CONFIG_KEY, ...issue.path].join('.')}: ${issue.message}`,
    );
    throw new Error(`Invalid ${CONFIG_KEY} config: ${problems.join('; ')}`);
  }
  // Kinds left out of the config are absent from the parsed value.
  return {
    ...DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
    ...parsed.data,
  };
}
