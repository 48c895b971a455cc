import { defineCheck, verdict } from './definition';
import { formatDuration } from '../durations';

export const drillObjectives = defineCheck<
  'drill-objectives',
  {
    drillEndedAt: string;
    kind: string;
    achievedRtoMs: number | null;
    achievedRpoMs: number | null;
    metRto: boolean | null;
    metRpo: boolean | null;
  }
>({
  id: 'drill-objectives',
  title: 'Drill met RTO and RPO',
  appliesTo:
    'Every entity; unknown until a recorded drill measured RTO or RPO.',
  docs: "The latest drill that measured RTO or RPO must have met the entity's targets, and must have measured both: one that recorded only one of them is unknown.",
  environmentIndependent: true,
  scorecard: {
    id: 'disasterRecoveryDrillMetObjectives',
    name: 'Drill met RTO and RPO',
    description:
      'The latest drill that measured them achieved the RTO and RPO targets.',
    fact: 'lastDrillMetObjectives',
  },
  evaluate: context => {
    const measured = context.drills
      .filter(
        d => d.achievedRtoMs !== undefined || d.achievedRpoMs !== undefined,
      )
      .sort((a, b) => Date.parse(b.endedAt) - Date.parse(a.endedAt));
    const latest = measured[0];
    if (!latest) {
      return verdict(
        'unknown',
        'No recorded drill has measured an achieved RTO or RPO.',
      );
    }
    const { rtoMs, rpoMs } = context.policy;
    const parts: string[] = [];
    const misses: string[] = [];
    const unknowns: string[] = [];
    /** Whether each objective was met; null when not measured or no target is known. */
    const met: Record<'RTO' | 'RPO', boolean | null> = { RTO: null, RPO: null };
    for (const [name, achieved, target] of [
      ['RTO', latest.achievedRtoMs, rtoMs],
      ['RPO', latest.achievedRpoMs, rpoMs],
    ] as const) {
      if (achieved === undefined) continue;
      if (!target.ok) {
        unknowns.push(target.reason);
        continue;
      }
      const text = `${name} ${formatDuration(
        achieved,
      )} against ${formatDuration(target.value)}`;
      parts.push(text);
      met[name] = achieved <= target.value;
      if (achieved > target.value)
        misses.push(
          `${text} (${formatDuration(achieved - target.value)} over)`,
        );
    }
    const values = {
      drillEndedAt: latest.endedAt,
      kind: latest.kind,
      achievedRtoMs: latest.achievedRtoMs ?? null,
      achievedRpoMs: latest.achievedRpoMs ?? null,
      metRto: met.RTO,
      metRpo: met.RPO,
    };
    const drill = `The ${latest.kind} of ${latest.startedAt}`;
    if (misses.length > 0) {
      return verdict(
        'fail',
        `${drill} missed its target: ${misses.join(', ')}.`,
        [],
        values,
      );
    }
    if (unknowns.length > 0) {
      return verdict('unknown', unknowns.join(' '), [], values);
    }
    const unmeasured = (['RTO', 'RPO'] as const).filter(
      name =>
        (name === 'RTO' ? latest.achievedRtoMs : latest.achievedRpoMs) ===
        undefined,
    );
    if (unmeasured.length > 0) {
      // Half a measurement proves half the recovery: the other target may be missed.
      return verdict(
        'unknown',
        `${drill} measured only ${parts.join(', ')}; its achieved ${
          unmeasured[0]
        } was not recorded, so whether the ${
          unmeasured[0]
        } target was met is not known. Record both in the next drill.`,
        [],
        values,
      );
    }
    return verdict(
      'pass',
      `${drill} met its targets: ${parts.join(', ')}.`,
      [],
      values,
    );
  },
});
