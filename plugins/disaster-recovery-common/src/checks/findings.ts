import { verdict, type CheckEvidence, type Verdict } from './definition';
import type { CheckStatus, EvidenceRef } from './types';

/** One judged item of a check: a schedule, a location, a database. */
export interface Finding {
  status: CheckStatus;
  text: string;
}

const NOT_PASSING: readonly CheckStatus[] = ['fail', 'warn', 'unknown'];

/**
 * The findings of the worst status that is not `pass`, with that status;
 * `undefined` when every finding passes.
 */
export function worstFindings<T extends Finding>(
  findings: readonly T[],
): { status: CheckStatus; findings: T[] } | undefined {
  for (const status of NOT_PASSING) {
    const matching = findings.filter(f => f.status === status);
    if (matching.length > 0) return { status, findings: matching };
  }
  return undefined;
}

/**
 * The verdict of several findings: the worst status, with a sentence that
 * names every finding that does not pass, worst first, so that a service
 * owner sees all there is to fix and not only the worst group. When all
 * pass, the sentence is every finding and `passSuffix`.
 */
export function verdictOfFindings<E extends CheckEvidence>(
  findings: readonly Finding[],
  refs: EvidenceRef[],
  values: E,
  passSuffix = '',
): Verdict<E> {
  const failing = NOT_PASSING.flatMap(status =>
    findings.filter(f => f.status === status),
  );
  if (failing.length > 0) {
    return verdict(
      failing[0].status,
      `${failing.map(f => f.text).join('; ')}.`,
      refs,
      values,
    );
  }
  return verdict(
    'pass',
    `${findings.map(f => f.text).join('; ')}${passSuffix}.`,
    refs,
    values,
  );
}
