import { RECORD_KINDS } from '@dr-posture/plugin-disaster-recovery-common';
import { certManagerSource } from './certManager';
import { cloudNativePgSource } from './cloudnativepg';

const certificateKind = certManagerSource.resourceKinds[0];
const clusterKind = cloudNativePgSource.resourceKinds.find(
  k => k.id === RECORD_KINDS.postgresCluster.id,
)!;

describe('a cert-manager Certificate as collected', () => {
  it('keeps when it expires and is renewed, and only the name of its Secret', () => {
    expect(
      certificateKind.toRow({
        metadata: { name: 'payments-tls', namespace: 'payments', uid: 'uid-c' },
        spec: { secretName: 'payments-tls', dnsNames: ['pay.example.com'] },
        status: {
          notAfter: '2026-12-01T00:00:00Z',
          renewalTime: '2026-11-01T00:00:00Z',
          conditions: [{ type: 'Ready', status: 'True' }],
        },
      }).record,
    ).toEqual({
      labels: {},
      secretName: 'payments-tls',
      dnsNames: ['pay.example.com'],
      notAfter: '2026-12-01T00:00:00.000Z',
      renewalTime: '2026-11-01T00:00:00.000Z',
      ready: 'True',
    });
  });

  it('keeps a certificate not issued yet without an expiry', () => {
    const { record } = certificateKind.toRow({
      metadata: { name: 'new-tls', namespace: 'payments', uid: 'uid-n' },
      spec: { secretName: 'new-tls' },
    });
    expect(record).toMatchObject({ secretName: 'new-tls', dnsNames: [] });
    expect(record.notAfter).toBeUndefined();
  });
});

describe('a CloudNativePG Cluster as collected', () => {
  const cluster = (spec: object, status: object = {}) =>
    clusterKind.toRow({
      metadata: { name: 'payments-db', namespace: 'payments', uid: 'uid-db' },
      spec: { instances: 1, ...spec },
      status,
    }).record as Record<string, unknown>;

  it.each<[string, object, unknown]>([
    [
      'a replica of an object store',
      {
        replica: { enabled: true, source: 'origin' },
        externalClusters: [
          {
            name: 'origin',
            barmanObjectStore: {
              destinationPath: 's3://pg/payments-db',
              serverName: 'payments-db',
            },
          },
        ],
      },
      {
        name: 'origin',
        serverName: 'payments-db',
        destinationPath: 's3://pg/payments-db',
      },
    ],
    [
      'a streaming replica in the distributed topology',
      {
        replica: { source: 'eu', primary: 'eu', self: 'us' },
        externalClusters: [
          { name: 'eu', connectionParameters: { host: 'payments-db-rw.eu' } },
        ],
      },
      { name: 'eu', serverName: 'eu', host: 'payments-db-rw.eu' },
    ],
    [
      'the primary of the distributed topology',
      { replica: { source: 'eu', primary: 'us', self: 'us' } },
      undefined,
    ],
    ['a cluster without replica mode', {}, undefined],
  ])('reads %s', (_case, spec, replicaOf) => {
    expect(cluster(spec).replicaOf).toEqual(replicaOf);
  });

  it('reads its primary, its nodes, and no ready instance when the status omits them', () => {
    expect(
      cluster(
        {},
        {
          instances: 1,
          currentPrimary: 'payments-db-1',
          topology: { nodesUsed: 1 },
        },
      ),
    ).toMatchObject({
      readyInstances: 0,
      currentPrimary: 'payments-db-1',
      nodesUsed: 1,
    });
    expect(cluster({}).readyInstances).toBeUndefined();
  });
});
