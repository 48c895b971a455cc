import { defineCheck, verdict } from './definition';

export const runbook = defineCheck<'runbook', { url: string }>({
  id: 'runbook',
  title: 'Runbook linked',
  appliesTo: 'Every entity the suite assesses.',
  docs: 'A recovery runbook must be linked: nobody should improvise a recovery.',
  environmentIndependent: true,
  scorecard: { omitted: 'Catalog scorecards usually check links themselves.' },
  evaluate: ({ policy }) => {
    const { runbookUrl } = policy;
    if (!runbookUrl.ok) {
      return verdict(
        runbookUrl.problem === 'missing' ? 'fail' : 'unknown',
        runbookUrl.reason,
      );
    }
    return verdict(
      'pass',
      `The recovery runbook is linked: ${runbookUrl.value}.`,
      [],
      { url: runbookUrl.value },
    );
  },
});
