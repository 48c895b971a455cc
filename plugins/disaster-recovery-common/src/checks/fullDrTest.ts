import { check, type CheckRule } from './context';
import { exercisesOf, judgeRecency } from './exercises';

/** A full DR test at the tier's interval (annually for tier 1 by default). */
export const fullDrTest: CheckRule = context => {
  const { tier } = context.policy;
  if (!tier.ok)
    return check(
      'full-dr-test',
      'unknown',
      `No full-DR-test policy: ${tier.reason}`,
    );
  const intervalMs = tier.value.fullDrTestIntervalMs;
  if (intervalMs === undefined) return undefined;
  const exercises = exercisesOf(context, ['full-dr-test'], false);
  return judgeRecency(
    'full-dr-test',
    context,
    exercises,
    intervalMs,
    'full DR test',
    tier.value.title,
  );
};
