import { isJsonObject, type KubeObject } from '../kube/kubeObject.ts';
import { Types } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import { kubeTimestamp, Millis } from '../time/timestamps.ts';
import {
  BARMAN_CLOUD_PLUGIN,
  clusterAfterBackup,
  cnpgBackupObject,
  decideCnpgRun,
  objectStoreAfterBackup,
  targetClusterName,
  type CnpgBackupRun,
  type RecoveryWindow,
} from './cnpgBackupRun.ts';
import { conditionStatus } from './conditions.ts';
import type { EngineContext, LifecycleController } from './engineContext.ts';
import { writeStatus } from './writeStatus.ts';
import { cnpgCadence, type Cadence } from './scheduleCadence.ts';

interface ScheduledBackupState {
  cluster: SimulatedCluster;
  object: KubeObject;
  token: number;
  lastFire?: number;
  nextFire?: number;
  statusDirty: boolean;
}

/** `30d`, `4w`, `3m` (CloudNativePG retention policies) in ms. */
function retentionMs(policy: unknown): number | undefined {
  const match =
    typeof policy === 'string' ? /^([1-9][0-9]*)([dwm])$/.exec(policy) : null;
  if (!match) {
    return undefined;
  }
  const days = { d: 1, w: 7, m: 30 }[match[2] as 'd' | 'w' | 'm'];
  return Number(match[1]) * days * Millis.day;
}

function specOf(object: KubeObject | undefined) {
  return object && isJsonObject(object.spec) ? object.spec : {};
}

/**
 * CloudNativePG's ScheduledBackup and Backup controllers: ScheduledBackups
 * make Backups on their cron (robfig/cron v1: seconds first, day of week
 * optional), the first one at creation with `immediate`, Backups cannot start while WAL
 * archiving fails, finished Backups move the recovery window (in the Cluster
 * status for the in-tree method, in the ObjectStore for the barman-cloud
 * plugin), and the retention policy removes old Backups.
 */
export class CnpgScheduleController implements LifecycleController {
  private readonly states = new Map<string, ScheduledBackupState>();
  private readonly seenWrites = new Map<SimulatedCluster, number>();

  private readonly context: EngineContext;

  constructor(context: EngineContext) {
    this.context = context;
  }

  reconcile(cluster: SimulatedCluster): void {
    if (!cluster.serves(Types.cnpgScheduledBackup)) {
      return;
    }
    const collection = cluster.collection(Types.cnpgScheduledBackup);
    if (this.seenWrites.get(cluster) === collection.lastWriteVersion) {
      return;
    }
    const present = new Set<string>();
    for (const object of collection.values()) {
      const key = `${cluster.name}/${object.metadata.namespace}/${object.metadata.name}`;
      present.add(key);
      const state = this.states.get(key);
      if (state?.object === object) {
        continue;
      }
      const next: ScheduledBackupState = {
        cluster,
        object,
        token: (state?.token ?? 0) + 1,
        lastFire: state?.lastFire,
        statusDirty: false,
      };
      // Fires already queued hold the old state: voiding its token stops them.
      if (state) state.token = next.token;
      this.states.set(key, next);
      this.plan(next);
    }
    for (const [key, state] of this.states) {
      if (state.cluster === cluster && !present.has(key)) {
        this.states.delete(key);
      }
    }
    this.seenWrites.set(cluster, collection.lastWriteVersion);
  }

  private plan(state: ScheduledBackupState): void {
    const spec = specOf(state.object);
    if (spec.suspend === true) {
      return;
    }
    let cadence: Cadence;
    try {
      cadence = cnpgCadence(String(spec.schedule ?? ''));
    } catch (error) {
      this.writeScheduleStatus(state, { error: (error as Error).message });
      return;
    }
    const now = this.context.now();
    // A schedule never fires before it exists.
    const created = Date.parse(String(state.object.metadata.creationTimestamp));
    const checked = Math.max(now, created || now);
    if (state.lastFire === undefined) {
      // The first reconcile records its check time; `immediate` backs up
      // then, otherwise the first backup is the schedule's next tick.
      this.queueFire(
        state,
        cadence,
        spec.immediate === true ? checked : cadence(checked),
      );
      return;
    }
    // Later (e.g. after `suspend` is lifted) the run after the last one is
    // taken at once when it was missed, as CloudNativePG does.
    this.queueFire(state, cadence, Math.max(now, cadence(state.lastFire)));
  }

  private queueFire(
    state: ScheduledBackupState,
    cadence: Cadence,
    at: number,
  ): void {
    const token = state.token;
    state.nextFire = at;
    this.context.queue.push({
      at,
      run: horizon => {
        if (state.token !== token) {
          return;
        }
        this.fire(state, at, horizon);
        this.queueFire(state, cadence, cadence(at));
        state.statusDirty = true;
      },
    });
  }

  private fire(state: ScheduledBackupState, at: number, horizon: number): void {
    const { cluster, object } = state;
    const namespace = object.metadata.namespace;
    const pgCluster = cluster.find(
      Types.cnpgCluster,
      namespace,
      targetClusterName(object),
    );
    state.lastFire = at;
    if (!pgCluster) {
      return; // CloudNativePG does not back up a cluster that does not exist.
    }
    const run = decideCnpgRun({
      seed: this.context.behaviour.seed,
      cluster: cluster.name,
      scheduledBackup: object,
      firedAt: at,
      policy: this.context.behaviour.cnpgRuns(cluster.name, object),
      archivingWorks:
        conditionStatus(
          isJsonObject(pgCluster.status) ? pgCluster.status : undefined,
          'ContinuousArchiving',
        ) !== 'False',
    });
    const destination = this.destinationPath(cluster, pgCluster);
    if (run.phase === 'walArchivingFailing' || run.stoppedAt <= horizon) {
      this.context.write(
        cluster,
        cnpgBackupObject(run, 'final', destination),
        at,
      );
      this.finished(cluster, run);
    } else {
      this.context.write(
        cluster,
        cnpgBackupObject(run, 'inProgress', destination),
        at,
      );
      this.context.queue.push({
        at: run.stoppedAt,
        run: () => {
          if (cluster.find(Types.cnpgBackup, run.namespace, run.name)) {
            this.context.write(
              cluster,
              cnpgBackupObject(run, 'final', destination),
              run.stoppedAt,
            );
            this.finished(cluster, run);
          }
        },
      });
    }
  }

