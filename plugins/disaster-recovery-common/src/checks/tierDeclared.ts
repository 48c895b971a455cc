import { formatDuration } from '../durations';
import { check, type CheckRule } from './context';

/** A tier must be declared, and must be one of the configured tiers. */
export const tierDeclared: CheckRule = ({ policy }) => {
  const { tier, rpoMs, rtoMs } = policy;
  if (!tier.ok) {
    return check(
      'tier-declared',
      tier.problem === 'missing' ? 'fail' : 'unknown',
      tier.reason,
    );
  }
  const objective = (name: string, resolved: typeof rpoMs) =>
    resolved.ok
      ? `${name} ${formatDuration(resolved.value)}${
          resolved.source === 'annotation' ? ' (overridden by annotation)' : ''
        }`
      : `${name} unknown: ${resolved.reason}`;
  return check(
    'tier-declared',
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
};
