import { fixturesDir } from '../__testUtils__/fixtures.ts';
import type { KubeObject } from '../kube/kubeObject.ts';
import { Types } from '../kube/resourceCatalog.ts';
import {
  boundClaim,
  servicePod,
  snapshotLocation,
} from '../scenarios/objectBuilders.ts';
import { SimulatedCluster } from '../store/simulatedCluster.ts';
import { validatorFor } from '../validation/objectValidator.ts';
import {
  failedVolumeItems,
  volumeCapture,
  volumeWorkObjects,
} from './veleroVolumeCapture.ts';

const AT = Date.parse('2026-11-18T12:00:00Z');

/** A cluster with `shop`'s two pods, each mounting its PVC, and an unmounted PVC. */
function cluster(options: { snapshotLocation: boolean }) {
  const c = new SimulatedCluster(
    'prod',
    new Set(['velero.io']),
    validatorFor(fixturesDir),
    'seed',
  );
  const objects: KubeObject[] = [
    servicePod({
      service: 'shop',
      namespace: 'shop',
      index: 0,
      createdAt: AT,
      claimName: 'data-0',
    }),
    servicePod({
      service: 'shop',
      namespace: 'shop',
      index: 1,
      createdAt: AT,
      claimName: 'data-1',
    }),
    ...['data-0', 'data-1', 'spare'].map(name =>
      boundClaim({
        name,
        namespace: 'shop',
        service: 'shop',
        size: '1Gi',
        createdAt: AT,
      }),
    ),
    boundClaim({
      name: 'data',
      namespace: 'other',
      service: 'other',
      size: '1Gi',
      createdAt: AT,
    }),
  ];
  if (options.snapshotLocation) {
    objects.push(snapshotLocation('velero', 'eu-west-1', AT));
  }
  for (const object of objects) c.write(object, AT);
  return c;
}

const claimsOf = (capture: ReturnType<typeof volumeCapture>) => ({
  fs: capture.podVolumes.map(v => v.claim.metadata.name),
  uploads: capture.dataUploads.map(c => c.metadata.name),
  snapshots: capture.snapshots,
});

