import { isJsonObject, type KubeObject } from '../kube/kubeObject.ts';
import { Types } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import { kubeTimestamp } from '../time/timestamps.ts';
import type { EngineContext, LifecycleController } from './engineContext.ts';
import { writeStatus } from './writeStatus.ts';
import { veleroCadence, type Cadence } from './scheduleCadence.ts';
import {
  backupObject,
  decideBackupRun,
  scheduleStorageLocation,
  templateOf,
  volumeFailures,
  type BackupRun,
} from './veleroBackupRun.ts';
import {
  volumeCapture,
  volumeWorkObjects,
  volumeWorkRefs,
  type VolumeCapture,
} from './veleroVolumeCapture.ts';

interface SyncTarget {
  cluster: SimulatedCluster;
  location: KubeObject;
}

interface ScheduleState {
  cluster: SimulatedCluster;
  object: KubeObject;
  /** Bumped on every change; queued fires carrying an older token are void. */
  token: number;
  lastFire?: number;
  /** The schedule's latest backup while it is still InProgress. */
  running?: { name: string; namespace: string; until: number };
  statusDirty: boolean;
}

/**
 * The repository identifier Velero gives a namespace's file-system backups
 * on a storage location (restic-style, which kopia keeps).
 */
function repoIdentifier(
  location: KubeObject | undefined,
  namespace: string,
): string {
  const spec = location && isJsonObject(location.spec) ? location.spec : {};
  const storage = isJsonObject(spec.objectStorage) ? spec.objectStorage : {};
  const path = [storage.bucket, storage.prefix]
    .filter(part => typeof part === 'string' && part !== '')
    .join('/');
  const config = isJsonObject(spec.config) ? spec.config : {};
  if (spec.provider === 'gcp') return `gs:${path}:/kopia/${namespace}`;
  const region =
    typeof config.region === 'string' ? config.region : 'us-east-1';
  return `s3:s3-${region}.amazonaws.com/${path}/kopia/${namespace}`;
}

function isPaused(schedule: KubeObject): boolean {
  return isJsonObject(schedule.spec) && schedule.spec.paused === true;
}

function lastBackupTime(schedule: KubeObject): number | undefined {
  const last = isJsonObject(schedule.status)
    ? schedule.status.lastBackup
    : undefined;
  return typeof last === 'string' ? Date.parse(last) : undefined;
}

function lastSkippedTime(schedule: KubeObject): number | undefined {
  const skipped = isJsonObject(schedule.status)
    ? schedule.status.lastSkipped
    : undefined;
  return typeof skipped === 'string' ? Date.parse(skipped) : undefined;
}

/**
 * Velero's schedule and garbage-collection controllers, and the backup
 * sync of other clusters: Schedules make Backups on their cadence, Backups
 * finish after their run time, expire at `status.expiration`, and appear in
 * every cluster with a storage location on the same bucket (how a warm
 * standby sees the active cluster's backups).
 */
export class VeleroScheduleController implements LifecycleController {
  private readonly states = new Map<string, ScheduleState>();
  private readonly seenWrites = new Map<SimulatedCluster, number>();
  private readonly syncTargetCache = new Map<
    string,
    { stamp: number; targets: SyncTarget[] }
  >();

  private readonly context: EngineContext;

  constructor(context: EngineContext) {
    this.context = context;
  }

  reconcile(cluster: SimulatedCluster): void {
    if (!cluster.serves(Types.veleroSchedule)) {
      return;
    }
    const schedules = cluster.collection(Types.veleroSchedule);
    if (this.seenWrites.get(cluster) === schedules.lastWriteVersion) {
      return;
    }
    const present = new Set<string>();
    for (const schedule of schedules.values()) {
      const key = `${cluster.name}/${schedule.metadata.namespace}/${schedule.metadata.name}`;
      present.add(key);
      const state = this.states.get(key);
      if (state?.object === schedule) {
        continue;
      }
      const next: ScheduleState = {
        cluster,
        object: schedule,
        token: (state?.token ?? 0) + 1,
        lastFire: state?.lastFire ?? lastBackupTime(schedule),
        running: state?.running,
        statusDirty: false,
      };
      // Fires already queued hold the old state: voiding its token stops
      // them (a paused or changed schedule must not keep its old chain).
      if (state) state.token = next.token;
      this.states.set(key, next);
      this.plan(next);
    }
    for (const [key, state] of this.states) {
      if (state.cluster === cluster && !present.has(key)) {
        this.states.delete(key);
      }
    }
    this.seenWrites.set(cluster, schedules.lastWriteVersion);
  }

