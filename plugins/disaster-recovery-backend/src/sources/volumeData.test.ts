import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import { veleroSource } from './velero';
import { workloadsSource } from './workloads';

function toRowOf(kindId: string) {
  const kind = [
    ...veleroSource.resourceKinds,
    ...workloadsSource.resourceKinds,
  ].find(k => k.id === kindId);
  if (!kind) throw new Error(`no ${kindId}`);
  return (object: unknown) => kind.toRow(object).record;
}

const metadata = (name: string, labels: Record<string, string> = {}) => ({
  name,
  namespace: 'velero',
  uid: `uid-${name}`,
  labels,
});

describe('what the Velero and workload sources keep of volume data', () => {
  it('reads the volume settings of a backup, the older restic flag included, and its snapshot counts', () => {
    const record = toRowOf(RECORD_KINDS.veleroBackup.id)({
      metadata: metadata('b1'),
      spec: {
        defaultVolumesToRestic: true,
        snapshotVolumes: false,
        excludedResources: ['secrets'],
        includeClusterResources: null,
      },
      status: {
        phase: 'Completed',
        csiVolumeSnapshotsAttempted: 2,
        csiVolumeSnapshotsCompleted: 2,
      },
    });
    expect(record).toMatchObject({
      defaultVolumesToFsBackup: true,
      snapshotVolumes: false,
      excludedResources: ['secrets'],
      volumeSnapshots: { attempted: 0, completed: 0 },
      csiVolumeSnapshots: { attempted: 2, completed: 2 },
    });
    expect(record).not.toHaveProperty('includeClusterResources');
  });

  it('leaves the snapshot counts of a backup without status unknown', () => {
    const record = toRowOf(RECORD_KINDS.veleroBackup.id)({
      metadata: metadata('new'),
      spec: { defaultVolumesToFsBackup: false, defaultVolumesToRestic: true },
    });
    expect(record).not.toHaveProperty('volumeSnapshots');
    // The newer field wins over the older one.
    expect(record).toMatchObject({ defaultVolumesToFsBackup: false });
  });

  it('reads a PodVolumeBackup and a DataUpload with the backup they belong to', () => {
    const labels = { 'velero.io/backup-name': 'b1' };
    expect(
      toRowOf(RECORD_KINDS.veleroPodVolumeBackup.id)({
        metadata: metadata('b1-pvb', labels),
        spec: {
          pod: { kind: 'Pod', name: 'db-0', namespace: 'shop' },
          volume: 'data',
          backupStorageLocation: 'default',
          node: 'n1',
          repoIdentifier: '',
          tags: {},
        },
        status: { phase: 'Completed' },
      }),
    ).toMatchObject({
      backupName: 'b1',
      podNamespace: 'shop',
      podName: 'db-0',
      volume: 'data',
      phase: 'Completed',
      storageLocation: 'default',
    });
    expect(
      toRowOf(RECORD_KINDS.veleroDataUpload.id)({
        metadata: metadata('b1-du', labels),
        spec: {
          sourceNamespace: 'shop',
          sourcePVC: 'data-db-0',
          snapshotType: 'CSI',
          backupStorageLocation: 'offsite',
        },
      }),
    ).toEqual(
      expect.objectContaining({
        backupName: 'b1',
        sourceNamespace: 'shop',
        sourcePVC: 'data-db-0',
        storageLocation: 'offsite',
      }),
    );
  });

  it.each([
    [RECORD_KINDS.veleroPodVolumeBackup.id, { volume: 'data' }, 'spec.pod'],
    [
      RECORD_KINDS.veleroDataUpload.id,
      { sourceNamespace: 'shop' },
      'sourcePVC',
    ],
    [RECORD_KINDS.veleroVolumeSnapshotLocation.id, { config: {} }, 'provider'],
  ])(
    'refuses a %s without its required fields, naming one',
    (kind, spec, field) => {
      expect(() => toRowOf(kind)({ metadata: metadata('bad'), spec })).toThrow(
        field,
      );
    },
  );

  it('reads the claims a pod mounts and its file-system backup annotations', () => {
    const record = toRowOf(RECORD_KINDS.pod.id)({
      metadata: {
        ...metadata('db-0'),
        annotations: {
          'backup.velero.io/backup-volumes': 'data, logs',
          'backup.velero.io/backup-volumes-excludes': 'cache',
        },
      },
      spec: {
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: 'data-db-0' } },
          { name: 'config', configMap: { name: 'cfg' } },
        ],
      },
    });
    expect(record).toMatchObject({
      kind: 'Pod',
      volumes: [{ name: 'data', claimName: 'data-db-0' }],
      fsBackupVolumes: ['data', 'logs'],
      fsBackupExcludes: ['cache'],
    });
  });
});
