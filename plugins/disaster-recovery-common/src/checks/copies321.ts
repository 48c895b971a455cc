import { parseBackupSchedule, scheduleTiming } from '../cron';
import { formatDuration } from '../durations';
import type { PostgresClusterRecord, VeleroBackupRecord } from '../records';
import {
  describeRef,
  millisecondsSince,
  plural,
  refOf,
  veleroCoverageProblem,
  type PostureContext,
} from './context';
import { defineCheck, verdict, type Verdict } from './definition';
import { CONTINUOUS_ARCHIVING, postgresClustersToJudge } from './postgresScope';
import { storageLocationOf } from './storageLocations';
import {
  offsiteFrom,
  systemOfDestination,
  systemOfLocation,
  type Offsite,
  type StorageSystem,
} from './storageSystems';
import { worstStatus } from '../posture/worstStatus';
import type { CheckStatus, EvidenceRef } from './types';
import { backupVolumeData } from './veleroVolumeData';
import { backupTime, isCleanRecoveryPoint } from './veleroBackupPhases';

/** One copy of a data set on one storage system. */
interface Copy {
  ref: EvidenceRef;
  system: StorageSystem;
  /** How sentences name it. */
  label: string;
  offsite: Offsite;
  /** Why it does not count off-site although it is elsewhere: stale or unavailable. */
  notCurrent?: string;
  /** Whether its location's availability or its currency is unknown. */
  currencyUnknown?: string;
  immutable?: boolean;
  /** Kept on the volumes' own storage (an unmoved snapshot): not a medium of its own. */
  onLiveMedium?: boolean;
}

/** The data of an entity kept apart: its workloads' (Velero) or one database's. */
interface DataSet {
  label: string;
  copies: Copy[];
  /** Why the copies of this data set cannot be told at all. */
  unknownReason?: string;
}

type Values = {
  copies: number;
  media: number;
  places: string[];
  requiredCopies: number;
  requiredOffsiteCopies: number;
  offsiteCopies: number | null;
  immutableCopies: number;
};

const MANIFESTS_ONLY =
  'backups that hold its manifests but not its volume data';

type CopiesBySystem = Map<string, { make: () => Copy; time: number }>;

/**
 * Merges copies by storage system: the newest clean copy decides currency.
 * Only the winner is made, so a schedule's cadence is worked out once per
 * system, not once per backup.
 */
function addCopy(
  copies: CopiesBySystem,
  systemId: string,
  make: () => Copy,
  time = -Infinity,
) {
  const existing = copies.get(systemId);
  if (!existing || time > existing.time) {
    copies.set(systemId, { make, time });
  }
}

function madeCopies(copies: CopiesBySystem): Copy[] {
  return [...copies.values()].map(entry => entry.make());
}

/** The age a copy may have and still count as current. */
function currencyLimitMs(
  context: PostureContext,
  backup: VeleroBackupRecord,
): number | undefined {
  const { rpoMs } = context.policy;
  if (!rpoMs.ok) return undefined;
  const schedule = context.coverage.schedules.find(
    s =>
      s.cluster === backup.cluster &&
      s.namespace === backup.namespace &&
      s.name === backup.scheduleName,
  );
  const parsed = schedule && parseBackupSchedule(schedule.schedule, 'velero');
  const timing =
    parsed && !('error' in parsed)
      ? scheduleTiming(parsed, context.now)
      : undefined;
  // A backup no schedule made is judged against the RPO alone.
  const cadenceMs =
    timing && !('error' in timing) ? timing.cadenceMs : undefined;
  return Math.max(
    rpoMs.value,
    cadenceMs === undefined ? 0 : cadenceMs + context.scheduleGraceMs,
  );
}

type Currency = Pick<Copy, 'notCurrent' | 'currencyUnknown'>;

/** Whether a copy in a location is current: Available, and fresh enough. */
function locationCurrency(
  location: string,
  phase: string | undefined,
  ageMs: number,
  limitMs: number | undefined,
): Currency {
  if (phase === undefined) {
    return { currencyUnknown: `${location} reports no status` };
  }
  if (phase !== 'Available') return { notCurrent: `${location} is ${phase}` };
  if (limitMs === undefined) return { currencyUnknown: 'the RPO is unknown' };
  if (ageMs > limitMs) {
    return {
      notCurrent: `its newest clean copy in ${location} is ${formatDuration(
        ageMs,
      )} old, more than ${formatDuration(limitMs)}`,
    };
  }
  return {};
}

