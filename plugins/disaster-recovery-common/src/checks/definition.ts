import type { PostureContext } from './context';
import type { Check, CheckStatus, EvidenceRef, EvidenceValue } from './types';

/**
 * The values a check reports, by name. Durations in milliseconds, times
 * ISO 8601.
 *
 * @public
 */
export type CheckEvidence = Record<string, EvidenceValue>;

/**
 * What a check rule decided, before the evaluator names it with its
 * definition's id and title. A verdict carries either all of its check's
 * evidence values or none (when the input to judge was missing).
 *
 * @public
 */
export interface Verdict<E extends CheckEvidence = CheckEvidence> {
  status: CheckStatus;
  /** A sentence a person understands, with the numbers that decided it. */
  summary: string;
  refs: EvidenceRef[];
  values?: E;
}

/**
 * A check rule: `undefined` when the check does not apply to the entity.
 *
 * @public
 */
export type CheckRule<E extends CheckEvidence = CheckEvidence> = (
  context: PostureContext,
) => Verdict<E> | undefined;

/**
 * How a posture check shows on scorecards: the scorecard check mirroring it,
 * or why it has none.
 *
 * @public
 */
export type ScorecardDecision =
  | {
      /** Id of the scorecard check, e.g. the key under `techInsights.factChecker.checks`. */
      id: string;
      /** What a scorecard shows. */
      name: string;
      description: string;
      /** The boolean fact that carries the posture check's verdict. */
      fact: string;
    }
  | {
      /** Why the check is not a scorecard check. */
      omitted: string;
    };

/**
 * One posture check, declared once: everything the API, the UI and the
 * scorecards know about it comes from here.
 *
 * @public
 */
export interface CheckDefinition<
  Id extends string = string,
  E extends CheckEvidence = CheckEvidence,
> {
  /** Stable id, kebab-case; never reused for another meaning. */
  id: Id;
  /** The title the UI shows. */
  title: string;
  /** Which entities get the check; the rule returns nothing for the others. */
  appliesTo: string;
  /** What the check judges and why, for the -common README and reviewers. */
  docs: string;
  scorecard: ScorecardDecision;
  /**
   * True when the rule reads no collected records (only annotations, tier
   * policy and recorded drills), so an unreadable environment annotation
   * does not keep it from judging. Left out, the check is `unknown` while
   * the entity's environment cannot be read.
   */
  environmentIndependent?: boolean;
  evaluate: CheckRule<E>;
}

/**
 * Declares a check. The type parameters make the id a literal (so check ids
 * are derived from the registry) and fix the evidence shape readers get from
 * {@link evidenceOf}.
 *
 * @public
 */
export function defineCheck<Id extends string, E extends CheckEvidence>(
  definition: CheckDefinition<Id, E>,
): CheckDefinition<Id, E> {
  return definition;
}

/**
 * A verdict of a rule. Give `values` whenever the check could be judged.
 *
 * @public
 */
export function verdict<E extends CheckEvidence>(
  status: CheckStatus,
  summary: string,
  refs: EvidenceRef[] = [],
  values?: E,
): Verdict<E> {
  return { status, summary, refs, ...(values ? { values } : {}) };
}

/** The check a definition's verdict makes. */
export function checkOf(
  definition: CheckDefinition<string, CheckEvidence>,
  result: Verdict,
): Check {
  return {
    id: definition.id,
    title: definition.title,
    status: result.status,
    summary: result.summary,
    evidence: { refs: result.refs, values: result.values ?? {} },
  };
}

/**
 * A definition's check among some checks (or the failing-check lines of a
 * summary), found by the definition's id.
 *
 * @public
 */
export function findCheck<C extends { id: string }>(
  definition: Pick<CheckDefinition, 'id'>,
  checks: readonly C[],
): C | undefined {
  return checks.find(c => c.id === definition.id);
}

/**
 * The evidence values of a definition's check among some checks, typed by
 * the definition. Partial: a check that could not be judged carries none,
 * and checks travel as JSON. Also names the stale clusters that kept it from
 * passing.
 *
 * @public
 */
export function evidenceOf<E extends CheckEvidence>(
  definition: CheckDefinition<string, E>,
  checks: readonly Check[],
): (Partial<E> & { staleClusters?: string[] }) | undefined {
  return findCheck(definition, checks)?.evidence.values as
    | (Partial<E> & { staleClusters?: string[] })
    | undefined;
}
