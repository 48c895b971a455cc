import {
  isJsonObject,
  type JsonObject,
  type KubeObject,
} from '../kube/kubeObject.ts';
import { Types, type ResourceType } from '../kube/resourceCatalog.ts';
import { hashString } from '../random/seededRandom.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import { kubeTimestamp } from '../time/timestamps.ts';

/**
 * How a Velero backup captures the volume data of the PVCs in its scope, as
 * Velero 1.14+ decides it per volume: a file-system backup (one
 * PodVolumeBackup per pod volume) when `defaultVolumesToFsBackup` is set or
 * the pod opts the volume in with `backup.velero.io/backup-volumes`; else,
 * unless `snapshotVolumes` is false, a CSI snapshot moved by the data mover
 * (a DataUpload) when `snapshotMoveData` is set, or a native snapshot
 * through the VolumeSnapshotLocation (counted in the Backup's status).
 */
export interface VolumeCapture {
  podVolumes: Array<{ pod: KubeObject; volume: string; claim: KubeObject }>;
  dataUploads: KubeObject[];
  /** Native snapshots attempted (one per PVC). */
  snapshots: number;
}

const FS_OPT_IN = 'backup.velero.io/backup-volumes';
const FS_OPT_OUT = 'backup.velero.io/backup-volumes-excludes';

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === 'string')
    : [];
}

/**
 * Velero's include/exclude filters (namespaces, resources): an empty or `*`
 * include list takes everything, the exclude list wins.
 */
function passesFilter(
  spec: JsonObject,
  field: 'Namespaces' | 'Resources',
  value: string,
): boolean {
  const included = stringList(spec[`included${field}`]);
  const excluded = stringList(spec[`excluded${field}`]);
  const inIncluded =
    included.length === 0 || included.includes('*') || included.includes(value);
  return inIncluded && !excluded.includes(value);
}

/**
 * Only `matchLabels` is read; a selector with `matchExpressions` selects
 * nothing here, so the simulator never claims data it did not model.
 */
function labelsMatch(spec: JsonObject, object: KubeObject): boolean {
  const selector = spec.labelSelector;
  if (!isJsonObject(selector)) return true;
  if (selector.matchExpressions !== undefined) return false;
  const wanted = isJsonObject(selector.matchLabels) ? selector.matchLabels : {};
  const labels = object.metadata.labels ?? {};
  return Object.entries(wanted).every(([key, value]) => labels[key] === value);
}

function annotationList(pod: KubeObject, key: string): string[] {
  const value = pod.metadata.annotations?.[key];
  return value
    ? value
        .split(',')
        .map(v => v.trim())
        .filter(Boolean)
    : [];
}

function podClaimVolumes(pod: KubeObject): Array<[string, string]> {
  const spec = isJsonObject(pod.spec) ? pod.spec : {};
  const volumes = Array.isArray(spec.volumes) ? spec.volumes : [];
  return volumes.flatMap(volume =>
    isJsonObject(volume) &&
    typeof volume.name === 'string' &&
    isJsonObject(volume.persistentVolumeClaim) &&
    typeof volume.persistentVolumeClaim.claimName === 'string'
      ? [[volume.name, volume.persistentVolumeClaim.claimName] as const]
      : [],
  ) as Array<[string, string]>;
}

