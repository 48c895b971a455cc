import { z } from 'zod';

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
 * What a drill recorded as proof.
 *
 * @public
 */
export interface DrillEvidence {
  /** The backup restored. */
  backup?: { name: string; createdAt: string };
  /** The point in time the restore aimed for, ISO 8601. */
  restoreTargetTime?: string;
  /** Where PostgreSQL recovery ended: the checkpoint and the last WAL replayed. */
  database?: { checkpoint?: string; walEnd?: string };
  /** Objects expected and found per restored namespace. */
  namespaceInventory?: Array<{
    namespace: string;
    expectedObjects: number;
    restoredObjects: number;
  }>;
  /** Whether restored objects carry the expected versions (images, generations). */
  objectVersionCheck?: DrillVerification;
  /** Health checks run against the restored service. */
  healthChecks?: Array<DrillVerification & { name: string }>;
  /** Whether restored data reconciled with its source (row counts, checksums). */
  reconciliation?: DrillVerification;
  /** Steps someone had to improvise because the runbook lacked them. */
  manualStepsNotInRunbook: string[];
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
  /** How much data the recovered service had lost. */
  achievedRpoMs?: number;
  runbookUrl?: string;
  performedBy?: string;
  evidence: DrillEvidence;
}

const timestamp = z.iso.datetime({ offset: true });
const verification = z.strictObject({
  passed: z.boolean(),
  details: z.string().optional(),
});

/**
 * The zod schema of a {@link DrillRecord}, for validating a drill posted to
 * the backend. `evidence.manualStepsNotInRunbook` defaults to an empty list;
 * `endedAt` may not be before `startedAt`.
 *
 * @public
 */
export const drillRecordSchema: z.ZodType<DrillRecord> = z
  .strictObject({
    kind: z.enum([
      'restore-test',
      'dr-drill',
      'full-dr-test',
      'failover-drill',
    ]),
    entityRefs: z.array(z.string().min(1)).min(1),
    startedAt: timestamp,
    endedAt: timestamp,
    outcome: z.enum(['succeeded', 'failed']),
    achievedRtoMs: z.number().nonnegative().optional(),
    achievedRpoMs: z.number().nonnegative().optional(),
    runbookUrl: z.url({ protocol: /^https?$/ }).optional(),
    performedBy: z.string().optional(),
    evidence: z.strictObject({
      backup: z
        .strictObject({ name: z.string().min(1), createdAt: timestamp })
        .optional(),
      restoreTargetTime: timestamp.optional(),
      database: z
        .strictObject({
          checkpoint: z.string().optional(),
          walEnd: z.string().optional(),
        })
        .optional(),
      namespaceInventory: z
        .array(
          z.strictObject({
            namespace: z.string().min(1),
            expectedObjects: z.number().int().nonnegative(),
            restoredObjects: z.number().int().nonnegative(),
          }),
        )
        .optional(),
      objectVersionCheck: verification.optional(),
      healthChecks: z
        .array(verification.extend({ name: z.string().min(1) }))
        .optional(),
      reconciliation: verification.optional(),
      manualStepsNotInRunbook: z.array(z.string().min(1)).default([]),
      notes: z.string().optional(),
    }),
  })
  .refine(drill => Date.parse(drill.endedAt) >= Date.parse(drill.startedAt), {
    path: ['endedAt'],
    message: 'endedAt is before startedAt',
  });
