import { formatDuration, parseDuration } from '../durations';
import { check, describeRef, refOf, type CheckRule } from './context';
import { postgresRetentionMs } from './postgresRetention';
import type { EvidenceRef } from './types';

/** Velero keeps a backup this long when neither the backup nor its schedule sets a TTL. */
const VELERO_DEFAULT_TTL = '720h0m0s';

interface Kept {
  ref: EvidenceRef;
  text: string;
  keptMs?: number;
}

/**
 * Backups must be kept at least as long as the tier's retention: the TTL of
 * each active Velero schedule (of the covering backups when there is no
 * schedule) and the retention policy of each PostgreSQL cluster (or of its
 * barman-cloud ObjectStore).
 */
export const retention: CheckRule = context => {
  const { tier } = context.policy;
  if (!tier.ok)
    return check('retention', 'unknown', `No retention policy: ${tier.reason}`);
  const required = tier.value.retentionMs;
  const kept: Kept[] = [];
  const activeSchedules = context.coverage.schedules.filter(s => !s.paused);
  if (activeSchedules.length > 0) {
    for (const schedule of activeSchedules) {
      const text = schedule.template.ttl ?? VELERO_DEFAULT_TTL;
      kept.push({
        ref: refOf('Schedule', schedule),
        text,
        keptMs: parseDuration(text),
      });
    }
  } else {
    for (const backup of context.coverage.backups) {
      const text = backup.ttl ?? VELERO_DEFAULT_TTL;
      kept.push({
        ref: refOf('Backup', backup),
        text,
        keptMs: parseDuration(text),
      });
    }
  }
  for (const cluster of context.postgres.clusters) {
    const store = cluster.pluginObjectStore
      ? context.postgres.objectStores.find(
          s =>
            s.cluster === cluster.cluster &&
            s.namespace === cluster.namespace &&
            s.name === cluster.pluginObjectStore!.name,
        )
      : undefined;
    const text = cluster.retentionPolicy ?? store?.retentionPolicy;
    if (text !== undefined) {
      kept.push({
        ref:
          store && !cluster.retentionPolicy
            ? refOf('ObjectStore', store)
            : refOf('Cluster', cluster),
        text,
        keptMs: postgresRetentionMs(text, context.now),
      });
    } else {
      // Without a retention policy barman keeps everything: nothing is too short.
      kept.push({
        ref: refOf('Cluster', cluster),
        text: 'no retention policy (kept until deleted)',
        keptMs: Infinity,
      });
    }
  }
  const refs = kept.map(item => item.ref);
  const policy = formatDuration(required);
  if (kept.length === 0) {
    return check(
      'retention',
      'unknown',
      'No schedule, backup or PostgreSQL cluster of this entity was found to read a retention from.',
    );
  }
  const short = kept.filter(
    item => item.keptMs !== undefined && item.keptMs < required,
  );
  const values = {
    requiredMs: required,
    retentions: kept.map(item => `${describeRef(item.ref)}: ${item.text}`),
  };
  if (short.length > 0) {
    const worst = short.reduce((a, b) => (b.keptMs! < a.keptMs! ? b : a));
    return check(
      'retention',
      'fail',
      `${describeRef(worst.ref)} keeps backups for ${formatDuration(
        worst.keptMs!,
      )} (${worst.text}), ${formatDuration(
        required - worst.keptMs!,
      )} less than the ${policy} the ${tier.value.title} policy requires.`,
      refs,
      values,
    );
  }
  const unreadable = kept.filter(item => item.keptMs === undefined);
  if (unreadable.length > 0) {
    return check(
      'retention',
      'unknown',
      `Cannot read the retention of ${unreadable
        .map(item => `${describeRef(item.ref)} ("${item.text}")`)
        .join(', ')}.`,
      refs,
      values,
    );
  }
  return check(
    'retention',
    'pass',
    `Every schedule and database keeps backups for at least the ${policy} the ${tier.value.title} policy requires.`,
    refs,
    values,
  );
};
