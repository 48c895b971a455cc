import { z } from 'zod';
import { DRILL_LIMITS } from './drillLimits';

/**
 * What a drill exercised:
 * - `restore-test`: backups were restored somewhere and checked;
 * - `dr-drill`: a disaster was rehearsed for one or more services;
 * - `full-dr-test`: the whole estate was recovered, as in a real disaster;
 * - `failover-drill`: traffic was moved to a standby or the other site.
 *
 * @public
 */
export type DrillKind =
  | 'restore-test'
  | 'dr-drill'
  | 'full-dr-test'
  | 'failover-drill';

/**
 * A yes/no verification done during a drill.
 *
 * @public
 */
export interface DrillVerification {
  passed: boolean;
  details?: string;
}

/**
 * A named check run against what was restored, judged by whoever ran it. A
 * check nobody judged is left out rather than recorded as passed.
 *
 * @public
 */
export interface DrillHealthCheck extends DrillVerification {
  name: string;
}

/**
 * A namespaced Kubernetes object on a cluster, by the cluster's configured
 * name.
 *
 * @public
 */
export interface DrillObjectRef {
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * A link to evidence kept elsewhere: the runbook change the drill led to,
 * its logs or recording, its ticket.
 *
 * @public
 */
export interface DrillEvidenceLink {
  type: 'runbook-change' | 'logs' | 'ticket' | 'other';
  url: string;
  title?: string;
}

/**
 * What a drill recorded as proof.
 *
 * @public
 */
export interface DrillEvidence {
  /** The backup restored. */
  backup?: { name: string; createdAt: string };
  /** The point in time the restore aimed for, ISO 8601. */
  restoreTargetTime?: string;
  /**
   * Where PostgreSQL recovery ended: the CloudNativePG Cluster restored
   * from, the checkpoint, the last WAL replayed, and when the last WAL
   * archived before the restore target was written.
   */
  database?: {
    cluster?: DrillObjectRef;
    checkpoint?: string;
    walEnd?: string;
    lastArchivedWalAt?: string;
  };
  /** The Velero Restore the drill ran, when there was one. */
  veleroRestore?: DrillObjectRef;
  /** Objects expected and found per restored namespace. */
  namespaceInventory?: Array<{
    namespace: string;
    expectedObjects: number;
    restoredObjects: number;
  }>;
  /** Whether restored objects carry the expected versions (images, generations). */
  objectVersionCheck?: DrillVerification;
  /** Health checks run against the restored workloads. */
  healthChecks?: DrillHealthCheck[];
  /** End-to-end checks of the recovered application (sign-in, a checkout). */
  applicationHealthChecks?: DrillHealthCheck[];
  /** Whether restored data reconciled with its source (row counts, checksums). */
  reconciliation?: DrillVerification;
  /** Steps someone had to improvise because the runbook lacked them. */
  manualStepsNotInRunbook: string[];
  links?: DrillEvidenceLink[];
  notes?: string;
}

/**
 * One recorded drill. Times are ISO 8601; achieved objectives are in
 * milliseconds.
 *
 * @public
 */
export interface DrillRecord {
  kind: DrillKind;
  /** The entities exercised, as entity refs (`component:default/payments`). */
  entityRefs: string[];
  startedAt: string;
  endedAt: string;
  /** The outcome as reported; see `effectiveDrillOutcome` for the one that counts. */
  outcome: 'succeeded' | 'failed';
  /** From the start of the drill until the service was back. */
  achievedRtoMs?: number;
  /** How much data the recovered service had lost; see `achievedRpoOf`. */
  achievedRpoMs?: number;
  /**
   * For a restore test: it brought back the whole service, not one
   * component, so its achieved RTO is comparable with the service's RTO.
   */
  coversWholeService?: boolean;
  runbookUrl?: string;
  /** Entity ref of the user or group who ran the drill. */
  performedBy?: string;
  evidence: DrillEvidence;
}

/**
 * Who voided a drill, when and why.
 *
 * @public
 */
export interface DrillVoid {
  at: string;
  by: string;
  reason: string;
}

/**
 * How a stored drill was corrected: voided, or superseded by a corrected
 * record. Either way it stays in the history and never counts.
 *
 * @public
 */
export interface DrillCorrections {
  voided?: DrillVoid;
  /** Id of the drill that replaced this one. */
  supersededBy?: string;
}

const text = z.string().max(DRILL_LIMITS.textLength);
const requiredText = text.min(1);
const list = <T extends z.ZodType>(item: T) =>
  z.array(item).max(DRILL_LIMITS.listItems);
const timestamp = z.iso.datetime({ offset: true });
const httpUrl = z.url({ protocol: /^https?$/ }).max(DRILL_LIMITS.textLength);
const objective = z.number().max(DRILL_LIMITS.maxObjectiveMs);
const verification = z.strictObject({
  passed: z.boolean(),
  details: text.optional(),
});
const healthCheck = verification.extend({ name: requiredText });
const objectRef = z.strictObject({
  cluster: requiredText.max(253),
  namespace: requiredText.max(253),
  name: requiredText.max(253),
});

/**
 * The zod schema of a {@link DrillRecord}: its shape and limits, as the
 * backend's spec has them. `evidence.manualStepsNotInRunbook` defaults to an
 * empty list. What needs the time or the whole body (plausible dates,
 * control characters, `endedAt` after `startedAt`) is checked by
 * `parseDrillRecord`, which applies this schema first.
 *
 * @public
 */
export const drillRecordSchema: z.ZodType<DrillRecord> = z.strictObject({
  kind: z.enum(['restore-test', 'dr-drill', 'full-dr-test', 'failover-drill']),
  entityRefs: z.array(requiredText).min(1).max(DRILL_LIMITS.entityRefs),
  startedAt: timestamp,
  endedAt: timestamp,
  outcome: z.enum(['succeeded', 'failed']),
  achievedRtoMs: objective.positive().optional(),
  achievedRpoMs: objective.nonnegative().optional(),
  coversWholeService: z.boolean().optional(),
  runbookUrl: httpUrl.optional(),
  performedBy: requiredText.optional(),
  evidence: z.strictObject({
    backup: z
      .strictObject({ name: requiredText, createdAt: timestamp })
      .optional(),
    restoreTargetTime: timestamp.optional(),
    database: z
      .strictObject({
        cluster: objectRef.optional(),
        checkpoint: text.optional(),
        walEnd: text.optional(),
        lastArchivedWalAt: timestamp.optional(),
      })
      .optional(),
    veleroRestore: objectRef.optional(),
    namespaceInventory: list(
      z.strictObject({
        namespace: requiredText.max(253),
        expectedObjects: z.number().int().nonnegative(),
        restoredObjects: z.number().int().nonnegative(),
      }),
    ).optional(),
    objectVersionCheck: verification.optional(),
    healthChecks: list(healthCheck).optional(),
    applicationHealthChecks: list(healthCheck).optional(),
    reconciliation: verification.optional(),
    manualStepsNotInRunbook: list(requiredText).default([]),
    links: list(
      z.strictObject({
        type: z.enum(['runbook-change', 'logs', 'ticket', 'other']),
        url: httpUrl,
        title: text.optional(),
      }),
    ).optional(),
    notes: text.optional(),
  }),
});
