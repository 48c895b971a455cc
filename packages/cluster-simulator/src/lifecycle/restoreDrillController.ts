import { isJsonObject, type KubeObject } from '../kube/kubeObject.ts';
import { Types } from '../kube/resourceCatalog.ts';
import type { RestoreDrillPlan } from './behaviour.ts';
import type { EngineContext } from './engineContext.ts';
import { decideRestoreRun, restoreObject } from './restoreDrillRun.ts';
import { veleroCadence } from './scheduleCadence.ts';

/**
 * Runs the scenario's restore drills: on each drill's cadence a Restore of
 * the newest completed backup of a schedule into a scratch namespace (a
 * restore test), which finishes after its run time.
 */
export class RestoreDrillController {
  private readonly context: EngineContext;

  constructor(context: EngineContext) {
    this.context = context;
  }

  /** Queues the first run of every drill after the current time. */
  start(plans: readonly RestoreDrillPlan[]): void {
    for (const plan of plans) {
      const cadence = veleroCadence(plan.cron);
      let index = 0;
      const queue = (at: number) =>
        this.context.queue.push({
          at,
          run: horizon => {
            this.fire(plan, at, index++, horizon);
            queue(cadence(at));
          },
        });
      queue(cadence(Math.max(this.context.now(), plan.since)));
    }
  }

  private latestCompletedBackup(
    plan: RestoreDrillPlan,
    before: number,
  ): KubeObject | undefined {
    const cluster = this.context.clusters.get(plan.cluster);
    if (!cluster) {
      return undefined;
    }
    let latest: KubeObject | undefined;
    let latestTime = -Infinity;
    for (const backup of cluster.collection(Types.veleroBackup).values()) {
      const status = isJsonObject(backup.status) ? backup.status : {};
      if (
        backup.metadata.labels?.['velero.io/schedule-name'] !==
          plan.scheduleName ||
        status.phase !== 'Completed'
      ) {
        continue;
      }
      const completed = Date.parse(String(status.completionTimestamp));
      if (completed <= before && completed > latestTime) {
        latest = backup;
        latestTime = completed;
      }
    }
    return latest;
  }

  private fire(
    plan: RestoreDrillPlan,
    at: number,
    index: number,
    horizon: number,
  ): void {
    const cluster = this.context.clusters.get(plan.cluster);
    if (!cluster) {
      return;
    }
    const run = decideRestoreRun({
      seed: this.context.behaviour.seed,
      plan,
      firedAt: at,
      index,
      latestBackup: this.latestCompletedBackup(plan, at),
    });
    if (run.completedAt <= horizon) {
      this.context.write(cluster, restoreObject(plan, run, 'final'), at);
      return;
    }
    this.context.write(cluster, restoreObject(plan, run, 'inProgress'), at);
    this.context.queue.push({
      at: run.completedAt,
      run: () => {
        if (cluster.find(Types.veleroRestore, plan.veleroNamespace, run.name)) {
          this.context.write(
            cluster,
            restoreObject(plan, run, 'final'),
            run.completedAt,
          );
        }
      },
    });
  }
}
