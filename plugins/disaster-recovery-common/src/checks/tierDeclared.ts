import { defineCheck, verdict } from './definition';
import { formatDuration } from '../durations';

export const tierDeclared = defineCheck<
  'tier-declared',
  { tier: string; rpoMs: number | null; rtoMs: number | null }
>({
  id: 'tier-declared',
  title: 'Tier declared',
  appliesTo: 'Every entity the suite assesses.',
  docs: 'A tier must be declared, and must be one of the configured tiers.',
  environmentIndependent: true,
  scorecard: {
    id: 'disasterRecoveryTierDeclared',
    name: 'DR tier declared',
    description:
      'The entity declares a configured disaster-recovery tier with the disaster-recovery/tier annotation.',
    fact: 'tierDeclared',
  },
  evaluate: ({ policy }) => {
    const { tier, rpoMs, rtoMs } = policy;
    // A tier that is not configured is no declaration: no RPO, RTO or
    // drill policy applies until the owner names one that is.
    if (!tier.ok) {
      return verdict(
        'fail',
        `${tier.reason} Declare one of the configured tiers.`,
      );
    }
    const objective = (name: string, resolved: typeof rpoMs) =>
      resolved.ok
        ? `${name} ${formatDuration(resolved.value)}${
            resolved.source === 'annotation'
              ? ' (overridden by annotation)'
              : ''
          }`
        : `${name} unknown: ${resolved.reason}`;
    return verdict(
      'pass',
      `${tier.value.title} is declared: ${objective('RPO', rpoMs)}, ${objective(
        'RTO',
        rtoMs,
      )}.`,
      [],
      {
        tier: tier.value.id,
        rpoMs: rpoMs.ok ? rpoMs.value : null,
        rtoMs: rtoMs.ok ? rtoMs.value : null,
      },
    );
  },
});
