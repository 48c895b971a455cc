import { check, type CheckRule } from './context';
import { exercisesOf, judgeRecency } from './exercises';

/** DR drills (a full DR test or a failover drill counts too) at the tier's interval. */
export const drDrill: CheckRule = context => {
  const { tier } = context.policy;
  if (!tier.ok)
    return check('dr-drill', 'unknown', `No drill policy: ${tier.reason}`);
  const intervalMs = tier.value.drillIntervalMs;
  if (intervalMs === undefined) return undefined;
  const exercises = exercisesOf(
    context,
    ['dr-drill', 'full-dr-test', 'failover-drill'],
    false,
  );
  return judgeRecency(
    'dr-drill',
    context,
    exercises,
    intervalMs,
    'DR drill',
    tier.value.title,
  );
};
