import { defineCheck, verdict } from './definition';
import {
  drillHistory,
  type DrillHistoryEntry,
  type DrillKind,
} from '../drills';
import { formatDuration } from '../durations';
import type { TierPolicy } from '../policy';
import { millisecondsSince, type PostureContext } from './context';

type RecordedEntry = Extract<DrillHistoryEntry, { source: 'recorded' }>;

/** The policy interval a drill of each kind answers to. */
function intervalOf(tier: TierPolicy, kind: DrillKind): number | undefined {
  const byKind: Record<DrillKind, number | undefined> = {
    'restore-test': tier.restoreTestIntervalMs,
    'dr-drill': tier.drillIntervalMs,
    'full-dr-test': tier.fullDrTestIntervalMs,
    'failover-drill': tier.failoverDrillIntervalMs,
  };
  return byKind[kind] ?? tier.drillIntervalMs;
}

/** A restore test of one component says nothing of the service's RTO. */
function measuresServiceRto(entry: RecordedEntry): boolean {
  return (
    entry.kind !== 'restore-test' || entry.drill.coversWholeService === true
  );
}

const describe = (entry: RecordedEntry) =>
  `the ${entry.kind} of ${entry.drill.startedAt}`;

function achievedOf(
  entry: RecordedEntry,
  objective: 'RTO' | 'RPO',
): number | undefined {
  if (objective === 'RPO') return entry.achievedRpoMs;
  return measuresServiceRto(entry) ? entry.achievedRtoMs : undefined;
}

/**
 * A drill as recent as `used` that did not succeed (failed or incomplete)
 * but measured a miss: the latest measurement says the target is missed,
 * whatever an older or equally old success says.
 */
function laterMissOf(
  history: RecordedEntry[],
  used: RecordedEntry,
  objective: 'RTO' | 'RPO',
  targetMs: number,
): RecordedEntry | undefined {
  const usedEnd = Date.parse(used.drill.endedAt);
  return history.find(e => {
    const achieved = achievedOf(e, objective);
    return (
      e.counts &&
      !e.succeeded &&
      Date.parse(e.drill.endedAt) >= usedEnd &&
      achieved !== undefined &&
      achieved > targetMs
    );
  });
}

function recordedHistory(context: PostureContext): RecordedEntry[] {
  return drillHistory(context.drills, [], {
    requirements: context.drillRequirements,
    now: context.now,
  }).filter((entry): entry is RecordedEntry => entry.source === 'recorded');
}

/** Why no succeeded drill gave the objectives, for a sentence. */
function whyNone(history: RecordedEntry[], tierTitle: string): string {
  const measured = history.find(
    e => e.achievedRtoMs !== undefined || e.achievedRpoMs !== undefined,
  );
  if (measured && !measured.succeeded) {
    return `The latest drill that measured them, ${describe(measured)}, ${
      measured.outcome === 'incomplete' ? 'was incomplete' : 'failed'
    } (${measured.reasons.join(
      '; ',
    )}): a failed or incomplete drill never meets targets.`;
  }
  if (measured) {
    return `The last succeeded drill that measured them, ${describe(
      measured,
    )}, is older than ${tierTitle} allows for a ${measured.kind}.`;
  }
  return 'No recorded drill has measured an achieved RTO or RPO.';
}

export const drillObjectives = defineCheck<
  'drill-objectives',
  {
    drillEndedAt: string;
    kind: string;
    achievedRtoMs: number | null;
    achievedRpoMs: number | null;
    metRto: boolean | null;
    metRpo: boolean | null;
    rtoDrillKind: string | null;
    rtoDrillEndedAt: string | null;
    rtoDrillAchievedRtoMs: number | null;
  }