/** A barman store is current while WAL reaches it continuously. */
function archivingCurrency(
  label: string,
  status: 'True' | 'False' | 'Unknown' | undefined,
): Currency {
  if (status === 'True') return {};
  if (status === 'False') {
    return { notCurrent: `WAL archiving of ${label} is failing` };
  }
  return { currencyUnknown: `WAL archiving of ${label} reports no status` };
}

function veleroDataSet(context: PostureContext): DataSet | undefined {
  const problem = veleroCoverageProblem(context);
  if (problem && !problem.verdict) return undefined;
  const label = "the workloads' data";
  if (problem?.verdict) {
    return { label, copies: [], unknownReason: problem.verdict.summary };
  }
  const copies: CopiesBySystem = new Map();
  let manifestsOnly = 0;
  let captureUnknown = 0;
  const dataCluster = (cluster: string) => context.clusters?.get(cluster);
  for (const backup of context.coverage.backups) {
    if (!isCleanRecoveryPoint(backup, context.now)) continue;
    const volumeData = backupVolumeData(context, backup);
    if (volumeData.capture === 'manifests-only') {
      manifestsOnly += 1;
      continue;
    }
    if (volumeData.capture === 'unknown') {
      captureUnknown += 1;
      continue;
    }
    const time = Date.parse(backupTime(backup)!);
    if (
      volumeData.capture === 'captured' &&
      !volumeData.dataInStorageLocation
    ) {
      // A snapshot that was not moved stays with the volume: a copy, on the
      // same medium and in the same failure domain as the data.
      const id = `volume-snapshots|${backup.cluster}`;
      addCopy(
        copies,
        id,
        () => ({
          ref: refOf('Backup', backup),
          system: { id },
          label: `volume snapshots in ${backup.cluster}`,
          offsite: 'no',
          onLiveMedium: true,
        }),
        time,
      );
      continue;
    }
    const { record } = storageLocationOf(context, backup, backup);
    if (!record) continue;
    const system = systemOfLocation(record);
    addCopy(
      copies,
      system.id,
      () => {
        const location = describeRef(record);
        return {
          ref: refOf('BackupStorageLocation', record),
          system,
          label: location,
          offsite: offsiteFrom(system, dataCluster(backup.cluster)),
          ...locationCurrency(
            location,
            record.phase,
            millisecondsSince(context.now, backupTime(backup)!),
            currencyLimitMs(context, backup),
          ),
          immutable: record.immutable,
        };
      },
      time,
    );
  }
  const found = madeCopies(copies);
  if (captureUnknown > 0 && found.length === 0) {
    return {
      label,
      copies: [],
      unknownReason: `whether ${plural(
        captureUnknown,
        'backup',
      )} captured the volume data is not recorded.`,
    };
  }
  if (manifestsOnly > 0 && found.length === 0) {
    return { label: `${label} (only ${MANIFESTS_ONLY})`, copies: [] };
  }
  return { label, copies: found };
}

