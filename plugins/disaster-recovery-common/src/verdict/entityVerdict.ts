import type { EntityPostureResponse } from '../api';
import { evidenceOf, findCheck } from '../checks/definition';
import { builtInCheck, CHECK_IDS, type CheckId } from '../checks/registry';
import type { Check, CheckStatus } from '../checks/types';
import type { DrillKind } from '../drills';
import { formatDuration } from '../durations';
import type { EntityPolicy } from '../policy';
import { STATUS_SEVERITY } from '../posture/worstStatus';
import {
  CHECK_FIXES,
  CONTRIBUTED_CHECK_ACTION,
  FIX_ALSO_WHEN_UNKNOWN,
  UNKNOWN_CHECK_ACTION,
} from './nextActions';
import { VERDICT_REASON_PRIORITY } from './reasonPriority';

/**
 * An answer of an entity's verdict. `unknown` whenever what decides it is
 * missing or could not be judged: never `yes` without the evidence.
 *
 * @public
 */
export type VerdictAnswer = 'yes' | 'no' | 'unknown';

/**
 * Whether the entity can be recovered within its RPO: `yes` while every
 * recovery-point check that applies (backup-freshness for Velero,
 * postgres-wal-age for CloudNativePG) passes or warns, `no` when one fails,
 * `unknown` when one could not judge or none applies.
 *
 * @public
 */
export interface RecoveryPointVerdict {
  /** Recoverable within the RPO. */
  answer: VerdictAnswer;
  /** The deciding check's sentence, or why no check decided. */
  reason: string;
  /** The recovery-point check that decided the answer; absent when none applies. */
  checkId?: string;
  /** The RPO target; absent when it cannot be read. */
  rpoMs?: number;
  /**
   * The recovery point judged: the last clean backup holding the entity's
   * data or, while a database's WAL archiving fails, the older of that and
   * when archiving stopped.
   */
  lastCleanPointAt?: string;
}

/**
 * How a drill stands to the RTO: `met` by the latest succeeded drill within
 * its interval that measured it, `missed` by that drill or a later failed
 * or incomplete one, `not-measured` by any counted drill, or `unknown`
 * when the RTO target or the drill policy cannot be read.
 *
 * @public
 */
export type RecoveryTimeProof = 'met' | 'missed' | 'not-measured' | 'unknown';

/**
 * Whether a drill proved the entity's RTO, as the drill-objectives check
 * judges it: `yes` only when it was `met`; `no` when it was missed or
 * not measured (not proven); `unknown` when it cannot be judged.
 *
 * @public
 */
export interface RecoveryTimeVerdict {
  /** RTO proven by a drill. */
  answer: VerdictAnswer;
  /** How a drill stands to the RTO, which tells a miss from no measurement. */
  proof: RecoveryTimeProof;
  /** Why, in a sentence. */
  reason: string;
  /** The drill-objectives check, when the entity has one. */
  checkId?: string;
  /** The RTO target; absent when it cannot be read. */
  rtoMs?: number;
  /** The drill whose measurement decided: met or missed. */
  drill?: { kind: DrillKind; endedAt: string; achievedRtoMs: number };
}

/**
 * What to do next about the top reason: the check's fix, and the entity's
 * runbook when it declares one.
 *
 * @public
 */
export interface VerdictNextAction {
  /** The check it fixes: the top reason. */
  checkId: string;
  /** What to do, in one imperative sentence. */
  text: string;
  /** The entity's `disaster-recovery/runbook`, when it declares a readable one. */
  runbookUrl?: string;
}

/**
 * An entity's disaster-recovery verdict, read from its evaluated checks:
 * the answers a service owner asks first, the check most worth fixing and
 * what to do about it. See {@link entityVerdictOf}.
 *
 * @public
 */
export interface EntityVerdict {
  /** Recoverable within the RPO. */
  recoveryPoint: RecoveryPointVerdict;
  /** RTO proven by a drill. */
  recoveryTime: RecoveryTimeVerdict;
  /**
   * The most severe check that does not pass, by status and then
   * {@link VERDICT_REASON_PRIORITY}; absent when every check passes.
   */
  topReason?: Pick<Check, 'id' | 'title' | 'status' | 'summary'>;
  /** What to do about the top reason. */
  nextAction?: VerdictNextAction;
  /** How many checks have each status. */
  counts: Record<CheckStatus, number>;
}

