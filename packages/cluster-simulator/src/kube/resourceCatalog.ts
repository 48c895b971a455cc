/**
 * The API resources the simulator can serve. The list is built in rather than
 * read from the CRDs so that the demo runs on a clone without the fixtures;
 * the CRD files (when present) only add schema validation.
 */

/** One served resource type, as discovery describes it. */
export interface ResourceType {
  /** API group; `''` for the core group. */
  group: string;
  version: string;
  /** Plural resource name used in URLs. */
  plural: string;
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
  /**
   * Served by every API server (the core group and built-in groups such as
   * `apps`), as opposed to a custom resource whose CRD may be missing.
   */
  builtIn: boolean;
  /** File name of the CRD under the fixtures directory, for schema validation. */
  crdFile?: string;
  /**
   * True when status is a subresource: writes to the main resource leave
   * status alone and `/status` writes change only status. Built in, like the
   * names, so that a clone without the CRD files behaves the same; a test
   * checks it against the CRDs.
   */
  statusSubresource: boolean;
}

/** Groups a cluster can have installed (the core group always is). */
export type ApiGroupName =
  | 'velero.io'
  | 'postgresql.cnpg.io'
  | 'barmancloud.cnpg.io'
  | 'cert-manager.io';

/** All resource types the simulator knows. */
export const RESOURCE_TYPES: readonly ResourceType[] = [
  core('namespaces', 'namespace', 'Namespace', false, ['ns']),
  core('pods', 'pod', 'Pod', true, ['po']),
  core(
    'persistentvolumeclaims',
    'persistentvolumeclaim',
    'PersistentVolumeClaim',
    true,
    ['pvc'],
  ),
  velero('v1', 'backups', 'backup', 'Backup'),
  velero('v1', 'schedules', 'schedule', 'Schedule'),
  velero('v1', 'restores', 'restore', 'Restore'),
  velero(
    'v1',
    'backupstoragelocations',
    'backupstoragelocation',
    'BackupStorageLocation',
    ['bsl'],
  ),
  velero(
    'v1',
    'volumesnapshotlocations',
    'volumesnapshotlocation',
    'VolumeSnapshotLocation',
    ['vsl'],
  ),
  velero('v1', 'podvolumebackups', 'podvolumebackup', 'PodVolumeBackup'),
  velero('v2alpha1', 'datauploads', 'dataupload', 'DataUpload'),
  cnpg('postgresql.cnpg.io', 'clusters', 'cluster', 'Cluster'),
  cnpg('postgresql.cnpg.io', 'backups', 'backup', 'Backup'),
  cnpg(
    'postgresql.cnpg.io',
    'scheduledbackups',
    'scheduledbackup',
    'ScheduledBackup',
  ),
  cnpg('barmancloud.cnpg.io', 'objectstores', 'objectstore', 'ObjectStore'),
  core('nodes', 'node', 'Node', false, ['no']),
  builtInGroup('apps', 'v1', 'deployments', 'deployment', 'Deployment', [
    'deploy',
  ]),
  builtInGroup('apps', 'v1', 'statefulsets', 'statefulset', 'StatefulSet', [
    'sts',
  ]),
  builtInGroup(
    'policy',
    'v1',
    'poddisruptionbudgets',
    'poddisruptionbudget',
    'PodDisruptionBudget',
    ['pdb'],
  ),
  builtInGroup(
    'autoscaling',
    'v2',
    'horizontalpodautoscalers',
    'horizontalpodautoscaler',
    'HorizontalPodAutoscaler',
    ['hpa'],
  ),
  {
    group: 'cert-manager.io',
    version: 'v1',
    plural: 'certificates',
    singular: 'certificate',
    kind: 'Certificate',
    namespaced: true,
    shortNames: ['cert', 'certs'],
    builtIn: false,
    statusSubresource: true,
  },
];

function core(
  plural: string,
  singular: string,
  kind: string,
  namespaced: boolean,
  shortNames: string[],
): ResourceType {
  return {
    group: '',
    version: 'v1',
    plural,
    singular,
    kind,
    namespaced,
    shortNames,
    builtIn: true,
    statusSubresource: true,
  };
}