describe('volumeCapture', () => {
  const withLocation = cluster({ snapshotLocation: true });

  it.each([
    [
      'file-system backup by default; the unmounted PVC is snapshotted',
      { defaultVolumesToFsBackup: true },
      { fs: ['data-0', 'data-1'], uploads: [], snapshots: 1 },
    ],
    [
      'native snapshots when nothing else is asked (snapshotVolumes unset)',
      {},
      { fs: [], uploads: [], snapshots: 3 },
    ],
    [
      'the data mover: one DataUpload per PVC',
      { snapshotMoveData: true },
      { fs: [], uploads: ['data-0', 'data-1', 'spare'], snapshots: 0 },
    ],
    [
      'manifests only with snapshots off',
      { snapshotVolumes: false },
      { fs: [], uploads: [], snapshots: 0 },
    ],
    [
      'nothing when PVCs are filtered out',
      {
        defaultVolumesToFsBackup: true,
        excludedResources: ['persistentvolumeclaims'],
      },
      { fs: [], uploads: [], snapshots: 0 },
    ],
    [
      'no file-system backup when pods are filtered out',
      {
        defaultVolumesToFsBackup: true,
        includedResources: ['persistentvolumeclaims'],
      },
      { fs: [], uploads: [], snapshots: 3 },
    ],
    [
      'only the included namespaces',
      { includedNamespaces: ['other'] },
      { fs: [], uploads: [], snapshots: 1 },
    ],
    [
      'no namespace that is excluded',
      { includedNamespaces: ['*'], excludedNamespaces: ['shop'] },
      { fs: [], uploads: [], snapshots: 1 },
    ],
    [
      'what matchLabels selects',
      {
        includedNamespaces: ['*'],
        labelSelector: { matchLabels: { 'app.kubernetes.io/name': 'other' } },
      },
      { fs: [], uploads: [], snapshots: 1 },
    ],
    [
      'nothing for matchExpressions, which are not modelled',
      {
        labelSelector: {
          matchExpressions: [
            { key: 'app.kubernetes.io/name', operator: 'Exists' },
          ],
        },
      },
      { fs: [], uploads: [], snapshots: 0 },
    ],
  ])('%s', (_name, spec, expected) => {
    // Backups of `shop` unless the case names its namespaces.
    expect(
      claimsOf(
        volumeCapture(withLocation, { includedNamespaces: ['shop'], ...spec }),
      ),
    ).toEqual(expected);
  });

  it('honours the per-pod opt-in and opt-out annotations', () => {
    const c = cluster({ snapshotLocation: true });
    const podMounting = (claim: string) =>
      [...c.collection(Types.pod).values()].find(pod =>
        JSON.stringify(pod.spec).includes(`"claimName":"${claim}"`),
      )!;
    const annotate = (pod: KubeObject, annotations: Record<string, string>) =>
      c.write({ ...pod, metadata: { ...pod.metadata, annotations } }, AT);
    annotate(podMounting('data-0'), {
      'backup.velero.io/backup-volumes': 'data',
    });
    annotate(podMounting('data-1'), {
      'backup.velero.io/backup-volumes-excludes': 'data',
    });
    // Opted in without the default; opted out of it with the default.
    const shop = { includedNamespaces: ['shop'] };
    expect(claimsOf(volumeCapture(c, shop))).toEqual({
      fs: ['data-0'],
      uploads: [],
      snapshots: 2,
    });
    expect(
      claimsOf(volumeCapture(c, { ...shop, defaultVolumesToFsBackup: true })),
    ).toEqual({ fs: ['data-0'], uploads: [], snapshots: 2 });
  });

  it('takes no native snapshot without a VolumeSnapshotLocation', () => {
    expect(
      claimsOf(volumeCapture(cluster({ snapshotLocation: false }), {})),
    ).toEqual({ fs: [], uploads: [], snapshots: 0 });
  });
});

describe('volume work of a finished backup', () => {
  it('fails every item of a Failed run and the last of a PartiallyFailed one', () => {
    expect(failedVolumeItems('Completed', 3)).toBe(0);
    expect(failedVolumeItems('PartiallyFailed', 3)).toBe(1);
    expect(failedVolumeItems('Failed', 3)).toBe(3);
    expect(failedVolumeItems('Failed', 0)).toBe(0);
  });

  it('labels PodVolumeBackups and DataUploads with their backup, owned by it', () => {
    const c = cluster({ snapshotLocation: true });
    const capture = volumeCapture(c, { defaultVolumesToFsBackup: true });
    capture.dataUploads.push(capture.podVolumes[0].claim);
    const backup: KubeObject = {
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      metadata: { name: 'shop-1', namespace: 'velero', uid: 'b-uid' },
      spec: { storageLocation: 'default' },
    };
    const objects = volumeWorkObjects({
      backup,
      capture,
      failed: 1,
      times: { startedAt: AT, completedAt: AT + 60_000 },
      repoIdentifier: ns => `s3:bucket/kopia/${ns}`,
    });
    expect(
      objects.map(o => [
        o.kind,
        o.metadata.labels!['velero.io/backup-name'],
        (o.metadata.ownerReferences as Array<{ uid: string }>)[0].uid,
        (o.status as { phase: string }).phase,
      ]),
    ).toEqual([
      ['PodVolumeBackup', 'shop-1', 'b-uid', 'Completed'],
      ['PodVolumeBackup', 'shop-1', 'b-uid', 'Completed'],
      ['DataUpload', 'shop-1', 'b-uid', 'Failed'],
    ]);
    // Every one is an object the CRDs accept.
    for (const object of objects) {
      expect(() => c.write(object, AT)).not.toThrow();
    }
  });
});