  private plan(state: ScheduleState): void {
    const schedule = state.object;
    const spec = isJsonObject(schedule.spec) ? schedule.spec : {};
    let cadence: Cadence;
    try {
      cadence = veleroCadence(String(spec.schedule ?? ''));
    } catch (error) {
      this.writeScheduleStatus(state, {
        phase: 'FailedValidation',
        validationErrors: [`invalid schedule: ${(error as Error).message}`],
      });
      return;
    }
    const status = isJsonObject(schedule.status) ? schedule.status : {};
    if (status.phase !== 'Enabled') {
      state.statusDirty = true;
    }
    if (isPaused(schedule)) {
      return;
    }
    const now = this.context.now();
    // Velero's getNextRunTime: the run after the last backup (else the
    // creation), or after the last skip when that is later. A schedule never
    // fires before it exists.
    const created = Date.parse(String(schedule.metadata.creationTimestamp));
    const skipped = lastSkippedTime(schedule);
    const since = Math.max(
      state.lastFire ?? (created || now),
      skipped ?? -Infinity,
    );
    // A new schedule (never run, never skipped) is due at once, as is one
    // unpaused after a run it missed (the Schedule CRD's skipImmediately).
    const due =
      state.lastFire === undefined && skipped === undefined
        ? Math.max(now, created || now)
        : cadence(since);
    if (due > now) {
      this.queueFire(state, cadence, due);
    } else if (spec.skipImmediately === true) {
      // Velero consumes the flag: it resets it and records the skip, and the
      // next run counts from then.
      this.skipOnce(state, now);
      this.queueFire(state, cadence, cadence(now));
    } else {
      this.queueFire(state, cadence, now);
    }
  }

  private skipOnce(state: ScheduleState, now: number): void {
    const written = this.context.write(
      state.cluster,
      {
        ...state.object,
        spec: { ...(state.object.spec as object), skipImmediately: false },
        status: {
          ...(isJsonObject(state.object.status) ? state.object.status : {}),
          lastSkipped: kubeTimestamp(now),
        },
      },
      now,
    );
    if (written) {
      this.adopt(state, written);
    }
  }

  /** Keeps the controller's own write from being read as a user's change. */
  private adopt(state: ScheduleState, written: KubeObject): void {
    state.object = written;
    this.seenWrites.set(
      state.cluster,
      state.cluster.collection(Types.veleroSchedule).lastWriteVersion,
    );
  }

  private queueFire(state: ScheduleState, cadence: Cadence, at: number): void {
    const token = state.token;
    this.context.queue.push({
      at,
      run: horizon => {
        if (state.token !== token) {
          return;
        }
        const busyUntil = this.busyUntil(state, at);
        if (busyUntil !== undefined) {
          // Velero's checkIfBackupInNewOrProgress: no overlapping run. The
          // schedule stays due (lastBackup is unchanged), so its periodic
          // resync starts the run once the one in progress has finished.
          if (Number.isFinite(busyUntil)) {
            this.queueFire(state, cadence, busyUntil);
          }
          return;
        }
        this.fire(state, at, horizon);
        this.queueFire(state, cadence, cadence(at));
      },
    });
  }

  /** When the schedule's backup in progress at `at` finishes, if there is one. */
  private busyUntil(state: ScheduleState, at: number): number | undefined {
    const running = state.running;
    if (
      running === undefined ||
      running.until <= at ||
      !state.cluster.find(Types.veleroBackup, running.namespace, running.name)
    ) {
      return undefined;
    }
    return running.until;
  }