>({
  id: 'drill-objectives',
  title: 'Drill met RTO and RPO',
  appliesTo:
    'Every entity; unknown until a succeeded drill within its policy interval measured RTO or RPO.',
  docs: "Each objective is judged on the latest succeeded drill within its kind's policy interval that measured it (the RPO may be derived from the restore target and the restored backup or WAL); a failed or incomplete drill never meets targets, but a miss it measured, as recent as that success or more, fails; and a restore test's RTO counts only when it covered the whole service. Both must be known: a drill record that gives only one of them is unknown.",
  environmentIndependent: true,
  scorecard: {
    id: 'disasterRecoveryDrillMetObjectives',
    name: 'Drill met RTO and RPO',
    description:
      'The latest succeeded drills within their interval achieved the RTO and RPO targets.',
    fact: 'lastDrillMetObjectives',
  },
  evaluate: context => {
    const { tier, rtoMs, rpoMs } = context.policy;
    if (!tier.ok) {
      return verdict('unknown', `No drill policy: ${tier.reason}`);
    }
    const history = recordedHistory(context);
    const withinInterval = (entry: RecordedEntry) => {
      const intervalMs = intervalOf(tier.value, entry.kind);
      return (
        intervalMs !== undefined &&
        millisecondsSince(context.now, entry.drill.endedAt) <= intervalMs
      );
    };
    const counted = history.filter(e => e.succeeded && withinInterval(e));
    const byObjective = {
      RTO: counted.find(
        e => e.achievedRtoMs !== undefined && measuresServiceRto(e),
      ),
      RPO: counted.find(e => e.achievedRpoMs !== undefined),
    };
    const used = [byObjective.RTO, byObjective.RPO].filter(
      (e): e is RecordedEntry => e !== undefined,
    );
    if (used.length === 0) {
      return verdict('unknown', whyNone(history, tier.value.title));
    }
    const newest = used.reduce((a, b) =>
      Date.parse(b.drill.endedAt) > Date.parse(a.drill.endedAt) ? b : a,
    );
    const parts: string[] = [];
    const misses: string[] = [];
    const unknowns: string[] = [];
    const met: Record<'RTO' | 'RPO', boolean | null> = { RTO: null, RPO: null };
    // The drill whose measurement decided the RTO, for the verdict to name:
    // a later miss overrides the success it follows.
    let rtoDecidedBy: RecordedEntry | undefined;
    for (const [name, target] of [
      ['RTO', rtoMs],
      ['RPO', rpoMs],
    ] as const) {
      const entry = byObjective[name];
      const achieved =
        name === 'RTO' ? entry?.achievedRtoMs : entry?.achievedRpoMs;
      if (!entry || achieved === undefined) continue;
      if (name === 'RTO') rtoDecidedBy = entry;
      if (!target.ok) {
        unknowns.push(target.reason);
        continue;
      }
      const text = `${name} ${formatDuration(
        achieved,
      )} against ${formatDuration(target.value)} (${describe(entry)})`;
      parts.push(text);
      const laterMiss = laterMissOf(history, entry, name, target.value);
      met[name] = achieved <= target.value && !laterMiss;
      if (laterMiss) {
        if (name === 'RTO') rtoDecidedBy = laterMiss;
        const missed = achievedOf(laterMiss, name)!;
        misses.push(
          `${name} ${formatDuration(missed)} against ${formatDuration(
            target.value,
          )} (${describe(laterMiss)}, which ${
            laterMiss.outcome === 'incomplete' ? 'was incomplete' : 'failed'
          }: its measurement still counts against the target)`,
        );
      } else if (achieved > target.value) {
        misses.push(
          `${name} ${formatDuration(achieved)} against ${formatDuration(
            target.value,
          )}, ${formatDuration(achieved - target.value)} over (${describe(
            entry,
          )})`,
        );
      }
    }
    const values = {
      drillEndedAt: newest.drill.endedAt,
      kind: newest.kind,
      achievedRtoMs: byObjective.RTO?.achievedRtoMs ?? null,
      achievedRpoMs: byObjective.RPO?.achievedRpoMs ?? null,
      metRto: met.RTO,
      metRpo: met.RPO,
      rtoDrillKind: rtoDecidedBy?.kind ?? null,
      rtoDrillEndedAt: rtoDecidedBy?.drill.endedAt ?? null,
      rtoDrillAchievedRtoMs: rtoDecidedBy
        ? achievedOf(rtoDecidedBy, 'RTO') ?? null
        : null,
    };
    if (misses.length > 0) {
      return verdict(
        'fail',
        `A drill missed its target: ${misses.join('; ')}.`,
        [],
        values,
      );
    }
    if (unknowns.length > 0) {
      return verdict('unknown', unknowns.join(' '), [], values);
    }
    const unmeasured = (['RTO', 'RPO'] as const).find(
      name => !byObjective[name],
    );
    if (unmeasured) {
      // Half a measurement proves half the recovery: the other target may be missed.
      const componentOnly =
        unmeasured === 'RTO' && counted.some(e => e.achievedRtoMs !== undefined)
          ? ' (a restore test of one component is not compared with the service RTO unless it covered the whole service)'
          : '';
      return verdict(
        'unknown',
        `Only ${parts.join(
          ', ',
        )} is known: no succeeded drill within its policy interval measured the achieved ${unmeasured}${componentOnly}, so whether the ${unmeasured} target is met is not known. Record both in the next drill.`,
        [],
        values,
      );
    }
    return verdict(
      'pass',
      `Drills met the targets: ${parts.join(', ')}.`,
      [],
      values,
    );
  },
});