/**
 * What a verdict is read from: an entity's evaluated checks, the policy
 * they judged against and its headline recovery point. Both an evaluated
 * `EntityPosture` and the API's posture response carry them (see
 * {@link verdictInputOf}).
 *
 * @public
 */
export interface EntityVerdictInput {
  /** Every evaluated check of the entity, built-in and contributed. */
  checks: readonly Check[];
  /** The policy the checks judged against, after annotations. */
  policy: Pick<EntityPolicy, 'tier' | 'rpoMs' | 'rtoMs' | 'runbookUrl'>;
  /** The entity summary's `lastCleanBackupAt`. */
  lastCleanBackupAt?: string;
}

/** The checks that measure the recovery point against the RPO. */
const RECOVERY_POINT_CHECKS = [
  builtInCheck('backup-freshness'),
  builtInCheck('postgres-wal-age'),
];

const ANSWER_OF_STATUS: Record<CheckStatus, VerdictAnswer> = {
  pass: 'yes',
  warn: 'yes',
  fail: 'no',
  unknown: 'unknown',
};

/** Which recovery-point check decides the answer: one `no` is enough, one `unknown` keeps it from `yes`. */
const DECIDING_STATUS_ORDER: readonly CheckStatus[] = [
  'fail',
  'unknown',
  'warn',
  'pass',
];

function recoveryPointOf(input: EntityVerdictInput): RecoveryPointVerdict {
  const { rpoMs } = input.policy;
  const facts = {
    rpoMs: rpoMs.ok ? rpoMs.value : undefined,
    lastCleanPointAt: input.lastCleanBackupAt,
  };
  const judged = RECOVERY_POINT_CHECKS.flatMap(
    definition => findCheck(definition, input.checks) ?? [],
  );
  const deciding = DECIDING_STATUS_ORDER.map(status =>
    judged.find(check => check.status === status),
  ).find(check => check !== undefined);
  if (!deciding) {
    return {
      answer: 'unknown',
      reason:
        'No check judges a recovery point of this entity: no Velero backup or CloudNativePG database is mapped to it.',
      ...facts,
    };
  }
  const answer = ANSWER_OF_STATUS[deciding.status];
  // A check cannot pass against an RPO nobody can read; if one ever did,
  // the answer would rest on nothing.
  if (answer === 'yes' && !rpoMs.ok) {
    return { answer: 'unknown', reason: rpoMs.reason, ...facts };
  }
  return { answer, reason: deciding.summary, checkId: deciding.id, ...facts };
}

function recoveryTimeOf(input: EntityVerdictInput): RecoveryTimeVerdict {
  const definition = builtInCheck('drill-objectives');
  const check = findCheck(definition, input.checks);
  const { rtoMs, tier } = input.policy;
  const targetMs = rtoMs.ok ? rtoMs.value : undefined;
  if (!check) {
    return {
      answer: 'unknown',
      proof: 'unknown',
      reason: 'Drill objectives were not judged for this entity.',
      rtoMs: targetMs,
    };
  }
  const base = { checkId: check.id, rtoMs: targetMs };
  // Without a drill policy (the check says why) or a readable target
  // nothing can be proven.
  if (!tier.ok || !rtoMs.ok) {
    const reason = tier.ok && !rtoMs.ok ? rtoMs.reason : check.summary;
    return { answer: 'unknown', proof: 'unknown', reason, ...base };
  }
  const values = evidenceOf(definition, input.checks);
  const drill =
    values?.rtoDrillKind &&
    values.rtoDrillEndedAt &&
    typeof values.rtoDrillAchievedRtoMs === 'number'
      ? {
          kind: values.rtoDrillKind as DrillKind,
          endedAt: values.rtoDrillEndedAt,
          achievedRtoMs: values.rtoDrillAchievedRtoMs,
        }
      : undefined;
  if (values?.metRto === true) {
    // Postures evaluated before the check named its drill still say met.
    return drill
      ? {
          answer: 'yes',
          proof: 'met',
          reason: `A drill achieved an RTO of ${formatDuration(
            drill.achievedRtoMs,
          )} against the ${formatDuration(rtoMs.value)} target.`,
          drill,
          ...base,
        }
      : { answer: 'yes', proof: 'met', reason: check.summary, ...base };
  }
  if (values?.metRto === false) {
    return {
      answer: 'no',
      proof: 'missed',
      reason: check.summary,
      ...(drill ? { drill } : {}),
      ...base,
    };
  }
  return {
    answer: 'no',
    proof: 'not-measured',
    reason: check.summary,
    ...base,
  };
}

