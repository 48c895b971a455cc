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
import type { Verdict } from './definition';
import { CONTINUOUS_ARCHIVING, postgresClustersToJudge } from './postgresScope';
import { storageLocationOf } from './storageLocations';
import {
  offsiteFrom,
  outsideRegionOf,
  systemOfDestination,
  systemOfLocation,
  type Offsite,
  type StorageSystem,
} from './storageSystems';
import type { EvidenceRef } from './types';
import { backupVolumeData } from './veleroVolumeData';
import { backupTime, isCleanRecoveryPoint } from './veleroBackupPhases';

/*
 * The copies of an entity's data, per data set, as the 3-2-1 check and the
 * hot-cold pattern's proof read them.
 */

/** One copy of a data set on one storage system. */
export interface Copy {
  ref: EvidenceRef;
  system: StorageSystem;
  /** How sentences name it. */
  label: string;
  offsite: Offsite;
  /** Whether it is outside the region of the cluster holding the data (another provider or region). */
  outsideRegion: Offsite;
  /** Why it does not count off-site although it is elsewhere: stale or unavailable. */
  notCurrent?: string;
  /** Whether its location's availability or its currency is unknown. */
  currencyUnknown?: string;
  immutable?: boolean;
  /** Kept on the volumes' own storage (an unmoved snapshot): not a medium of its own. */
  onLiveMedium?: boolean;
}

/** The data of an entity kept apart: its workloads' (Velero) or one database's. */
export interface DataSet {
  label: string;
  copies: Copy[];
  /** Why the copies of this data set cannot be told at all. */
  unknownReason?: string;
}

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
          outsideRegion: 'no',
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
          outsideRegion: outsideRegionOf(system, dataCluster(backup.cluster)),
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
      outsideRegion: outsideRegionOf(
        system,
        context.clusters?.get(cluster.cluster),
      ),
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
      outsideRegion: 'no',
      onLiveMedium: true,
    }));
  }
  return { label, copies: madeCopies(copies) };
}

/**
 * The entity's data sets with their copies: its workloads' volume data
 * (Velero) and each CloudNativePG database; `{ result }` when there is none
 * to judge (the PostgreSQL scope's verdict, if any).
 */
export function entityDataSets(
  context: PostureContext,
): { sets: DataSet[] } | { result: Verdict<never> | undefined } {
  const postgres = postgresClustersToJudge(context);
  const sets = [
    veleroDataSet(context),
    ...('clusters' in postgres
      ? postgres.clusters.map(c => postgresDataSet(context, c))
      : []),
  ].filter((set): set is DataSet => set !== undefined);
  if (sets.length === 0) {
    return { result: 'result' in postgres ? postgres.result : undefined };
  }
  return { sets };
}
