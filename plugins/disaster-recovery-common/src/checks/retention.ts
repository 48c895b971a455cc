import { formatDuration, parseDuration } from '../durations';
import type { PostgresClusterRecord } from '../records';
import { describeRef, refOf, type PostureContext } from './context';
import { defineCheck, verdict } from './definition';
import { postgresRetentionMs } from './postgresRetention';
import type { EvidenceRef } from './types';

/** Velero keeps a backup this long when neither the backup nor its schedule sets a TTL. */
const VELERO_DEFAULT_TTL = '720h0m0s';

interface Kept {
  ref: EvidenceRef;
  text: string;
  keptMs?: number;
}

type Verdict =
  | { status: 'pass' }
  | { status: 'unknown'; items: Kept[] }
  | { status: 'fail'; item: Kept };

/**
 * Judges one data set's retention from what keeps it. A restore can reach
 * back as far as the longest-kept copy, so a frequent short-lived schedule
 * next to a daily long-lived one (grandfather-father-son) meets the policy;
 * only when even the longest is too short does the data set fail.
 */
function judge(kept: Kept[], requiredMs: number): Verdict {
  const readable = kept.filter(item => item.keptMs !== undefined);
  const longest = readable.reduce<Kept | undefined>(
    (best, item) => (!best || item.keptMs! > best.keptMs! ? item : best),
    undefined,
  );
  if (longest && longest.keptMs! >= requiredMs) return { status: 'pass' };
  const unreadable = kept.filter(item => item.keptMs === undefined);
  // An unreadable retention might be the long one: the data set cannot be judged.
  if (unreadable.length > 0) return { status: 'unknown', items: unreadable };
  return { status: 'fail', item: longest! };
}

function veleroRetentions(context: PostureContext): Kept[] {
  const activeSchedules = context.coverage.schedules.filter(s => !s.paused);
  if (activeSchedules.length > 0) {
    return activeSchedules.map(schedule => {
      const text = schedule.template.ttl ?? VELERO_DEFAULT_TTL;
      return {
        ref: refOf('Schedule', schedule),
        text,
        keptMs: parseDuration(text),
      };
    });
  }
  return context.coverage.backups.map(backup => {
    const text = backup.ttl ?? VELERO_DEFAULT_TTL;
    return { ref: refOf('Backup', backup), text, keptMs: parseDuration(text) };
  });
}

function postgresRetention(
  context: PostureContext,
  cluster: PostgresClusterRecord,
): Kept {
  const store = cluster.pluginObjectStore
    ? context.postgres.objectStores.find(
        s =>
          s.cluster === cluster.cluster &&
          s.namespace === cluster.namespace &&
          s.name === cluster.pluginObjectStore!.name,
      )
    : undefined;
  const text = cluster.retentionPolicy ?? store?.retentionPolicy;
  if (text === undefined) {
    // Without a retention policy barman keeps everything: nothing is too short.
    return {
      ref: refOf('Cluster', cluster),
      text: 'no retention policy (kept until deleted)',
      keptMs: Infinity,
    };
  }
  return {
    ref:
      store && !cluster.retentionPolicy
        ? refOf('ObjectStore', store)
        : refOf('Cluster', cluster),
    text,
    keptMs: postgresRetentionMs(text, context.now),
  };
}

export const retention = defineCheck<'retention', { requiredMs: number; retentions: string[]; longestVeleroRetentionMs: number | null }>({
  id: 'retention',
  title: 'Retention meets policy',
  appliesTo: 'Entities whose tier sets a retention, for their Velero backups and each PostgreSQL cluster.',
  docs: "Backups must reach back at least the tier's retention. The entity's Velero backups are one data set, judged by the longest TTL among its active schedules (of the covering backups when none is active); shorter ones are listed in the evidence. Each PostgreSQL cluster is a data set of its own, judged by its (or its barman-cloud ObjectStore's) retention policy.",
  scorecard: { omitted: 'Retention is a finding for the platform team rather than a per-service scorecard statement.' },
  evaluate: context => {
  const { tier } = context.policy;
  if (!tier.ok)
    return verdict('unknown', `No retention policy: ${tier.reason}`);
  const required = tier.value.retentionMs;
  const policy = formatDuration(required);
  const velero = veleroRetentions(context);
  const dataSets = [
    ...(velero.length > 0 ? [velero] : []),
    ...context.postgres.clusters.map(c => [postgresRetention(context, c)]),
  ];
  if (dataSets.length === 0) {
    return verdict('unknown',
      'No schedule, backup or PostgreSQL cluster of this entity was found to read a retention from.',
    );
  }
  const kept = dataSets.flat();
  const refs = kept.map(item => item.ref);
  const longestVelero = Math.max(
    ...velero.map(item => item.keptMs ?? -Infinity),
  );
  const values = {
    requiredMs: required,
    retentions: kept.map(item => `${describeRef(item.ref)}: ${item.text}`),
    longestVeleroRetentionMs: Number.isFinite(longestVelero)
      ? longestVelero
      : null,
  };
  const verdicts = dataSets.map(items => judge(items, required));
  const failed = verdicts.flatMap(v => (v.status === 'fail' ? [v.item] : []));
  if (failed.length > 0) {
    const worst = failed.reduce((a, b) => (b.keptMs! < a.keptMs! ? b : a));
    const longest = velero.includes(worst) && velero.length > 1;
    return verdict('fail',
      `${describeRef(worst.ref)}${
        longest ? ', the longest-kept of its schedules,' : ''
      } keeps backups for ${formatDuration(worst.keptMs!)} (${
        worst.text
      }), ${formatDuration(
        required - worst.keptMs!,
      )} less than the ${policy} the ${tier.value.title} policy requires.`,
      refs,
      values,
    );
  }
  const unreadable = verdicts.flatMap(v =>
    v.status === 'unknown' ? v.items : [],
  );
  if (unreadable.length > 0) {
    return verdict('unknown',
      `Cannot read the retention of ${unreadable
        .map(item => `${describeRef(item.ref)} ("${item.text}")`)
        .join(', ')}.`,
      refs,
      values,
    );
  }
  return verdict('pass',
    `Backups are kept for at least the ${policy} the ${
      tier.value.title
    } policy requires${
      velero.length > 1 ? ', judged by the longest-kept schedule' : ''
    }.`,
    refs,
    values,
  );
  },
});
