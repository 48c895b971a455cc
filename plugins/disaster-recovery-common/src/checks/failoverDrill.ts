import { defineCheck, verdict } from './definition';

import { exercisesOf, judgeRecency, type RecencyEvidence } from './exercises';

export const failoverDrill = defineCheck<'failover-drill', RecencyEvidence>({
  id: 'failover-drill',
  title: 'Failover drill within policy',
  appliesTo:
    'Entities declaring the hot-warm pattern whose tier sets a failover-drill interval.',
  docs: "A hot-warm service is only as good as its last promotion of the standby: a recorded failover drill must have succeeded within the tier's failover-drill interval (quarterly by default).",
  environmentIndependent: true,
  scorecard: {
    omitted:
      'Only hot-warm entities need one; the DR drill scorecard check counts failover drills.',
  },
  evaluate: context => {
    const { tier, pattern } = context.policy;
    // Only a declared hot-warm pattern asks for failovers; ha-pattern judges the rest.
    if (!pattern.ok || pattern.value !== 'hot-warm') return undefined;
    if (!tier.ok) {
      return verdict('unknown', `No failover-drill policy: ${tier.reason}`);
    }
    const intervalMs = tier.value.failoverDrillIntervalMs;
    if (intervalMs === undefined) return undefined;
    return judgeRecency(
      context,
      exercisesOf(context, ['failover-drill'], false),
      intervalMs,
      'failover drill',
      tier.value.title,
    );
  },
});
