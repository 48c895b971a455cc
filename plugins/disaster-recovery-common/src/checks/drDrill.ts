import { defineCheck, verdict } from './definition';

import { exercisesOf, judgeRecency, type RecencyEvidence } from './exercises';

export const drDrill = defineCheck<'dr-drill', RecencyEvidence>({
  id: 'dr-drill',
  title: 'DR drill within policy',
  appliesTo: 'Entities whose tier sets a drill interval.',
  docs: "DR drills (a full DR test or a failover drill counts too) at the tier's interval.",
  environmentIndependent: true,
  scorecard: {
    id: 'disasterRecoveryDrillWithinPolicy',
    name: 'DR drill within policy',
    description: "A DR drill succeeded within the tier's drill interval.",
    fact: 'drDrillWithinPolicy',
  },
  evaluate: context => {
    const { tier } = context.policy;
    if (!tier.ok) return verdict('unknown', `No drill policy: ${tier.reason}`);
    const intervalMs = tier.value.drillIntervalMs;
    if (intervalMs === undefined) return undefined;
    const exercises = exercisesOf(
      context,
      ['dr-drill', 'full-dr-test', 'failover-drill'],
      false,
    );
    return judgeRecency(
      context,
      exercises,
      intervalMs,
      'DR drill',
      tier.value.title,
    );
  },
});
