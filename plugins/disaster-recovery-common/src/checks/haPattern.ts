import { defineCheck, verdict } from './definition';
import { formatDuration } from '../durations';
import { HA_PATTERNS, type PlanningRange } from '../policy';

function judgeTarget(name: string, targetMs: number, range: PlanningRange) {
  const span = `${formatDuration(range.bestMs)}–${formatDuration(
    range.worstMs,
  )}`;
  if (targetMs < range.bestMs) {
    return {
      status: 'fail' as const,
      text: `its ${name} is ${span}, so even at best ${formatDuration(
        range.bestMs,
      )} it cannot meet the ${formatDuration(targetMs)} ${name}`,
    };
  }
  if (targetMs < range.worstMs) {
    return {
      status: 'warn' as const,
      text: `its ${name} is ${span}, so it meets the ${formatDuration(
        targetMs,
      )} ${name} only at the faster end`,
    };
  }
  return {
    status: 'pass' as const,
    text: `its ${name} of ${span} meets the ${formatDuration(
      targetMs,
    )} ${name}`,
  };
}

export const haPattern = defineCheck<
  'ha-pattern',
  { pattern: string; rtoMs: number; rpoMs: number }
>({
  id: 'ha-pattern',
  title: 'HA pattern can meet targets',
  appliesTo: 'Every entity; unknown without a declared pattern.',
  docs: "The declared HA pattern must be able to meet the entity's RTO and RPO: a target tighter than the pattern's best case fails, one inside its planning range warns, one beyond its worst case passes. A pattern without planning ranges (cloud-native, hot-hot) is unknown until the estate proves it (multi-zone placement and database HA; two active regions).",
  environmentIndependent: true,
  scorecard: {
    omitted: 'Scorecards of HA readiness come with the HA readiness checks.',
  },
  evaluate: ({ policy }) => {
    const { pattern, rtoMs, rpoMs } = policy;
    if (!pattern.ok) return verdict('unknown', pattern.reason);
    const missing = [rtoMs, rpoMs].flatMap(target =>
      target.ok ? [] : [target.reason],
    );
    if (!rtoMs.ok || !rpoMs.ok) return verdict('unknown', missing.join(' '));
    const profile = HA_PATTERNS[pattern.value];
    if (!profile.rto || !profile.rpo) {
      // No planning range to hold the targets against: only the estate can
      // show the pattern is real, so this is never a pass on its own.
      return verdict(
        'unknown',
        `${pattern.value} (${
          profile.description
        }) has no planning range for RTO or RPO, so whether it meets the ${formatDuration(
          rtoMs.value,
        )} RTO and ${formatDuration(
          rpoMs.value,
        )} RPO depends on the estate proving it (${
          profile.proof
        }); until then this cannot pass.`,
        [],
        { pattern: pattern.value, rtoMs: rtoMs.value, rpoMs: rpoMs.value },
      );
    }
    const judged = [
      judgeTarget('RTO', rtoMs.value, profile.rto),
      judgeTarget('RPO', rpoMs.value, profile.rpo),
    ];
    const status =
      judged.find(j => j.status === 'fail')?.status ??
      judged.find(j => j.status === 'warn')?.status ??
      'pass';
    return verdict(
      status,
      `${pattern.value} (${profile.description}): ${judged
        .map(j => j.text)
        .join('; ')}.`,
      [],
      { pattern: pattern.value, rtoMs: rtoMs.value, rpoMs: rpoMs.value },
    );
  },
});