function postgresDataSet(
  context: PostureContext,
  cluster: PostgresClusterRecord,
): DataSet {
  const label = `database ${describeRef(cluster)}`;
  const destinations: Array<{
    ref: EvidenceRef;
    path: string;
    endpoint?: string;
  }> = [];
  if (cluster.pluginObjectStore) {
    const store = context.postgres.objectStores.find(
      s =>
        s.cluster === cluster.cluster &&
        s.namespace === cluster.namespace &&
        s.name === cluster.pluginObjectStore?.name,
    );
    if (!store?.destinationPath) {
      return {
        label,
        copies: [],
        unknownReason: `the destination of its barman-cloud ObjectStore ${cluster.pluginObjectStore.name} was not collected.`,
      };
    }
    destinations.push({
      ref: refOf('ObjectStore', store),
      path: store.destinationPath,
      endpoint: store.endpoint,
    });
  }
  const inTree = cluster.backupConfiguration;
  if (inTree?.barmanObjectStoreDestination) {
    destinations.push({
      ref: refOf('Cluster', cluster),
      path: inTree.barmanObjectStoreDestination,
      endpoint: inTree.barmanObjectStoreEndpoint,
    });
  }
  if (!inTree && !cluster.pluginObjectStore) {
    return {
      label,
      copies: [],
      unknownReason: 'where it is backed up to was not collected.',
    };
  }
  const archiving = cluster.conditions.find(
    c => c.type === CONTINUOUS_ARCHIVING,
  );
  const copies: CopiesBySystem = new Map();
  for (const destination of destinations) {
    const system = systemOfDestination(destination.path, destination.endpoint);
    addCopy(copies, system.id, () => ({
      ref: destination.ref,
      system,
      label: destination.path,
      offsite: offsiteFrom(system, context.clusters?.get(cluster.cluster)),
      // WAL reaches the store continuously while archiving works.
      ...archivingCurrency(label, archiving?.status),
    }));
  }
  const snapshot = context.postgres.backups.find(
    b =>
      b.cluster === cluster.cluster &&
      b.namespace === cluster.namespace &&
      b.clusterName === cluster.name &&
      b.method === 'volumeSnapshot' &&
      b.phase === 'completed',
  );
  if (snapshot) {
    // Like a Velero snapshot: a copy on the volumes' storage, never off-site.
    const id = `volume-snapshots|${describeRef(cluster)}`;
    addCopy(copies, id, () => ({
      ref: refOf('Backup', snapshot),
      system: { id },
      label: `volume snapshots of ${describeRef(cluster)}`,
      offsite: 'no',
      onLiveMedium: true,
    }));
  }
  return { label, copies: madeCopies(copies) };
}

interface Judged {
  status: CheckStatus;
  sentence: string;
  copies: number;
  media: number;
  offsite: number | null;
}

function judgeDataSet(
  set: DataSet,
  required: { copies: number; offsite: number; title: string },
): Judged {
  if (set.unknownReason) {
    return {
      status: 'unknown',
      sentence: `${set.label}: ${set.unknownReason}`,
      copies: 1,
      media: 1,
      offsite: null,
    };
  }
  const total = set.copies.length + 1;
  const media = 1 + set.copies.filter(c => !c.onLiveMedium).length;
  const requiredMedia = Math.min(2, required.copies);
  const offsite = set.copies.filter(
    c => c.offsite === 'yes' && !c.notCurrent && !c.currencyUnknown,
  );
  const offsiteUnknown = set.copies.filter(
    c =>
      !c.notCurrent &&
      (c.offsite === 'unknown' || (c.offsite === 'yes' && c.currencyUnknown)),
  );
  const base = { copies: total, media, offsite: offsite.length };
  if (total < required.copies || media < requiredMedia) {
    return {
      ...base,
      status: 'fail',
      sentence: `${set.label} has ${plural(
        total,
        'copy',
        'copies',
      )} on ${plural(media, 'storage system')} (the live data and ${
        set.copies.length === 0
          ? 'no backup copy'
          : set.copies.map(c => c.label).join(', ')
      }); ${required.title} needs ${
        required.copies
      } on ${requiredMedia}: add a backup to another storage system.`,
    };
  }
  if (offsite.length >= required.offsite) {
    return {
      ...base,
      status: 'pass',
      sentence: `${set.label} has ${total} copies on ${media} storage systems${
        offsite.length > 0
          ? `, ${offsite.length} current off-site (${offsite
              .map(c => c.label)
              .join(', ')})`
          : ''
      }.`,
    };
  }
  if (offsite.length + offsiteUnknown.length >= required.offsite) {
    return {
      ...base,
      offsite: null,
      status: 'unknown',
      sentence: `${set.label}: whether ${offsiteUnknown
        .map(c => c.label)
        .join(', ')} ${
        offsiteUnknown.length === 1 ? 'is a' : 'are'
      } current off-site ${
        offsiteUnknown.length === 1 ? 'copy' : 'copies'
      } cannot be told (${offsiteUnknown
        .map(
          c =>
            c.currencyUnknown ??
            `the provider or region of ${c.label} or of its cluster is not known`,
        )
        .join('; ')}).`,
    };
  }
  const stale = set.copies.filter(c => c.offsite === 'yes' && c.notCurrent);
  return {
    ...base,
    status: 'fail',
    sentence: `${set.label} has ${plural(
      offsite.length,
      'current off-site copy',
      'current off-site copies',
    )}; ${required.title} needs ${required.offsite}${
      stale.length > 0
        ? `: ${stale.map(c => c.notCurrent).join('; ')}`
        : ': every copy is in the same provider, account and region as the cluster holding the data; copy to another region, account or provider'
    }.`,
  };
}

