import {
  isJsonObject,
  type JsonObject,
  type KubeObject,
} from '../kube/kubeObject.ts';
import { randomFor } from '../random/seededRandom.ts';
import { compactTimestamp, kubeTimestamp, Millis } from '../time/timestamps.ts';
import { drawFrom, mayFailAtRandom, type CnpgRunPolicy } from './behaviour.ts';
import { setCondition } from './conditions.ts';

/** The barman-cloud plugin's name in `pluginConfiguration`. */
export const BARMAN_CLOUD_PLUGIN = 'barman-cloud.cloudnative-pg.io';

/** How one CloudNativePG scheduled backup turns out. */
export interface CnpgBackupRun {
  name: string;
  namespace: string;
  clusterName: string;
  scheduledBackupName: string;
  method: string;
  startedAt: number;
  stoppedAt: number;
  phase: 'completed' | 'failed' | 'walArchivingFailing';
}

function specOf(object: KubeObject): JsonObject {
  return isJsonObject(object.spec) ? object.spec : {};
}

/** The Cluster a ScheduledBackup or Backup points at. */
export function targetClusterName(object: KubeObject): string {
  const cluster = specOf(object).cluster;
  return isJsonObject(cluster) ? String(cluster.name) : '';
}

/**
 * Decides the run of a ScheduledBackup fired at `firedAt`. While the
 * Cluster's WAL archiving is failing the backup cannot start and stays in
 * `walArchivingFailing`.
 */
export function decideCnpgRun(options: {
  seed: string;
  cluster: string;
  scheduledBackup: KubeObject;
  firedAt: number;
  policy: CnpgRunPolicy;
  archivingWorks: boolean;
}): CnpgBackupRun {
  const { seed, cluster, scheduledBackup, firedAt, policy, archivingWorks } =
    options;
  const random = randomFor(
    seed,
    cluster,
    'cnpg-backup',
    scheduledBackup.metadata.name,
    firedAt,
  );
  const duration = drawFrom(policy.durationMs, random());
  const base = {
    name: `${scheduledBackup.metadata.name}-${compactTimestamp(firedAt)}`,
    namespace: scheduledBackup.metadata.namespace ?? 'default',
    clusterName: targetClusterName(scheduledBackup),
    scheduledBackupName: scheduledBackup.metadata.name,
    method: String(specOf(scheduledBackup).method ?? 'barmanObjectStore'),
    startedAt: firedAt,
    stoppedAt: firedAt + duration,
  };
  if (!archivingWorks) {
    return { ...base, stoppedAt: firedAt, phase: 'walArchivingFailing' };
  }
  return {
    ...base,
    phase:
      mayFailAtRandom(policy, firedAt) && random() < policy.failureRate
        ? 'failed'
        : 'completed',
  };
}

function walName(at: number): string {
  // One 16 MiB segment a minute: enough to make names move plausibly.
  const sequence = Math.floor(at / Millis.minute);
  const hex = (n: number) => n.toString(16).toUpperCase().padStart(8, '0');
  return `00000001${hex(Math.floor(sequence / 256))}${hex(sequence % 256)}`;
}

function lsn(at: number): string {
  const sequence = Math.floor(at / Millis.minute);
  return `${Math.floor(sequence / 256)
    .toString(16)
    .toUpperCase()}/${((sequence % 256) * 0x1000000)
    .toString(16)
    .toUpperCase()}`;
}

