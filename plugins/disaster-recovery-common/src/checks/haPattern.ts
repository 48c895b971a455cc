import { defineCheck, verdict } from './definition';
import { formatDuration } from '../durations';
import { HA_PATTERNS, type PlanningRange } from '../policy';
import { worstStatus } from '../posture/worstStatus';
import { provePattern } from './patternProof';

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
  { pattern: string; rtoMs: number; rpoMs: number; proven: boolean | null }
>({
  id: 'ha-pattern',
  title: 'HA pattern proven and able to meet targets',
  appliesTo: 'Every entity; unknown without a declared pattern.',
  docs: "The declared HA pattern must be real and able to meet the entity's RTO and RPO. Proof from the estate: hot-warm needs a standby cluster of each production cluster (role `standby`, `standbyFor`) in another region or provider that holds its workloads or databases; hot-cold needs a current copy of each of its data sets outside its cluster's region (another provider or region); cloud-native needs every workload to run two or more replicas in two or more zones and every database HA (two ready instances) in two zones; hot-hot needs ready workloads on production clusters in two or more regions. Missing proof fails, saying what is missing; proof that cannot be read (no cluster facts, no zone labels, an unknown region) is unknown. Planning ranges (hot-warm RTO 30–180 min, RPO 5–60 min; hot-cold RTO 8–72 h, RPO 4–24 h): a target tighter than the best case fails, one inside the range warns, one beyond its worst case passes. The worse of the two decides; it passes only with the proof.",
  scorecard: {
    id: 'disasterRecoveryHaPattern',
    name: 'HA pattern proven',
    description:
      "The declared HA pattern is proven by the estate and can meet the service's RTO and RPO.",
    fact: 'haPatternMet',
  },
  evaluate: context => {
    const { pattern, rtoMs, rpoMs } = context.policy;
    if (!pattern.ok) return verdict('unknown', pattern.reason);
    const missing = [rtoMs, rpoMs].flatMap(target =>
      target.ok ? [] : [target.reason],
    );
    if (!rtoMs.ok || !rpoMs.ok) return verdict('unknown', missing.join(' '));
    const profile = HA_PATTERNS[pattern.value];
    const proof = provePattern(context, pattern.value);
    const values = {
      pattern: pattern.value,
      rtoMs: rtoMs.value,
      rpoMs: rpoMs.value,
      proven: proof.status === 'unknown' ? null : proof.status === 'pass',
    };
    const proofText =
      proof.status === 'pass'
        ? `proven: ${proof.text}`
        : `${proof.status === 'fail' ? 'not proven' : 'unproven'}: ${
            proof.text
          } (it needs ${profile.proof})`;
    if (!profile.rto || !profile.rpo) {
      // No planning range to hold the targets against: the proof decides.
      return verdict(
        proof.status,
        `${pattern.value} (${profile.description}) is ${proofText}.`,
        [],
        values,
      );
    }
    const judged = [
      judgeTarget('RTO', rtoMs.value, profile.rto),
      judgeTarget('RPO', rpoMs.value, profile.rpo),
    ];
    const status = worstStatus([...judged.map(j => j.status), proof.status]);
    return verdict(
      status,
      `${pattern.value} (${profile.description}) is ${proofText}; ${judged
        .map(j => j.text)
        .join('; ')}.`,
      [],
      values,
    );
  },
});