/** What a backup with `spec` captures of the volumes in `cluster`. */
export function volumeCapture(
  cluster: SimulatedCluster,
  spec: JsonObject,
): VolumeCapture {
  // Native snapshots need a VolumeSnapshotLocation; without one Velero
  // skips the volume.
  const canSnapshot = !cluster
    .collection(Types.volumeSnapshotLocation)
    .values()
    .next().done;
  const capture: VolumeCapture = {
    podVolumes: [],
    dataUploads: [],
    snapshots: 0,
  };
  if (!passesFilter(spec, 'Resources', 'persistentvolumeclaims'))
    return capture;
  const claims = new Map<string, KubeObject>();
  for (const claim of cluster
    .collection(Types.persistentVolumeClaim)
    .values()) {
    const namespace = claim.metadata.namespace ?? '';
    if (
      passesFilter(spec, 'Namespaces', namespace) &&
      labelsMatch(spec, claim)
    ) {
      claims.set(`${namespace}/${claim.metadata.name}`, claim);
    }
  }
  // Most backups (and every one of the scale scenario) have no PVC in scope.
  if (claims.size === 0) return capture;
  const fsBackedUp = new Set<string>();
  if (passesFilter(spec, 'Resources', 'pods')) {
    for (const pod of cluster.collection(Types.pod).values()) {
      const namespace = pod.metadata.namespace ?? '';
      if (
        !passesFilter(spec, 'Namespaces', namespace) ||
        !labelsMatch(spec, pod)
      ) {
        continue;
      }
      const optedIn = annotationList(pod, FS_OPT_IN);
      const optedOut = annotationList(pod, FS_OPT_OUT);
      for (const [volume, claimName] of podClaimVolumes(pod)) {
        const key = `${namespace}/${claimName}`;
        const claim = claims.get(key);
        const byDefault =
          spec.defaultVolumesToFsBackup === true && !optedOut.includes(volume);
        if (claim && (byDefault || optedIn.includes(volume))) {
          capture.podVolumes.push({ pod, volume, claim });
          fsBackedUp.add(key);
        }
      }
    }
  }
  if (spec.snapshotVolumes === false) return capture;
  for (const [key, claim] of claims) {
    if (fsBackedUp.has(key)) continue;
    if (spec.snapshotMoveData === true) capture.dataUploads.push(claim);
    else if (canSnapshot) capture.snapshots++;
  }
  return capture;
}

/** The volume work of a finished run: its phase decides how much completed. */
export type VolumeWorkPhase = 'Completed' | 'PartiallyFailed' | 'Failed';

/** The volume items of a run that did not complete: every one of a failed run, the last of a partial one. */
export function failedVolumeItems(
  phase: VolumeWorkPhase,
  total: number,
): number {
  if (total === 0 || phase === 'Completed') return 0;
  return phase === 'Failed' ? total : 1;
}

function suffix(text: string): string {
  return hashString(text).toString(36).padStart(5, '0').slice(-5);
}

function podVolumeName(backupName: string, pod: KubeObject, volume: string) {
  return `${backupName}-${suffix(
    `${pod.metadata.namespace ?? ''}/${pod.metadata.name}/${volume}`,
  )}`;
}

function dataUploadName(backupName: string, claim: KubeObject) {
  return `${backupName}-${suffix(
    `${claim.metadata.namespace ?? ''}/${claim.metadata.name}`,
  )}`;
}

/** The volume work objects of a backup, by type and name (to delete them with it). */
export function volumeWorkRefs(
  backupName: string,
  capture: VolumeCapture,
): Array<{ type: ResourceType; name: string }> {
  return [
    ...capture.podVolumes.map(({ pod, volume }) => ({
      type: Types.podVolumeBackup,
      name: podVolumeName(backupName, pod, volume),
    })),
    ...capture.dataUploads.map(claim => ({
      type: Types.dataUpload,
      name: dataUploadName(backupName, claim),
    })),
  ];
}

function ownedBy(backup: KubeObject) {
  return [
    {
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      name: backup.metadata.name,
      uid: backup.metadata.uid ?? '',
      controller: true,
    },
  ];
}

interface WorkTimes {
  startedAt: number;
  completedAt: number;
}

/**
 * The PodVolumeBackups and DataUploads Velero leaves for a finished backup
 * (names `<backup>-<5 characters>`, labelled with the backup's name and uid,
 * owned by the Backup), the last `failed` of them Failed.
 */