  private fire(state: ScheduleState, at: number, horizon: number): void {
    const { cluster, object: schedule } = state;
    const namespace = schedule.metadata.namespace ?? 'velero';
    const location = scheduleStorageLocation(
      schedule,
      this.defaultLocation(cluster, namespace),
    );
    const bsl = location
      ? cluster.find(Types.backupStorageLocation, namespace, location)
      : undefined;
    const decided = decideBackupRun({
      seed: this.context.behaviour.seed,
      cluster: cluster.name,
      schedule,
      firedAt: at,
      policy: this.context.behaviour.backupRuns(cluster.name, schedule),
      storageLocation: bsl ? location : undefined,
      locationPhase: bsl
        ? String((isJsonObject(bsl.status) && bsl.status.phase) || '')
        : undefined,
    });
    // The volumes in scope when the backup starts, as Velero finds them.
    const run: BackupRun =
      decided.phase === 'FailedValidation'
        ? decided
        : {
            ...decided,
            capture: volumeCapture(cluster, templateOf(schedule)),
          };
    state.lastFire = at;
    state.running = {
      name: run.name,
      namespace: run.namespace,
      until: run.completedAt,
    };
    state.statusDirty = true;
    const finishedByHorizon = run.completedAt <= horizon;
    const written = this.context.write(
      cluster,
      backupObject(schedule, run, finishedByHorizon ? 'final' : 'inProgress'),
      at,
    );
    if (finishedByHorizon) {
      this.finish(cluster, written, schedule, run);
    } else if (Number.isFinite(run.completedAt)) {
      this.context.queue.push({
        at: run.completedAt,
        run: () => {
          if (cluster.find(Types.veleroBackup, run.namespace, run.name)) {
            const final = this.context.write(
              cluster,
              backupObject(schedule, run, 'final'),
              run.completedAt,
            );
            this.finish(cluster, final, schedule, run);
          }
        },
      });
    }
    this.context.queue.push({
      at: run.expiresAt,
      run: () => this.expire(cluster, run),
    });
  }

  /** A finished backup: its volume work written, then synced to other clusters. */
  private finish(
    cluster: SimulatedCluster,
    backup: KubeObject | undefined,
    schedule: KubeObject,
    run: BackupRun,
  ): void {
    if (backup) {
      this.writeVolumeWork(
        cluster,
        backup,
        run,
        cluster.find(
          Types.backupStorageLocation,
          run.namespace,
          run.storageLocation,
        ),
      );
    }
    this.sync(cluster, schedule, run);
  }

  /**
   * The PodVolumeBackups and DataUploads of a finished backup. Written once
   * it has finished rather than while it runs: the rules read them only for
   * finished backups.
   */
  private writeVolumeWork(
    cluster: SimulatedCluster,
    backup: KubeObject,
    run: BackupRun,
    location: KubeObject | undefined,
  ): void {
    const capture: VolumeCapture | undefined = run.capture;
    if (
      !capture ||
      capture.podVolumes.length + capture.dataUploads.length === 0
    ) {
      return;
    }
    for (const object of volumeWorkObjects({
      backup,
      capture,
      failed: volumeFailures(run).work,
      times: { startedAt: run.startedAt, completedAt: run.completedAt },
      repoIdentifier: namespace => repoIdentifier(location, namespace),
    })) {
      this.context.write(cluster, object, run.completedAt);
    }
  }

  /** The location marked `spec.default`, as Velero picks it. */
  private defaultLocation(
    cluster: SimulatedCluster,
    namespace: string,
  ): string | undefined {
    for (const bsl of cluster
      .collection(Types.backupStorageLocation)
      .values()) {
      if (
        bsl.metadata.namespace === namespace &&
        isJsonObject(bsl.spec) &&
        bsl.spec.default === true
      ) {
        return bsl.metadata.name;
      }
    }
    return undefined;
  }

