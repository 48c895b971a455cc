import { defineCheck, verdict } from './definition';

import { exercisesOf, judgeRecency, type RecencyEvidence } from './exercises';

export const restoreTest = defineCheck<'restore-test', RecencyEvidence>({
  id: 'restore-test',
  title: 'Restore test within policy',
  appliesTo: 'Entities whose tier sets a restore-test interval.',
  docs: "Restore tests prove the backups restore. Counted: Velero restores of the entity's backups away from production, and recorded restore tests, DR drills and full DR tests (each of which restores data). Only tiers with a restore-test interval need them.",
  scorecard: {
    id: 'disasterRecoveryRestoreTestWithinPolicy',
    name: 'Restore tested within policy',
    description:
      "A restore test succeeded within the tier's restore-test interval.",
    fact: 'restoreTestWithinPolicy',
  },
  evaluate: context => {
    const { tier } = context.policy;
    if (!tier.ok)
      return verdict('unknown', `No restore-test policy: ${tier.reason}`);
    const intervalMs = tier.value.restoreTestIntervalMs;
    if (intervalMs === undefined) return undefined;
    const exercises = exercisesOf(
      context,
      ['restore-test', 'dr-drill', 'full-dr-test'],
      true,
    );
    return judgeRecency(
      context,
      exercises,
      intervalMs,
      'restore test',
      tier.value.title,
    );
  },
});
