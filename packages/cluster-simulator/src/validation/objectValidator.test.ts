import { fixturesAvailable, fixturesDir } from '../__testUtils__/fixtures.ts';
import {
  kubeClients,
  rejectionOf,
  statusOf,
} from '../__testUtils__/kubeClients.ts';
import { testBackup, testScenario } from '../__testUtils__/testScenario.ts';
import { RESOURCE_TYPES, Types } from '../kube/resourceCatalog.ts';
import { startSimulator } from '../simulator.ts';
import { ObjectValidator } from './objectValidator.ts';

function objectStore(spec: Record<string, unknown>) {
  return {
    apiVersion: 'barmancloud.cnpg.io/v1',
    kind: 'ObjectStore',
    metadata: { name: 'store', namespace: 'db' },
    spec: { configuration: { destinationPath: 's3://bucket/db' }, ...spec },
  };
}

describe('ObjectValidator without CRDs', () => {
  const validator = new ObjectValidator(undefined);

  it('checks only ObjectMeta and the type', () => {
    expect(validator.schemaValidation).toBe(false);
    expect(
      validator.validate(Types.veleroBackup, {
        ...testBackup('ok'),
        spec: { ttl: 5 },
      }),
    ).toEqual([]);
    expect(
      validator.validate(Types.veleroBackup, testBackup('Not_A_Name')),
    ).toEqual([
      expect.objectContaining({
        field: 'metadata.name',
        reason: 'FieldValueInvalid',
      }),
    ]);
    expect(
      validator.validate(Types.veleroBackup, {
        ...testBackup('x'),
        kind: 'Restore',
      }),
    ).toEqual([
      expect.objectContaining({
        field: 'kind',
        reason: 'FieldValueNotSupported',
      }),
    ]);
    expect(
      validator.validate(Types.namespace, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'n', namespace: 'x' },
      }),
    ).toEqual([expect.objectContaining({ field: 'metadata.namespace' })]);
    expect(
      validator.validate(Types.pod, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          name: 'p',
          namespace: 'a',
          labels: { 'bad key!': 'v', ok: '-bad' },
        },
      }),
    ).toHaveLength(2);
  });
});

const describeWithFixtures = fixturesAvailable('the CRD schema tests')
  ? describe
  : describe.skip;

