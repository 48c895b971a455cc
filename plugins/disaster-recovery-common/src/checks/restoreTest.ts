import { check, type CheckRule } from './context';
import { exercisesOf, judgeRecency } from './exercises';

/**
 * Restore tests prove the backups restore. Counted: Velero restores of the
 * entity's backups away from production, and recorded restore tests, DR
 * drills and full DR tests (each of which restores data). Only tiers with a
 * restore-test interval need them.
 */
export const restoreTest: CheckRule = context => {
  const { tier } = context.policy;
  if (!tier.ok)
    return check(
      'restore-test',
      'unknown',
      `No restore-test policy: ${tier.reason}`,
    );
  const intervalMs = tier.value.restoreTestIntervalMs;
  if (intervalMs === undefined) return undefined;
  const exercises = exercisesOf(
    context,
    ['restore-test', 'dr-drill', 'full-dr-test'],
    true,
  );
  return judgeRecency(
    'restore-test',
    context,
    exercises,
    intervalMs,
    'restore test',
    tier.value.title,
  );
};
