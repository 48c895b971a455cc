import type { JsonObject, KubeObject } from '../kube/kubeObject.ts';
import { randomFor } from '../random/seededRandom.ts';
import { compactTimestamp, kubeTimestamp } from '../time/timestamps.ts';
import { drawFrom, type RestoreDrillPlan } from './behaviour.ts';

/** How one restore drill turns out. */
export interface RestoreRun {
  name: string;
  /** The backup restored; undefined when none was available. */
  backupName?: string;
  startedAt: number;
  completedAt: number;
  phase: 'Completed' | 'PartiallyFailed' | 'Failed' | 'FailedValidation';
  items: number;
  errors: number;
  warnings: number;
}

/**
 * Decides the drill fired at `firedAt`: which backup it restores (the newest
 * finished backup of the plan's schedule) and how it ends.
 */
export function decideRestoreRun(options: {
  seed: string;
  plan: RestoreDrillPlan;
  firedAt: number;
  index: number;
  latestBackup: KubeObject | undefined;
}): RestoreRun {
  const { seed, plan, firedAt, index, latestBackup } = options;
  const random = randomFor(seed, plan.cluster, 'restore', plan.name, firedAt);
  const name = `${plan.name}-${compactTimestamp(firedAt)}`;
  if (!latestBackup) {
    return {
      name,
      startedAt: firedAt,
      completedAt: firedAt,
      phase: 'FailedValidation',
      items: 0,
      errors: 0,
      warnings: 0,
    };
  }
  const phase = plan.outcome(firedAt, index);
  const items = 40 + Math.floor(random() * 200);
  return {
    name,
    backupName: latestBackup.metadata.name,
    startedAt: firedAt,
    completedAt: firedAt + drawFrom(plan.durationMs, random()),
    phase,
    items: phase === 'Failed' ? Math.floor(items * random()) : items,
    errors: phase === 'Completed' ? 0 : 1 + Math.floor(random() * 4),
    warnings: Math.floor(random() * 5),
  };
}

/** The Restore object of a drill run, in progress or finished. */
export function restoreObject(
  plan: RestoreDrillPlan,
  run: RestoreRun,
  state: 'inProgress' | 'final',
): KubeObject {
  const spec: JsonObject = {
    ...(plan.byScheduleName ? { scheduleName: plan.scheduleName } : {}),
    // Given a scheduleName, Velero fills in the schedule's newest backup.
    ...(run.backupName !== undefined || !plan.byScheduleName
      ? { backupName: run.backupName ?? '' }
      : {}),
    includedNamespaces: [plan.sourceNamespace],
    namespaceMapping: { [plan.sourceNamespace]: plan.targetNamespace },
    restorePVs: true,
    itemOperationTimeout: '4h0m0s',
  };
  const status: JsonObject = {};
  if (run.phase === 'FailedValidation') {
    status.phase = 'FailedValidation';
    status.validationErrors = [
      plan.byScheduleName
        ? `No backups found for schedule`
        : 'backup not found',
    ];
  } else if (state === 'inProgress') {
    status.phase = 'InProgress';
    status.startTimestamp = kubeTimestamp(run.startedAt);
    status.progress = {
      itemsRestored: Math.floor(run.items / 4),
      totalItems: run.items,
    };
  } else {
    status.phase = run.phase;
    status.startTimestamp = kubeTimestamp(run.startedAt);
    status.completionTimestamp = kubeTimestamp(run.completedAt);
    status.progress = { itemsRestored: run.items, totalItems: run.items };
    if (run.errors > 0) {
      status.errors = run.errors;
    }
    if (run.warnings > 0) {
      status.warnings = run.warnings;
    }
    if (run.phase === 'Failed') {
      status.failureReason =
        'timed out waiting for all PodVolumeRestores to complete';
    }
  }
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Restore',
    metadata: {
      name: run.name,
      namespace: plan.veleroNamespace,
      labels: run.backupName ? { 'velero.io/backup-name': run.backupName } : {},
    },
    spec,
    status,
  };
}