  /** Changes whenever any cluster's storage locations change. */
  private locationsStamp(): number {
    let stamp = 0;
    for (const cluster of this.context.clusters.values()) {
      if (cluster.serves(Types.backupStorageLocation)) {
        stamp += cluster.collection(
          Types.backupStorageLocation,
        ).lastWriteVersion;
      }
    }
    return stamp;
  }

  /**
   * Locations in other clusters that read the same bucket and prefix; their
   * Velero's backup sync creates the backup there too. Cached until a
   * storage location changes anywhere.
   */
  private syncTargets(cluster: SimulatedCluster, run: BackupRun): SyncTarget[] {
    const key = `${cluster.name}/${run.namespace}/${run.storageLocation}`;
    const stamp = this.locationsStamp();
    const cached = this.syncTargetCache.get(key);
    if (cached?.stamp === stamp) {
      return cached.targets;
    }
    const source = cluster.find(
      Types.backupStorageLocation,
      run.namespace,
      run.storageLocation,
    );
    const where = (bsl: KubeObject | undefined) => {
      const storage =
        bsl && isJsonObject(bsl.spec) && isJsonObject(bsl.spec.objectStorage)
          ? bsl.spec.objectStorage
          : undefined;
      return storage
        ? `${String(storage.bucket)}/${String(storage.prefix ?? '')}`
        : undefined;
    };
    const bucket = where(source);
    const targets: SyncTarget[] = [];
    for (const other of bucket ? this.context.clusters.values() : []) {
      if (other === cluster || !other.serves(Types.backupStorageLocation)) {
        continue;
      }
      for (const location of other
        .collection(Types.backupStorageLocation)
        .values()) {
        if (where(location) === bucket) {
          targets.push({ cluster: other, location });
        }
      }
    }
    this.syncTargetCache.set(key, { stamp, targets });
    return targets;
  }

  private sync(
    cluster: SimulatedCluster,
    schedule: KubeObject,
    run: BackupRun,
  ): void {
    if (run.phase === 'FailedValidation') {
      return; // Nothing was uploaded, so there is nothing to sync.
    }
    for (const target of this.syncTargets(cluster, run)) {
      const copy = backupObject(schedule, run, 'final');
      copy.metadata.namespace = target.location.metadata.namespace;
      if (target.location.metadata.name !== run.storageLocation) {
        copy.metadata.labels = {
          ...copy.metadata.labels,
          'velero.io/storage-location': target.location.metadata.name,
        };
        copy.spec = {
          ...(copy.spec as object),
          storageLocation: target.location.metadata.name,
        };
      }
      const written = this.context.write(target.cluster, copy, run.completedAt);
      // Velero's backup sync brings the backup's PodVolumeBackups along.
      if (written) {
        this.writeVolumeWork(target.cluster, written, run, target.location);
      }
    }
  }

  /** Velero's garbage collection: the backup and the volume work it owns. */
  private expire(cluster: SimulatedCluster, run: BackupRun): void {
    const work = run.capture ? volumeWorkRefs(run.name, run.capture) : [];
    const removeFrom = (target: SimulatedCluster, namespace: string) => {
      this.context.remove(target, Types.veleroBackup, namespace, run.name);
      for (const ref of work) {
        this.context.remove(target, ref.type, namespace, ref.name);
      }
    };
    removeFrom(cluster, run.namespace);
    for (const target of this.syncTargets(cluster, run)) {
      removeFrom(target.cluster, target.location.metadata.namespace ?? '');
    }
  }

  private writeScheduleStatus(
    state: ScheduleState,
    status: Record<string, unknown>,
  ): void {
    const written = writeStatus(
      this.context,
      state.cluster,
      state.object,
      status,
    );
    if (written) {
      this.adopt(state, written);
    }
  }

  flushStatus(): void {
    for (const state of this.states.values()) {
      if (state.statusDirty) {
        state.statusDirty = false;
        this.writeScheduleStatus(state, {
          phase: 'Enabled',
          ...(state.lastFire !== undefined
            ? { lastBackup: kubeTimestamp(state.lastFire) }
            : {}),
        });
      }
    }
  }
}