describeWithFixtures('ObjectValidator with the fixtures CRDs', () => {
  const validator = new ObjectValidator(fixturesDir);

  it('has a schema for every custom resource type', () => {
    for (const type of RESOURCE_TYPES.filter(t => t.crdFile)) {
      expect([type.plural, validator.hasSchema(type)]).toEqual([
        type.plural,
        true,
      ]);
    }
  });

  it('words schema failures like the API server', () => {
    const causes = validator.validate(Types.veleroBackup, {
      ...testBackup('bad'),
      spec: { ttl: 720, includedNamespaces: 'app' },
      status: { phase: 'Done' },
    });
    expect(causes).toEqual(
      expect.arrayContaining([
        {
          reason: 'FieldValueTypeInvalid',
          message:
            'Invalid value: "integer": spec.ttl in body must be of type string: "integer"',
          field: 'spec.ttl',
        },
        expect.objectContaining({
          field: 'spec.includedNamespaces',
          reason: 'FieldValueTypeInvalid',
        }),
        expect.objectContaining({
          field: 'status.phase',
          reason: 'FieldValueNotSupported',
          message: expect.stringMatching(
            /^Unsupported value: "Done": supported values: "New", "Queued"/,
          ),
        }),
      ]),
    );
  });

  it('prunes nulls of non-nullable fields before validating, as the API server does', () => {
    expect(
      validator.validate(Types.veleroBackup, {
        ...testBackup('nulls'),
        status: { validationErrors: null, phase: 'Completed' },
      }),
    ).toEqual([]);
  });

  it('requires the required fields', () => {
    const causes = validator.validate(Types.backupStorageLocation, {
      apiVersion: 'velero.io/v1',
      kind: 'BackupStorageLocation',
      metadata: { name: 'default', namespace: 'velero' },
      spec: { objectStorage: {} },
    });
    expect(causes).toEqual(
      expect.arrayContaining([
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.provider',
        },
        {
          reason: 'FieldValueRequired',
          message: 'Required value',
          field: 'spec.objectStorage.bucket',
        },
      ]),
    );
  });

  it('honours x-kubernetes-list-type: map and x-kubernetes-int-or-string', () => {
    const sidecar = (resources: unknown) =>
      objectStore({ instanceSidecarConfiguration: { resources } });
    expect(
      validator.validate(
        Types.objectStore,
        sidecar({
          claims: [{ name: 'a' }, { name: 'b' }],
          limits: { cpu: 1, memory: '512Mi' },
        }),
      ),
    ).toEqual([]);
    expect(
      validator.validate(
        Types.objectStore,
        sidecar({ claims: [{ name: 'a' }, { name: 'a' }] }),
      ),
    ).toEqual([
      expect.objectContaining({
        reason: 'FieldValueDuplicate',
        field: 'spec.instanceSidecarConfiguration.resources.claims[1]',
      }),
    ]);
    expect(
      validator.validate(Types.objectStore, sidecar({ limits: { cpu: true } })),
    ).not.toEqual([]);
    expect(
      validator.validate(
        Types.objectStore,
        sidecar({ limits: { cpu: '12 cores' } }),
      ),
    ).not.toEqual([]);
  });

  it('refuses a deliberately invalid object with 422 Invalid, through client-node and the admin API', async () => {
    const simulator = await startSimulator({
      tls: false,
      scenario: testScenario([]),
    });
    const { custom } = kubeClients(simulator.clusters[0].url, 'writer-token');
    const invalid = { ...testBackup('invalid'), spec: { ttl: 30 } };
    const error = await rejectionOf(
      custom.createNamespacedCustomObject({
        group: 'velero.io',
        version: 'v1',
        namespace: 'velero',
        plural: 'backups',
        body: invalid,
      }),
    );
    expect(error.code).toBe(422);
    expect(statusOf(error)).toMatchObject({
      kind: 'Status',
      reason: 'Invalid',
      code: 422,
      message:
        'Backup.velero.io "invalid" is invalid: [spec.ttl: Invalid value: "integer": spec.ttl in body must be of type string: "integer"]',
      details: {
        name: 'invalid',
        group: 'velero.io',
        kind: 'Backup',
        causes: [expect.objectContaining({ field: 'spec.ttl' })],
      },
    });
    const admin = await fetch(`${simulator.url}/admin/clusters/test/objects`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${simulator.adminToken}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify(invalid),
    });
    expect(admin.status).toBe(422);
    const read = await rejectionOf(
      custom.getNamespacedCustomObject({
        group: 'velero.io',
        version: 'v1',
        namespace: 'velero',
        plural: 'backups',
        name: 'invalid',
      }),
    );
    expect(read.code).toBe(404);
    await simulator.stop();
  });

  it('serves every fixture object; refuses only the documentation templates a real API server refuses too', async () => {
    const simulator = await startSimulator({
      tls: false,
      scenario: 'fixtures',
      fixturesDir,
    });
    const served = simulator.clusters.flatMap(cluster =>
      RESOURCE_TYPES.filter(t => t.group !== '').flatMap(type =>
        simulator
          .objects(cluster.name, `${type.group}/${type.version}`, type.kind)
          .map(
            o =>
              `${type.kind}.${type.group} ${o.metadata.namespace}/${o.metadata.name}`,
          ),
      ),
    );
    expect(served.sort()).toEqual(
      [
        'Backup.velero.io velero/ambassador-backup',
        'Backup.velero.io velero/test-backup',
        'Schedule.velero.io openshift-adp/test1-1-devops-backup',
        'Schedule.velero.io openshift-adp/torrent-bazarr',
        'BackupStorageLocation.velero.io velero/default',
        'BackupStorageLocation.velero.io velero/default',
        'BackupStorageLocation.velero.io velero/default',
        'VolumeSnapshotLocation.velero.io velero/aws-default',
        'VolumeSnapshotLocation.velero.io velero/default',
        'Cluster.postgresql.cnpg.io default/cluster-example',
        'Cluster.postgresql.cnpg.io default/cluster-example',
        'Cluster.postgresql.cnpg.io default/cluster-example-with-backup',
        'Cluster.postgresql.cnpg.io default/cluster-example-with-volume-snapshot',
        'Cluster.postgresql.cnpg.io default/cluster-restore-pitr',
        'Cluster.postgresql.cnpg.io default/pg-backup-scaleway',
        'Backup.postgresql.cnpg.io default/backup-example',
        'Backup.postgresql.cnpg.io default/backup-with-volume-snapshot',
        'Backup.postgresql.cnpg.io default/pg-backup-example',
        'ScheduledBackup.postgresql.cnpg.io default/backup-example',
        'ObjectStore.barmancloud.cnpg.io default/minio-store',
      ].sort(),
    );
    const refusals = simulator.notices.filter(n => n.includes('refused'));
    // The API reference's annotated templates (`phase: ""`, `{}` for lists)
    // and the design fragment whose spec is `[...]`.
    expect(refusals).toEqual([
      expect.stringMatching(
        /refused Backup velero\/a: .*status\.phase: Unsupported value: ""/,
      ),
      expect.stringMatching(
        /refused Restore velero\/test-restore: .*spec in body must be of type object: "array"/,
      ),
      expect.stringMatching(
        /refused Restore velero\/a-very-special-backup-0000111122223333: .*status\.phase: Unsupported value: ""/,
      ),
      expect.stringMatching(
        /refused Schedule velero\/a: .*includedClusterScopedResources in body must be of type array/,
      ),
    ]);
    expect(simulator.notices).toContainEqual(
      expect.stringMatching(
        /skipped cnpg\/objects\/cluster-status-conditions-failing\.fragment\.yaml: not a Kubernetes object/,
      ),
    );
    // Served unchanged: the published fields are all there.
    const ambassador = simulator
      .objects('fixtures-1', 'velero.io/v1', 'Backup')
      .find(b => b.metadata.name === 'ambassador-backup')!;
    expect(ambassador.metadata.uid).toBe(
      '1163afa8-4521-4b6c-bc9c-2856666fd2e1',
    );
    expect(ambassador.status).toMatchObject({
      phase: 'Completed',
      expiration: '2021-09-17T17:11:14Z',
      progress: { itemsBackedUp: 86 },
    });
    await simulator.stop();
  });
});