export const copies321 = defineCheck<'copies-3-2-1', Values>({
  id: 'copies-3-2-1',
  title: '3-2-1 copies',
  appliesTo: 'Entities whose tier sets a copy policy.',
  docs: "3-2-1, counted per data set (the workloads' volume data from Velero, each CloudNativePG database from its barman object store): enough copies (the live data counts as one), on at least two distinct storage systems, with the tier's number of copies off-site. A copy is a distinct storage system (provider, endpoint or account, bucket and prefix): two locations on one bucket are one copy; an unmoved volume snapshot is a copy on the live data's own medium and failure domain. A backup holding only manifests is no copy of volume data, and a Velero backup is not a copy of a database. Off-site means another provider, account or region than the cluster holding the data (cluster facts from config); a copy or cluster whose provider or region is unknown cannot be placed (unknown). An off-site copy counts only while current: its location is Available and its newest clean copy is no older than the larger of the RPO and its schedule's cadence plus the schedule grace (a database's while WAL archiving works). Tiers listed in `immutableCopyTiers` (default tier 1) warn without a copy marked immutable (`disaster-recovery/immutable: \"true\"` on the BackupStorageLocation).",
  scorecard: {
    id: 'disasterRecoveryCopies321',
    name: '3-2-1 backup copies',
    description:
      "Enough copies on two storage systems, with the tier's current off-site copies.",
    fact: 'copies321Met',
  },
  evaluate: (context): Verdict<Values> | undefined => {
    const { tier } = context.policy;
    if (!tier.ok) return verdict('unknown', `No copy policy: ${tier.reason}`);
    const postgres = postgresClustersToJudge(context);
    const sets = [
      veleroDataSet(context),
      ...('clusters' in postgres
        ? postgres.clusters.map(c => postgresDataSet(context, c))
        : []),
    ].filter((set): set is DataSet => set !== undefined);
    if (sets.length === 0) {
      return 'result' in postgres ? postgres.result : undefined;
    }
    const required = {
      copies: tier.value.minimumCopies,
      offsite: tier.value.minimumOffsiteCopies,
      title: tier.value.title,
    };
    const judged = sets.map(set => judgeDataSet(set, required));
    const allCopies = sets.flatMap(set => set.copies);
    const immutable = allCopies.filter(c => c.immutable === true);
    const offsites = judged.map(j => j.offsite);
    const values: Values = {
      copies: Math.min(...judged.map(j => j.copies)),
      media: Math.min(...judged.map(j => j.media)),
      places: [...new Set(allCopies.map(c => c.label))],
      requiredCopies: required.copies,
      requiredOffsiteCopies: required.offsite,
      offsiteCopies: offsites.includes(null)
        ? null
        : Math.min(...(offsites as number[])),
      immutableCopies: immutable.length,
    };
    const refs = allCopies.map(c => c.ref);
    const status = worstStatus(judged.map(j => j.status));
    if (status !== 'pass') {
      const named = judged
        .filter(j => j.status !== 'pass')
        .map(j => j.sentence)
        .join(' ');
      return verdict(status, named, refs, values);
    }
    const summary = judged.map(j => j.sentence).join(' ');
    if (
      context.immutableCopyTiers.includes(tier.value.id) &&
      immutable.length === 0
    ) {
      return verdict(
        'warn',
        `${summary} No copy is known to be immutable, which ${required.title} asks for: enable object lock on a bucket and mark its location disaster-recovery/immutable: "true".`,
        refs,
        values,
      );
    }
    return verdict('pass', summary, refs, values);
  },
});