/** A namespaced type of a group every API server serves (`apps`, `policy`, `autoscaling`). */
function builtInGroup(
  group: string,
  version: string,
  plural: string,
  singular: string,
  kind: string,
  shortNames: string[],
): ResourceType {
  return {
    group,
    version,
    plural,
    singular,
    kind,
    namespaced: true,
    shortNames,
    builtIn: true,
    statusSubresource: true,
  };
}

function velero(
  version: string,
  plural: string,
  singular: string,
  kind: string,
  shortNames?: string[],
): ResourceType {
  return {
    group: 'velero.io',
    version,
    plural,
    singular,
    kind,
    namespaced: true,
    shortNames,
    builtIn: false,
    // Velero's CRDs declare no status subresource.
    statusSubresource: false,
    crdFile: `velero/crds/velero.io_${plural}.yaml`,
  };
}

function cnpg(
  group: 'postgresql.cnpg.io' | 'barmancloud.cnpg.io',
  plural: string,
  singular: string,
  kind: string,
): ResourceType {
  return {
    group,
    version: 'v1',
    plural,
    singular,
    kind,
    namespaced: true,
    builtIn: false,
    statusSubresource: true,
    crdFile: `cnpg/crds/${group}_${plural}.yaml`,
  };
}

/** `apiVersion` as written in objects: `v1` or `group/version`. */
export function apiVersionOf(type: ResourceType): string {
  return type.group === '' ? type.version : `${type.group}/${type.version}`;
}

/** `backups.velero.io`, the name RBAC messages and 404s use. */
export function qualifiedResourceName(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** Finds the type for an object's apiVersion and kind. */
export function resourceTypeForObject(
  apiVersion: string,
  kind: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    t => apiVersionOf(t) === apiVersion && t.kind === kind,
  );
}

/** Finds the type for a URL's group, version and plural. */
export function resourceTypeForPath(
  group: string,
  version: string,
  plural: string,
): ResourceType | undefined {
  return RESOURCE_TYPES.find(
    t => t.group === group && t.version === version && t.plural === plural,
  );
}

/** Looks a known type up by apiVersion and kind; throws if unknown. */
export function knownType(apiVersion: string, kind: string): ResourceType {
  const type = resourceTypeForObject(apiVersion, kind);
  if (!type) {
    throw new Error(`unknown resource type ${apiVersion} ${kind}`);
  }
  return type;
}

/** The resource types the lifecycle engine and scenarios work with. */
export const Types = {
  namespace: knownType('v1', 'Namespace'),
  pod: knownType('v1', 'Pod'),
  persistentVolumeClaim: knownType('v1', 'PersistentVolumeClaim'),
  veleroBackup: knownType('velero.io/v1', 'Backup'),
  veleroSchedule: knownType('velero.io/v1', 'Schedule'),
  veleroRestore: knownType('velero.io/v1', 'Restore'),
  backupStorageLocation: knownType('velero.io/v1', 'BackupStorageLocation'),
  volumeSnapshotLocation: knownType('velero.io/v1', 'VolumeSnapshotLocation'),
  podVolumeBackup: knownType('velero.io/v1', 'PodVolumeBackup'),
  dataUpload: knownType('velero.io/v2alpha1', 'DataUpload'),
  cnpgCluster: knownType('postgresql.cnpg.io/v1', 'Cluster'),
  cnpgBackup: knownType('postgresql.cnpg.io/v1', 'Backup'),
  cnpgScheduledBackup: knownType('postgresql.cnpg.io/v1', 'ScheduledBackup'),
  objectStore: knownType('barmancloud.cnpg.io/v1', 'ObjectStore'),
  node: knownType('v1', 'Node'),
  deployment: knownType('apps/v1', 'Deployment'),
  statefulSet: knownType('apps/v1', 'StatefulSet'),
  podDisruptionBudget: knownType('policy/v1', 'PodDisruptionBudget'),
  horizontalPodAutoscaler: knownType(
    'autoscaling/v2',
    'HorizontalPodAutoscaler',
  ),
  certificate: knownType('cert-manager.io/v1', 'Certificate'),
};