export function volumeWorkObjects(options: {
  backup: KubeObject;
  capture: VolumeCapture;
  failed: number;
  times: WorkTimes;
  repoIdentifier: (namespace: string) => string;
}): KubeObject[] {
  const { backup, capture, times } = options;
  const backupName = backup.metadata.name;
  const namespace = backup.metadata.namespace ?? 'velero';
  const location = String(
    (isJsonObject(backup.spec) && backup.spec.storageLocation) || 'default',
  );
  const total = capture.podVolumes.length + capture.dataUploads.length;
  const phaseOf = (index: number) =>
    index >= total - options.failed ? 'Failed' : 'Completed';
  const status = (index: number, path: string): JsonObject => {
    const phase = phaseOf(index);
    const bytes =
      1_073_741_824 + (hashString(`${backupName}${index}`) % 4096) * 65_536;
    return phase === 'Completed'
      ? {
          phase,
          path,
          snapshotID: hashString(`${backupName}/${index}`)
            .toString(16)
            .padStart(8, '0'),
          startTimestamp: kubeTimestamp(times.startedAt),
          completionTimestamp: kubeTimestamp(times.completedAt),
          progress: { totalBytes: bytes, bytesDone: bytes },
        }
      : {
          phase,
          message: 'context deadline exceeded: data path timed out',
          startTimestamp: kubeTimestamp(times.startedAt),
          completionTimestamp: kubeTimestamp(times.completedAt),
        };
  };
  const labels = (claim: KubeObject) => ({
    'velero.io/backup-name': backupName,
    'velero.io/backup-uid': backup.metadata.uid ?? '',
    'velero.io/pvc-uid': claim.metadata.uid ?? '',
  });
  const volumeName = (claim: KubeObject) =>
    String((isJsonObject(claim.spec) && claim.spec.volumeName) || '');
  const objects: KubeObject[] = capture.podVolumes.map(
    ({ pod, volume, claim }, index) => {
      const podSpec = isJsonObject(pod.spec) ? pod.spec : {};
      const podNamespace = pod.metadata.namespace ?? '';
      return {
        apiVersion: 'velero.io/v1',
        kind: 'PodVolumeBackup',
        metadata: {
          name: podVolumeName(backupName, pod, volume),
          namespace,
          labels: labels(claim),
          ownerReferences: ownedBy(backup),
        },
        spec: {
          backupStorageLocation: location,
          node: String(podSpec.nodeName ?? ''),
          pod: {
            kind: 'Pod',
            namespace: podNamespace,
            name: pod.metadata.name,
            uid: pod.metadata.uid ?? '',
          },
          repoIdentifier: options.repoIdentifier(podNamespace),
          tags: {
            backup: backupName,
            'backup-uid': backup.metadata.uid ?? '',
            ns: podNamespace,
            pod: pod.metadata.name,
            'pod-uid': pod.metadata.uid ?? '',
            'pvc-uid': claim.metadata.uid ?? '',
            volume,
          },
          uploaderType: 'kopia',
          volume,
        },
        status: status(
          index,
          `/host_pods/${
            pod.metadata.uid ?? ''
          }/volumes/kubernetes.io~csi/${volumeName(claim)}/mount`,
        ),
      };
    },
  );
  capture.dataUploads.forEach((claim, i) => {
    const index = capture.podVolumes.length + i;
    const claimNamespace = claim.metadata.namespace ?? '';
    objects.push({
      apiVersion: 'velero.io/v2alpha1',
      kind: 'DataUpload',
      metadata: {
        name: dataUploadName(backupName, claim),
        namespace,
        labels: labels(claim),
        ownerReferences: ownedBy(backup),
      },
      spec: {
        backupStorageLocation: location,
        csiSnapshot: {
          snapshotClass: 'csi-aws-vsc',
          storageClass: String(
            (isJsonObject(claim.spec) && claim.spec.storageClassName) || '',
          ),
          volumeSnapshot: `velero-${claim.metadata.name}-${suffix(backupName)}`,
        },
        operationTimeout: '10m0s',
        snapshotType: 'CSI',
        sourceNamespace: claimNamespace,
        sourcePVC: claim.metadata.name,
      },
      status: status(index, `/host_pods/${volumeName(claim)}/mount`),
    });
  });
  return objects;
}