  private objectStoreOf(
    cluster: SimulatedCluster,
    pgCluster: KubeObject,
  ): KubeObject | undefined {
    const plugins = specOf(pgCluster).plugins;
    const plugin = Array.isArray(plugins)
      ? plugins.find(p => isJsonObject(p) && p.name === BARMAN_CLOUD_PLUGIN)
      : undefined;
    const storeName =
      isJsonObject(plugin) && isJsonObject(plugin.parameters)
        ? plugin.parameters.barmanObjectName
        : undefined;
    if (typeof storeName !== 'string' || !cluster.serves(Types.objectStore)) {
      return undefined;
    }
    return cluster.find(
      Types.objectStore,
      pgCluster.metadata.namespace,
      storeName,
    );
  }

  private destinationPath(
    cluster: SimulatedCluster,
    pgCluster: KubeObject,
  ): string | undefined {
    const store = this.objectStoreOf(cluster, pgCluster);
    const configuration = store ? specOf(store).configuration : undefined;
    const backup = specOf(pgCluster).backup;
    const barman = isJsonObject(backup) ? backup.barmanObjectStore : undefined;
    const source = [configuration, barman].find(isJsonObject);
    return typeof source?.destinationPath === 'string'
      ? source.destinationPath
      : undefined;
  }

  /** Applies retention, then publishes the new recovery window. */
  private finished(cluster: SimulatedCluster, run: CnpgBackupRun): void {
    if (run.phase === 'walArchivingFailing') {
      return;
    }
    const pgCluster = cluster.find(
      Types.cnpgCluster,
      run.namespace,
      run.clusterName,
    );
    if (!pgCluster) {
      return;
    }
    const store =
      run.method === 'plugin'
        ? this.objectStoreOf(cluster, pgCluster)
        : undefined;
    const backupSpec = specOf(pgCluster).backup;
    const inTreeRetention = isJsonObject(backupSpec)
      ? backupSpec.retentionPolicy
      : undefined;
    const retention = retentionMs(
      store ? specOf(store).retentionPolicy : inTreeRetention,
    );
    const window: RecoveryWindow = {};
    const backups = [...cluster.collection(Types.cnpgBackup).values()].flatMap(
      backup => {
        const labels = backup.metadata.labels ?? {};
        const status = isJsonObject(backup.status) ? backup.status : {};
        const stoppedAt =
          typeof status.stoppedAt === 'string'
            ? Date.parse(status.stoppedAt)
            : undefined;
        const ours =
          backup.metadata.namespace === run.namespace &&
          labels['cnpg.io/cluster'] === run.clusterName;
        return ours && stoppedAt !== undefined
          ? [{ backup, status, stoppedAt }]
          : [];
      },
    );
    const windowStart =
      retention === undefined ? -Infinity : run.stoppedAt - retention;
    // Barman's recovery-window policy keeps the newest base backup taken
    // before the window starts: recovering to the window's start needs it.
    const anchor = backups
      .filter(b => b.status.phase === 'completed' && b.stoppedAt < windowStart)
      .reduce<number | undefined>(
        (newest, b) => Math.max(newest ?? -Infinity, b.stoppedAt),
        undefined,
      );
    for (const { backup, status, stoppedAt } of backups) {
      if (stoppedAt < windowStart && stoppedAt !== anchor) {
        this.context.remove(
          cluster,
          Types.cnpgBackup,
          run.namespace,
          backup.metadata.name,
        );
        continue;
      }
      if (status.phase === 'completed') {
        window.firstRecoverabilityPoint = Math.min(
          window.firstRecoverabilityPoint ?? Infinity,
          stoppedAt,
        );
        window.lastSuccessfulBackup = Math.max(
          window.lastSuccessfulBackup ?? 0,
          stoppedAt,
        );
      } else if (status.phase === 'failed') {
        window.lastFailedBackup = Math.max(
          window.lastFailedBackup ?? 0,
          stoppedAt,
        );
      }
    }
    this.context.write(
      cluster,
      clusterAfterBackup(pgCluster, run, window),
      run.stoppedAt,
    );
    if (store) {
      this.context.write(
        cluster,
        objectStoreAfterBackup(store, run.clusterName, window),
        run.stoppedAt,
      );
    }
  }

  private writeScheduleStatus(
    state: ScheduledBackupState,
    status: Record<string, unknown>,
  ): void {
    const written = writeStatus(
      this.context,
      state.cluster,
      state.object,
      status,
    );
    if (written) {
      state.object = written;
      this.seenWrites.set(
        state.cluster,
        state.cluster.collection(Types.cnpgScheduledBackup).lastWriteVersion,
      );
    }
  }

  flushStatus(): void {
    for (const state of this.states.values()) {
      if (state.statusDirty && state.lastFire !== undefined) {
        state.statusDirty = false;
        this.writeScheduleStatus(state, {
          lastCheckTime: kubeTimestamp(this.context.now()),
          lastScheduleTime: kubeTimestamp(state.lastFire),
          ...(state.nextFire !== undefined
            ? { nextScheduleTime: kubeTimestamp(state.nextFire) }
            : {}),
        });
      }
    }
  }
}
