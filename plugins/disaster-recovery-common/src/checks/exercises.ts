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
  failureReasons: string[];
  ref?: EvidenceRef;
}

/** The entity's exercises of the given drill kinds, plus Velero restore tests if asked. */
export function exercisesOf(
  context: PostureContext,
  kinds: readonly DrillKind[],
  includeVeleroRestores: boolean,
): Exercise[] {
  const history = drillHistory(
    context.drills.filter(drill => kinds.includes(drill.kind)),
    includeVeleroRestores ? context.restoreTests : [],
  );
  return history.flatMap<Exercise>(entry => {
    if (entry.endedAt === undefined) return [];
    const common = {
      endedAt: entry.endedAt,
      succeeded: entry.succeeded,
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
            ? ` (took ${formatDuration(test.durationMs)})`
            : ''
        }`,
        ref: refOf('Restore', test.restore),
      },
    ];
  });
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
      ? ` The latest, ${
          latest.description
        }, failed: ${latest.failureReasons.join('; ')}.`
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
      } failed: ${latest.failureReasons.join('; ')}.`,
      refs,
      values,
    );
  }
  return verdict('pass', `${last}, within policy (${policy}).`, refs, values);
}