const PRIORITY = new Map<string, number>(
  VERDICT_REASON_PRIORITY.map((id, index) => [id, index]),
);

function isBuiltIn(id: string): id is CheckId {
  return (CHECK_IDS as readonly string[]).includes(id);
}

/**
 * Checks worst first: by status (fail, warn, unknown, pass, as
 * `STATUS_SEVERITY` ranks them), then by {@link VERDICT_REASON_PRIORITY},
 * contributed checks after the built-in ones in their report order. The
 * first that does not pass is the verdict's top reason.
 *
 * @public
 */
export function checksWorstFirst<C extends Pick<Check, 'id' | 'status'>>(
  checks: readonly C[],
): C[] {
  return checks
    .map((check, order) => ({
      check,
      priority: PRIORITY.get(check.id) ?? PRIORITY.size + order,
    }))
    .sort(
      (a, b) =>
        STATUS_SEVERITY[b.check.status] - STATUS_SEVERITY[a.check.status] ||
        a.priority - b.priority,
    )
    .map(({ check }) => check);
}

/**
 * What to do about one check that does not pass: its fix (for a built-in
 * check that fails or warns, or is unknown until someone records what it
 * looks for), what to supply while it is unknown, and the entity's runbook
 * when it declares one. The verdict's next action is its top reason's.
 *
 * @public
 */
export function checkNextActionOf(
  check: Pick<Check, 'id' | 'status'>,
  policy: Pick<EntityPolicy, 'runbookUrl'>,
): VerdictNextAction {
  const fix = isBuiltIn(check.id) ? CHECK_FIXES[check.id] : undefined;
  const text =
    check.status === 'unknown' && !FIX_ALSO_WHEN_UNKNOWN.has(check.id)
      ? UNKNOWN_CHECK_ACTION
      : fix ?? CONTRIBUTED_CHECK_ACTION;
  return {
    checkId: check.id,
    text,
    ...(policy.runbookUrl.ok ? { runbookUrl: policy.runbookUrl.value } : {}),
  };
}

/**
 * An entity's verdict from its evaluated posture, the one the entity tab,
 * its card and the System and team views show. The answers are the
 * checks' own: the recovery point as backup-freshness and postgres-wal-age
 * judge it, the RTO as drill-objectives judges it; nothing is judged anew.
 * The top reason is the worst check that does not pass (fail, then warn,
 * then unknown, as `STATUS_SEVERITY` ranks them), ties broken by
 * {@link VERDICT_REASON_PRIORITY}, and the next action is that check's
 * fix.
 *
 * @public
 */
export function entityVerdictOf(input: EntityVerdictInput): EntityVerdict {
  const counts: Record<CheckStatus, number> = {
    pass: 0,
    warn: 0,
    fail: 0,
    unknown: 0,
  };
  for (const check of input.checks) counts[check.status] += 1;
  const top = checksWorstFirst(input.checks).find(c => c.status !== 'pass');
  return {
    recoveryPoint: recoveryPointOf(input),
    recoveryTime: recoveryTimeOf(input),
    ...(top
      ? {
          topReason: {
            id: top.id,
            title: top.title,
            status: top.status,
            summary: top.summary,
          },
          nextAction: checkNextActionOf(top, input.policy),
        }
      : {}),
    counts,
  };
}

/**
 * The verdict input of an entity's posture as the API answers it.
 *
 * @public
 */
export function verdictInputOf(
  response: Pick<EntityPostureResponse, 'posture' | 'policy' | 'summary'>,
): EntityVerdictInput {
  return {
    checks: response.posture.checks,
    policy: response.policy,
    lastCleanBackupAt: response.summary.lastCleanBackupAt,
  };
}