/** The CloudNativePG Backup object of a run, in progress or finished. */
export function cnpgBackupObject(
  run: CnpgBackupRun,
  state: 'inProgress' | 'final',
  destinationPath: string | undefined,
): KubeObject {
  const spec: JsonObject = {
    cluster: { name: run.clusterName },
    method: run.method,
    ...(run.method === 'plugin'
      ? { pluginConfiguration: { name: BARMAN_CLOUD_PLUGIN } }
      : {}),
  };
  const status: JsonObject = { method: run.method };
  if (run.phase === 'walArchivingFailing') {
    status.phase = 'walArchivingFailing';
  } else if (state === 'inProgress') {
    Object.assign(status, {
      phase: 'running',
      startedAt: kubeTimestamp(run.startedAt),
      online: true,
      beginWal: walName(run.startedAt),
      beginLSN: lsn(run.startedAt),
      serverName: run.clusterName,
    });
  } else {
    Object.assign(status, {
      phase: run.phase,
      startedAt: kubeTimestamp(run.startedAt),
      stoppedAt: kubeTimestamp(run.stoppedAt),
      online: true,
      backupId: compactTimestamp(run.startedAt).replace(/^(\d{8})/, '$1T'),
      serverName: run.clusterName,
      beginWal: walName(run.startedAt),
      beginLSN: lsn(run.startedAt),
      ...(run.phase === 'completed'
        ? { endWal: walName(run.stoppedAt), endLSN: lsn(run.stoppedAt) }
        : { error: 'exit status 4' }),
      ...(destinationPath ? { destinationPath } : {}),
    });
  }
  return {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Backup',
    metadata: {
      name: run.name,
      namespace: run.namespace,
      labels: {
        'cnpg.io/cluster': run.clusterName,
        'cnpg.io/scheduled-backup': run.scheduledBackupName,
      },
    },
    spec,
    status,
  };
}

/** The recovery window the finished backups of one server give. */
export interface RecoveryWindow {
  firstRecoverabilityPoint?: number;
  lastSuccessfulBackup?: number;
  lastFailedBackup?: number;
}

/**
 * The Cluster after a backup finished. The in-tree barmanObjectStore method
 * reports the window in the Cluster status; with the barman-cloud plugin those
 * (deprecated) fields stay unset and only the condition changes.
 */
export function clusterAfterBackup(
  cluster: KubeObject,
  run: CnpgBackupRun,
  window: RecoveryWindow,
): KubeObject {
  const status: JsonObject = isJsonObject(cluster.status)
    ? { ...cluster.status }
    : {};
  if (run.method !== 'plugin') {
    const point = window.firstRecoverabilityPoint;
    const last = window.lastSuccessfulBackup;
    if (point !== undefined) {
      status.firstRecoverabilityPoint = kubeTimestamp(point);
      status.firstRecoverabilityPointByMethod = {
        [run.method]: kubeTimestamp(point),
      };
    }
    if (last !== undefined) {
      status.lastSuccessfulBackup = kubeTimestamp(last);
      status.lastSuccessfulBackupByMethod = {
        [run.method]: kubeTimestamp(last),
      };
    }
    if (window.lastFailedBackup !== undefined) {
      status.lastFailedBackup = kubeTimestamp(window.lastFailedBackup);
    }
  }
  status.conditions = setCondition(
    status.conditions,
    run.phase === 'completed'
      ? {
          type: 'LastBackupSucceeded',
          status: 'True',
          reason: 'LastBackupSucceeded',
          message: '',
        }
      : {
          type: 'LastBackupSucceeded',
          status: 'False',
          reason: 'LastBackupFailed',
          message: 'exit status 4',
        },
    run.stoppedAt,
  );
  return { ...cluster, metadata: { ...cluster.metadata }, status };
}

/** The ObjectStore after a plugin backup of `serverName` finished. */
export function objectStoreAfterBackup(
  store: KubeObject,
  serverName: string,
  window: RecoveryWindow,
): KubeObject {
  const status: JsonObject = isJsonObject(store.status)
    ? { ...store.status }
    : {};
  const windows = isJsonObject(status.serverRecoveryWindow)
    ? status.serverRecoveryWindow
    : {};
  status.serverRecoveryWindow = {
    ...windows,
    [serverName]: {
      ...(window.firstRecoverabilityPoint !== undefined
        ? {
            firstRecoverabilityPoint: kubeTimestamp(
              window.firstRecoverabilityPoint,
            ),
          }
        : {}),
      ...(window.lastSuccessfulBackup !== undefined
        ? {
            lastSuccessfulBackupTime: kubeTimestamp(
              window.lastSuccessfulBackup,
            ),
          }
        : {}),
      ...(window.lastFailedBackup !== undefined
        ? { lastFailedBackupTime: kubeTimestamp(window.lastFailedBackup) }
        : {}),
    },
  };
  return { ...store, metadata: { ...store.metadata }, status };
}
