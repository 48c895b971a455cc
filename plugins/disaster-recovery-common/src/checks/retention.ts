import { parseBackupSchedule, scheduleTiming } from '../cron';
import { formatDuration, parseGoDuration } from '../durations';
import type { KubernetesRetention, TierPolicy } from '../policy';
import type { PostgresClusterRecord, VeleroScheduleRecord } from '../records';
import { describeRef, refOf, type PostureContext } from './context';
import { defineCheck, verdict } from './definition';
import { verdictOfFindings } from './findings';
import { postgresBackupSetup } from './postgresBackups';
import { postgresRetentionMs } from './postgresRetention';
import type { Finding } from './findings';
import type { EvidenceRef } from './types';
import { isCleanRecoveryPoint } from './veleroBackupPhases';
import {
  holdsVolumeData,
  scheduleCapturesVolumeData,
} from './veleroVolumeData';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Velero's server default (`--default-backup-ttl`), used when a TTL is absent or zero. */
const VELERO_DEFAULT_TTL = '720h0m0s';
const VELERO_DEFAULT_TTL_MS = 720 * HOUR;

interface Judged extends Finding {
  ref: EvidenceRef;
}

/** The retention a schedule's backups need, by how often it runs. */
function requiredFor(
  schedule: VeleroScheduleRecord,
  retention: KubernetesRetention,
  now: Date,
): { requiredMs: number; why: string } {
  const parsed = parseBackupSchedule(schedule.schedule, 'velero');
  const timing = 'error' in parsed ? parsed : scheduleTiming(parsed, now);
  if ('error' in timing) {
    // Its cadence cannot be read: only the longest requirement is safe.
    return {
      requiredMs: retention.weeklyMs,
      why: 'a schedule whose cadence cannot be read',
    };
  }
  if (timing.cadenceMs <= HOUR)
    return { requiredMs: retention.hourlyMs, why: 'an hourly schedule' };
  if (timing.cadenceMs <= DAY)
    return { requiredMs: retention.dailyMs, why: 'a daily schedule' };
  return { requiredMs: retention.weeklyMs, why: 'a weekly or rarer schedule' };
}

/** Judges one TTL as Velero reads it (Go's `time.ParseDuration`). */
function judgeTtl(
  ref: EvidenceRef,
  ttl: string | undefined,
  requiredMs: number,
  why: string,
  tier: TierPolicy,
): Judged {
  const name = describeRef(ref);
  const text = ttl ?? VELERO_DEFAULT_TTL;
  const parsed = parseGoDuration(text);
  if (!parsed.ok) {
    return {
      ref,
      status: 'fail',
      text: `${name} has ttl "${text}", which Velero cannot read (${
        parsed.reason
      }; Go durations have no days: write ${formatGoHours(requiredMs)})`,
    };
  }
  const keptMs =
    parsed.milliseconds === 0 ? VELERO_DEFAULT_TTL_MS : parsed.milliseconds;
  const need = `${formatDuration(requiredMs)} the ${
    tier.title
  } policy requires for ${why}`;
  if (keptMs <= 0) {
    return {
      ref,
      status: 'fail',
      text: `${name} has ttl "${text}", so Velero deletes its backups at once and nothing is kept; set at least ${formatGoHours(
        requiredMs,
      )}`,
    };
  }
  if (keptMs < requiredMs) {
    return {
      ref,
      status: 'fail',
      text: `${name} keeps backups for ${formatDuration(
        keptMs,
      )} (${text}), ${formatDuration(
        requiredMs - keptMs,
      )} less than the ${need}; set ttl to at least ${formatGoHours(
        requiredMs,
      )}`,
    };
  }
  return {
    ref,
    status: 'pass',
    text: `${name} keeps backups for ${formatDuration(
      keptMs,
    )} (${text}), at least the ${need}`,
  };
}

/** A Go duration a person can paste into a TTL, in whole hours when it is one. */
function formatGoHours(milliseconds: number): string {
  return milliseconds % HOUR === 0
    ? `${milliseconds / HOUR}h0m0s`
    : `${Math.ceil(milliseconds / 1000)}s`;
}

