import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startSimulator, type Simulator } from '@dr-posture/cluster-simulator';
import {
  RECORD_KINDS,
  type CertificateRecord,
  type PostgresClusterRecord,
  type WorkloadControllerRecord,
  type WorkloadRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import { DatabaseResourceStore } from '../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { builtInResourceKinds } from '../sources/builtInSources';
import { collectCluster } from './collectCluster';
import { simulatedClusterConfig } from './simulatedClusterConfig';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const START = new Date('2026-11-20T12:00:00.000Z');
const MINUTE = 60_000;

describe('collecting the availability kinds from the simulator', () => {
  let simulator: Simulator;
  let store: DatabaseResourceStore;

  const collect = (cluster: string, at: Date) =>
    collectCluster({
      cluster: simulatedClusterConfig(
        simulator.clusters.find(c => c.name === cluster)!,
      ),
      resourceKinds: builtInResourceKinds(),
      store,
      logger: mockServices.logger.mock(),
      pageSize: 200,
      deadline: Date.now() + 60_000,
      now: () => at,
    });

  beforeAll(async () => {
    simulator = await startSimulator({
      scenario: 'demo',
      startTime: START.getTime(),
      speed: 0,
    });
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    store = DatabaseResourceStore.create(knex);
  });

  afterAll(() => simulator.stop());

  it('collects Deployments, StatefulSets, budgets, autoscalers, Nodes, Certificates and pod status', async () => {
    const result = await collect('prod-eu-active', START);
    expect(result.status).toBe('succeeded');
    for (const kind of [
      RECORD_KINDS.deployment,
      RECORD_KINDS.statefulSet,
      RECORD_KINDS.podDisruptionBudget,
      RECORD_KINDS.horizontalPodAutoscaler,
      RECORD_KINDS.node,
      RECORD_KINDS.certificate,
    ]) {
      expect([
        kind.id,
        (await store.listRecords({ kind, cluster: 'prod-eu-active' })).length,
      ]).toEqual([
        kind.id,
        simulator.objects('prod-eu-active', kind.apiVersion, kind.kind).length,
      ]);
    }
    const [payments] = await store
      .listRecords<WorkloadControllerRecord>({
        kind: RECORD_KINDS.statefulSet,
        cluster: 'prod-eu-active',
      })
      .then(all => all.filter(s => s.name === 'payments-api'));
    expect(payments).toMatchObject({
      replicas: 3,
      readyReplicas: 3,
      containers: [
        {
          image: 'demo-retail/payments-api:4.2.1',
          readinessProbe: true,
          livenessProbe: true,
          requests: ['cpu', 'memory'],
        },
      ],
    });
    const certificates = await store.listRecords<CertificateRecord>({
      kind: RECORD_KINDS.certificate,
      cluster: 'prod-eu-active',
    });
    expect(
      certificates.find(c => c.name === 'checkout-web-tls')?.notAfter,
    ).toBe(new Date(START.getTime() + 9 * 24 * 60 * MINUTE).toISOString());
    const pods = await store.listRecords<WorkloadRecord>({
      kind: RECORD_KINDS.pod,
      cluster: 'prod-eu-active',
    });
    const etl = pods.find(p => p.name === 'analytics-etl-0')!;
    expect(etl.pod).toMatchObject({
      phase: 'Running',
      ready: { status: 'True' },
      containers: [{ restarts: 8, ready: true }],
      restartHistory: [
        {
          restarts: 8,
          firstSeenAt: START.toISOString(),
          lastSeenAt: START.toISOString(),
        },
      ],
    });
    expect(etl.pod?.nodeName).toMatch(/compute\.internal$/);
  });

  it('leaves cert-manager out of a cluster without it, and reads its replica clusters', async () => {
    const result = await collect('prod-us-standby', START);
    expect(result.status).toBe('succeeded');
    const [run] = (await store.listClusterHealth()).filter(
      h => h.name === 'prod-us-standby',
    );
    expect(run.lastRun?.details?.kinds[RECORD_KINDS.certificate.id]).toEqual({
      seen: 0,
      skipped: 0,
      notInstalled: true,
    });
    const replicas = await store.listRecords<PostgresClusterRecord>({
      kind: RECORD_KINDS.postgresCluster,
      cluster: 'prod-us-standby',
    });
    expect(
      replicas.map(r => [r.name, r.replicaOf?.serverName, r.readyInstances]),
    ).toEqual([
      ['feature-flags-db', 'feature-flags-db', 1],
      ['ledger-db', 'ledger-db', 0],
    ]);
  });

  it('carries restart counts over from one collection to the next', async () => {
    // analytics-etl-0 restarts twice more before a collection 70 minutes on.
    const [etl] = simulator
      .objects('prod-eu-active', 'v1', 'Pod')
      .filter(p => p.metadata.name === 'analytics-etl-0');
    const status = etl.status as {
      containerStatuses: Array<{ restartCount: number }>;
    };
    simulator.apply('prod-eu-active', {
      ...etl,
      status: {
        ...status,
        containerStatuses: status.containerStatuses.map(c => ({
          ...c,
          restartCount: 10,
        })),
      },
    });
    const later = new Date(START.getTime() + 70 * MINUTE);
    expect((await collect('prod-eu-active', later)).status).toBe('succeeded');
    const [stored] = (
      await store.listRecords<WorkloadRecord>({
        kind: RECORD_KINDS.pod,
        cluster: 'prod-eu-active',
      })
    ).filter(p => p.name === 'analytics-etl-0');
    // 8 seen when the first run wrote it and still at its end; 10 now.
    expect(stored.pod?.restartHistory).toEqual([
      {
        restarts: 8,
        firstSeenAt: START.toISOString(),
        lastSeenAt: START.toISOString(),
      },
      {
        restarts: 10,
        firstSeenAt: later.toISOString(),
        lastSeenAt: later.toISOString(),
      },
    ]);
  });
});
