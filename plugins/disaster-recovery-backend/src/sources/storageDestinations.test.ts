import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import { cloudNativePgSource } from './cloudnativepg';
import { IMMUTABLE_ANNOTATION, veleroSource } from './velero';

function parserOf(
  source: typeof veleroSource,
  kind: { id: string },
): (object: unknown) => Record<string, unknown> {
  const found = source.resourceKinds.find(k => k.id === kind.id);
  if (!found) throw new Error(`no parser for ${kind.id}`);
  return object => found.toRow(object).record as Record<string, unknown>;
}

const metadata = (extra: Record<string, unknown> = {}) => ({
  name: 'default',
  namespace: 'velero',
  uid: 'uid-1',
  ...extra,
});

describe('where copies are kept', () => {
  const location = parserOf(veleroSource, RECORD_KINDS.veleroStorageLocation);
  const bsl = (config: Record<string, string>, annotations?: object) => ({
    metadata: metadata(annotations ? { annotations } : {}),
    spec: {
      provider: 'aws',
      objectStorage: { bucket: 'b' },
      config,
    },
  });

  it.each<[string, ReturnType<typeof bsl>, Record<string, unknown>]>([
    [
      'an S3-compatible endpoint',
      bsl({ region: 'minio', s3Url: 'http://minio.velero.svc:9000' }),
      { region: 'minio', endpoint: 'http://minio.velero.svc:9000' },
    ],
    [
      "an Azure storage account's blob endpoint and subscription",
      bsl({ storageAccount: 'drcopies', subscriptionId: 'sub-1' }),
      {
        endpoint: 'https://drcopies.blob.core.windows.net',
        account: 'sub-1',
      },
    ],
    [
      'an Azure storage account URI as given',
      bsl({ storageAccountURI: 'https://drcopies.example.net' }),
      { endpoint: 'https://drcopies.example.net' },
    ],
    [
      'a GCP project',
      bsl({ project: 'dr-project' }),
      { account: 'dr-project' },
    ],
    [
      'an immutable bucket',
      bsl({}, { [IMMUTABLE_ANNOTATION]: 'true' }),
      { immutable: true },
    ],
    [
      'a bucket marked not immutable',
      bsl({}, { [IMMUTABLE_ANNOTATION]: ' False ' }),
      { immutable: false },
    ],
  ])('reads %s', (_case, object, expected) => {
    expect(location(object)).toMatchObject(expected);
  });

  it('leaves what the location does not say unknown', () => {
    const record = location(
      bsl({ region: 'eu-west-1' }, { [IMMUTABLE_ANNOTATION]: 'yes' }),
    );
    expect(record).not.toHaveProperty('endpoint');
    expect(record).not.toHaveProperty('account');
    expect(record).not.toHaveProperty('immutable');
  });
});

describe('CloudNativePG backup setup', () => {
  const cluster = parserOf(cloudNativePgSource, RECORD_KINDS.postgresCluster);
  const scheduled = parserOf(
    cloudNativePgSource,
    RECORD_KINDS.postgresScheduledBackup,
  );
  const objectStore = parserOf(
    cloudNativePgSource,
    RECORD_KINDS.barmanObjectStore,
  );

  it.each<[string, object | undefined, Record<string, unknown>]>([
    ['no backup section', undefined, { volumeSnapshot: false }],
    [
      'a barman object store',
      {
        barmanObjectStore: {
          destinationPath: 's3://backups/',
          endpointURL: 'http://minio:9000',
        },
      },
      {
        barmanObjectStoreDestination: 's3://backups/',
        barmanObjectStoreEndpoint: 'http://minio:9000',
        volumeSnapshot: false,
      },
    ],
    [
      'volume snapshots',
      { volumeSnapshot: { className: 'csi-hostpath-snapclass' } },
      { volumeSnapshot: true },
    ],
  ])('records %s', (_case, backup, expected) => {
    const record = cluster({
      metadata: metadata({ name: 'pg', namespace: 'db' }),
      spec: { instances: 3, ...(backup ? { backup } : {}) },
    });
    expect(record.backupConfiguration).toEqual(expected);
  });

  it.each([
    [true, { immediate: true }],
    [false, { immediate: false }],
  ])('keeps ScheduledBackup immediate: %p', (immediate, expected) => {
    expect(
      scheduled({
        metadata: metadata({ name: 'daily', namespace: 'db' }),
        spec: { cluster: { name: 'pg' }, schedule: '0 0 0 * * *', immediate },
      }),
    ).toMatchObject(expected);
  });

  it('leaves immediate unset when the ScheduledBackup does not say', () => {
    expect(
      scheduled({
        metadata: metadata({ name: 'daily', namespace: 'db' }),
        spec: { cluster: { name: 'pg' }, schedule: '0 0 0 * * *' },
      }),
    ).not.toHaveProperty('immediate');
  });

  it("keeps a barman-cloud ObjectStore's endpoint", () => {
    expect(
      objectStore({
        metadata: metadata({ name: 'store', namespace: 'db' }),
        spec: {
          configuration: {
            destinationPath: 's3://backups/',
            endpointURL: 'https://minio:9000',
          },
        },
      }),
    ).toMatchObject({
      destinationPath: 's3://backups/',
      endpoint: 'https://minio:9000',
    });
  });
});