/** The active schedule whose backups are kept longest, when every TTL can be read. */
function reachBack(
  schedules: readonly VeleroScheduleRecord[],
): { ref: EvidenceRef; keptMs: number } | undefined {
  let longest: { ref: EvidenceRef; keptMs: number } | undefined;
  for (const schedule of schedules) {
    const parsed = parseGoDuration(schedule.template.ttl ?? VELERO_DEFAULT_TTL);
    // An unreadable TTL is a finding of its own; it may be the long one.
    if (!parsed.ok) return undefined;
    const keptMs =
      parsed.milliseconds === 0 ? VELERO_DEFAULT_TTL_MS : parsed.milliseconds;
    if (!longest || keptMs > longest.keptMs) {
      longest = { ref: refOf('Schedule', schedule), keptMs };
    }
  }
  return longest;
}

function veleroRetentions(context: PostureContext, tier: TierPolicy): Judged[] {
  const retention = tier.kubernetesRetentionMs;
  const active = context.coverage.schedules.filter(s => !s.paused);
  const judged = active.map(schedule => {
    const { requiredMs, why } = requiredFor(schedule, retention, context.now);
    return judgeTtl(
      refOf('Schedule', schedule),
      schedule.template.ttl,
      requiredMs,
      why,
      tier,
    );
  });
  const adHoc = context.coverage.backups.filter(
    backup =>
      !active.some(
        s =>
          s.name === backup.scheduleName &&
          s.cluster === backup.cluster &&
          s.namespace === backup.namespace,
      ),
  );
  if (active.length === 0) {
    // Without an active schedule nothing replaces these backups as they
    // expire, so they must last the longest retention.
    judged.push(
      ...adHoc.map(backup =>
        judgeTtl(
          refOf('Backup', backup),
          backup.ttl,
          retention.weeklyMs,
          'backups no active schedule replaces',
          tier,
        ),
      ),
    );
  }
  // The volume data is kept only as long as the backups that hold it.
  const reach = reachBack(
    active.filter(s => scheduleCapturesVolumeData(context, s)),
  );
  if (reach && reach.keptMs < retention.weeklyMs) {
    // Each schedule can meet its own cadence's retention while none keeps
    // anything as long as the weekly one should: then corruption found
    // after a few days can no longer be undone.
    judged.push({
      ref: reach.ref,
      status: 'fail',
      text: `the longest-kept schedule, ${describeRef(
        reach.ref,
      )}, keeps backups for ${formatDuration(
        reach.keptMs,
      )}, so nothing older can be restored; the ${
        tier.title
      } policy keeps weekly backups for ${formatDuration(
        retention.weeklyMs,
      )}: add a weekly schedule with ttl ${formatGoHours(
        retention.weeklyMs,
      )} or lengthen a TTL`,
    });
  }
  if (
    judged.length > 0 &&
    !context.coverage.backups.some(b => isCleanRecoveryPoint(b, context.now))
  ) {
    judged.push({
      ref: judged[0].ref,
      status: 'fail',
      text: 'no clean (Completed, unexpired) Velero backup of this entity is kept at all, so nothing can be restored whatever the TTLs say',
    });
  } else if (
    judged.length > 0 &&
    !context.coverage.backups.some(
      b => isCleanRecoveryPoint(b, context.now) && holdsVolumeData(context, b),
    )
  ) {
    judged.push({
      ref: judged[0].ref,
      status: 'fail',
      text: "no clean Velero backup kept holds this entity's volume data (only manifests are kept), so its PVCs cannot be restored whatever the TTLs say",
    });
  }
  return judged;
}

