import { formatDuration } from '../durations';
import { drillHistory, type DrillKind } from '../drills';
import type { EvidenceRef } from './types';
import {
  describeRef,
  millisecondsSince,
  refOf,
  type PostureContext,
} from './context';
import { verdict, type Verdict } from './definition';

/** A restore test or drill, from a Velero Restore or a recorded drill. */
interface Exercise {
  description: string;
  endedAt: string;
  succeeded: boolean;
  /** `failed` or `incomplete` when it did not succeed. */
  outcome: 'succeeded' | 'failed' | 'incomplete';
  failureReasons: string[];
  ref?: EvidenceRef;
}

/**
 * The entity's exercises of the given drill kinds that count, plus Velero
 * restore tests if asked: restores into production, restores that bring no
 * data back, and drills voided, superseded or dated in the future are left
 * out (`context.drills` holds only counting drills).
 */
export function exercisesOf(
  context: PostureContext,
  kinds: readonly DrillKind[],
  includeVeleroRestores: boolean,
): Exercise[] {
  const history = drillHistory(
    context.drills.filter(drill => kinds.includes(drill.kind)),
    includeVeleroRestores ? context.restoreTests : [],
    { requirements: context.drillRequirements, now: context.now },
  );
  return history.flatMap<Exercise>(entry => {
    if (entry.endedAt === undefined || !entry.counts) return [];
    const common = {
      endedAt: entry.endedAt,
      succeeded: entry.succeeded,
      outcome: entry.outcome,
      failureReasons: entry.reasons,
    };
    if (entry.source === 'recorded') {
      return [
        {
          ...common,
          description: `the ${entry.kind} recorded for ${entry.drill.startedAt}`,
        },
      ];
    }
    const test = entry.restoreTest;
    return [
      {
        ...common,
        description: `Velero restore ${describeRef(test.restore)} of backup ${
          test.backupName
        }${
          test.durationMs !== undefined
            ? ` (restore duration ${formatDuration(test.durationMs)})`
            : ''
        }`,
        ref: refOf('Restore', test.restore),
      },
    ];
  });
}

/** How a sentence says an exercise did not succeed. */
function didNotSucceed(exercise: Exercise): string {
  return exercise.outcome === 'incomplete' ? 'was incomplete' : 'failed';
}

/**
 * The evidence of a check judging how recently an exercise succeeded.
 *
 * @public
 */
export type RecencyEvidence = {
  intervalMs: number;
  lastSuccessAt: string | null;
  latestAt: string | null;
  latestSucceeded: boolean | null;
};

/**
 * Judges exercises against a policy interval: a success within the interval
 * passes, but warns when a later attempt failed; no success within it fails.
 */
export function judgeRecency(
  context: PostureContext,
  exercises: Exercise[],
  intervalMs: number,
  noun: string,
  tierTitle: string,
): Verdict<RecencyEvidence> {
  const policy = `${tierTitle} requires one every ${formatDuration(
    intervalMs,
  )}`;
  const lastSuccess = exercises.find(e => e.succeeded);
  const latest = exercises[0];
  const refs = [latest, lastSuccess].flatMap(e => (e?.ref ? [e.ref] : []));
  const values: RecencyEvidence = {
    intervalMs,
    lastSuccessAt: lastSuccess?.endedAt ?? null,
    latestAt: latest?.endedAt ?? null,
    latestSucceeded: latest ? latest.succeeded : null,
  };
  if (!lastSuccess) {
    const attempt = latest
      ? ` The latest, ${latest.description}, ${didNotSucceed(
          latest,
        )}: ${latest.failureReasons.join('; ')}.`
      : '';
    return verdict(
      'fail',
      `No successful ${noun} is recorded; ${policy}.${attempt}`,
      refs,
      values,
    );
  }
  const ageMs = millisecondsSince(context.now, lastSuccess.endedAt);
  const last = `The last successful ${noun}, ${
    lastSuccess.description
  }, ended ${formatDuration(ageMs)} ago`;
  if (ageMs > intervalMs) {
    return verdict(
      'fail',
      `${last}, ${formatDuration(ageMs - intervalMs)} overdue: ${policy}.`,
      refs,
      values,
    );
  }
  if (latest !== lastSuccess) {
    return verdict(
      'warn',
      `${last}, within policy, but the later ${
        latest.description
      } ${didNotSucceed(latest)}: ${latest.failureReasons.join('; ')}.`,
      refs,
      values,
    );
  }
  return verdict('pass', `${last}, within policy (${policy}).`, refs, values);
}
