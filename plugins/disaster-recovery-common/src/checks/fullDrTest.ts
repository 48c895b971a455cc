import { defineCheck, verdict } from './definition';

import { exercisesOf, judgeRecency, type RecencyEvidence } from './exercises';

export const fullDrTest = defineCheck<'full-dr-test', RecencyEvidence>({
  id: 'full-dr-test',
  title: 'Full DR test within policy',
  appliesTo: 'Entities whose tier sets a full DR test interval.',
  docs: "A full DR test at the tier's interval (annually for tier 1 by default).",
  environmentIndependent: true,
  scorecard: {
    omitted:
      'A full DR test is an estate-wide exercise; the DR drill scorecard check counts it.',
  },
  evaluate: context => {
    const { tier } = context.policy;
    if (!tier.ok)
      return verdict('unknown', `No full-DR-test policy: ${tier.reason}`);
    const intervalMs = tier.value.fullDrTestIntervalMs;
    if (intervalMs === undefined) return undefined;
    const exercises = exercisesOf(context, ['full-dr-test'], false);
    return judgeRecency(
      context,
      exercises,
      intervalMs,
      'full DR test',
      tier.value.title,
    );
  },
});