function postgresRetention(
  context: PostureContext,
  cluster: PostgresClusterRecord,
  tier: TierPolicy,
): Judged {
  const name = describeRef(cluster);
  const setup = postgresBackupSetup(cluster);
  if (setup === 'none') {
    return {
      ref: refOf('Cluster', cluster),
      status: 'fail',
      text: `${name} has no backup configured (no barmanObjectStore, volume snapshots or barman-cloud plugin), so nothing is kept`,
    };
  }
  const store = cluster.pluginObjectStore
    ? context.postgres.objectStores.find(
        s =>
          s.cluster === cluster.cluster &&
          s.namespace === cluster.namespace &&
          s.name === cluster.pluginObjectStore!.name,
      )
    : undefined;
  const text = cluster.retentionPolicy ?? store?.retentionPolicy;
  const ref =
    store && !cluster.retentionPolicy
      ? refOf('ObjectStore', store)
      : refOf('Cluster', cluster);
  const required = formatDuration(tier.retentionMs);
  if (text === undefined) {
    if (cluster.pluginObjectStore && !store) {
      return {
        ref,
        status: 'unknown',
        text: `${name} backs up through ObjectStore ${cluster.pluginObjectStore.name}, which was not collected, so its retention policy cannot be read`,
      };
    }
    return {
      ref,
      status: 'warn',
      text: `${name} has no retention policy, so its backups and WAL are kept until someone deletes them and never pruned; set retentionPolicy to at least ${Math.ceil(
        tier.retentionMs / DAY,
      )}d`,
    };
  }
  const keptMs = postgresRetentionMs(text);
  if (keptMs === undefined) {
    return {
      ref,
      status: 'fail',
      text: `${describeRef(
        ref,
      )} has retentionPolicy "${text}", which CloudNativePG cannot read (it takes a number and d, w or m, such as 30d)`,
    };
  }
  if (keptMs < tier.retentionMs) {
    return {
      ref,
      status: 'fail',
      text: `${describeRef(ref)} keeps backups for ${formatDuration(
        keptMs,
      )} (${text}), ${formatDuration(
        tier.retentionMs - keptMs,
      )} less than the ${required} the ${
        tier.title
      } policy requires for PostgreSQL`,
    };
  }
  return {
    ref,
    status: 'pass',
    text: `${describeRef(ref)} keeps backups for ${formatDuration(
      keptMs,
    )} (${text}), at least the ${required} the ${
      tier.title
    } policy requires for PostgreSQL`,
  };
}

export const retention = defineCheck<'retention', { retentions: string[] }>({
  id: 'retention',
  title: 'Retention meets policy',
  appliesTo:
    'Entities whose tier sets a retention, for their Velero backups and each PostgreSQL cluster.',
  docs: "Backups must be kept as long as the tier requires, read exactly as the controllers read them. Each active Velero schedule's TTL (a Go duration: `30d` is not one, and Velero cannot read it) must reach the retention for its cadence: 48 h for hourly, 7 days for daily, 30 days for weekly or rarer schedules by default. The longest-kept active schedule must also reach the weekly retention, so that something as old as that can still be restored. Without an active schedule the covering backups must last the longest of these. Nothing kept (no clean backup, or a negative TTL) fails. Each PostgreSQL cluster's retention policy (`30d`, `4w`, `1m` — barman counts a month as 31 days) must reach the PostgreSQL retention, 30 days by default; a cluster without one warns, because its backups are never pruned.",
  scorecard: {
    omitted:
      'Retention is a finding for the platform team rather than a per-service scorecard statement.',
  },
  evaluate: context => {
    const { tier } = context.policy;
    if (!tier.ok)
      return verdict('unknown', `No retention policy: ${tier.reason}`);
    const judged = [
      ...veleroRetentions(context, tier.value),
      ...context.postgres.clusters.map(c =>
        postgresRetention(context, c, tier.value),
      ),
    ];
    if (judged.length === 0) {
      return verdict(
        'unknown',
        'No schedule, backup or PostgreSQL cluster of this entity was found to read a retention from.',
      );
    }
    const refs = judged
      .map(j => j.ref)
      .filter((ref, i, all) => all.indexOf(ref) === i);
    const values = { retentions: judged.map(j => j.text) };
    return verdictOfFindings(judged, refs, values);
  },
});
