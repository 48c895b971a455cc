import { fixturesDir } from '../../__testUtils__/fixtures.ts';
import { kubeClients, rejectionOf } from '../../__testUtils__/kubeClients.ts';
import type { KubeObject } from '../../kube/kubeObject.ts';
import { startSimulator, type Simulator } from '../../simulator.ts';
import { DEMO_SERVICES, OFFSITE_SERVICES } from './demoEstate.ts';

const START = Date.parse('2024-05-01T12:00:00Z');
const RPO = { 1: 15 * 60_000, 2: 60 * 60_000, 3: 24 * 60 * 60_000 };

const status = (o: KubeObject) => (o.status ?? {}) as Record<string, any>;
const spec = (o: KubeObject) => (o.spec ?? {}) as Record<string, any>;

describe('demo scenario', () => {
  let demo: Simulator;
  const objects = (cluster: string, apiVersion: string, kind: string) =>
    demo.objects(cluster, apiVersion, kind);

  beforeAll(async () => {
    demo = await startSimulator({
      // The story, not the transport, is under test here.
      tls: false,
      scenario: 'demo',
      startTime: START,
      speed: 0,
    });
  });
  afterAll(() => demo.stop());

  // Every write is validated (against the CRDs when the fixtures are
  // present); a refused one would be listed in refusedWrites (engine) or in
  // the notices (initial objects).
  it('wrote only objects that pass validation', () => {
    expect(demo.fixturesDir).toBe(fixturesDir);
    expect(demo.notices).toEqual(
      fixturesDir
        ? []
        : [
            'CRD schema validation skipped: no fixtures directory (set DR_FIXTURES_DIR to enable it)',
          ],
    );
    expect(demo.refusedWrites()).toEqual([]);
  });

  it('has the three clusters with fixed demo tokens', () => {
    expect(demo.clusters.map(c => [c.name, c.token])).toEqual([
      ['prod-eu-active', 'demo-token-prod-eu-active'],
      ['prod-us-standby', 'demo-token-prod-us-standby'],
      ['staging', 'demo-token-staging'],
    ]);
  });

  function lastCompletedBackup(service: string): number | undefined {
    const covering = new Set(
      objects('prod-eu-active', 'velero.io/v1', 'Schedule')
        .filter(s => spec(s).template.includedNamespaces.includes(service))
        .map(s => s.metadata.name),
    );
    const times = objects('prod-eu-active', 'velero.io/v1', 'Backup')
      .filter(
        b =>
          covering.has(b.metadata.labels!['velero.io/schedule-name']) &&
          status(b).phase === 'Completed',
      )
      .map(b => Date.parse(status(b).completionTimestamp));
    return times.length > 0 ? Math.max(...times) : undefined;
  }

  it('has exactly one service past its RPO (checkout-web) and one namespace no schedule covers', () => {
    const pastRpo = DEMO_SERVICES.filter(service => {
      const last = lastCompletedBackup(service.name);
      return last === undefined || START - last > RPO[service.tier];
    }).map(s => s.name);
    expect(pastRpo).toEqual(['checkout-web', 'analytics-etl']);
    expect(lastCompletedBackup('analytics-etl')).toBeUndefined();
    const checkoutRuns = objects(
      'prod-eu-active',
      'velero.io/v1',
      'Backup',
    ).filter(
      b =>
        b.metadata.labels!['velero.io/schedule-name'] ===
        'checkout-web-every-5m',
    );
    const recent = checkoutRuns.filter(b => {
      const started = Date.parse(status(b).startTimestamp);
      // Runs of the last few minutes may still be in progress.
      return started > START - 20 * 3_600_000 && started < START - 5 * 60_000;
    });
    expect(recent.length).toBeGreaterThan(200);
    expect(new Set(recent.map(b => status(b).phase))).toEqual(
      new Set(['Failed']),
    );
  });

  it('has one paused schedule, still Enabled', () => {
    const paused = objects('prod-eu-active', 'velero.io/v1', 'Schedule').filter(
      s => spec(s).paused === true,
    );
    expect(paused.map(s => [s.metadata.name, status(s).phase])).toEqual([
      ['catalog-search-daily-volumes', 'Enabled'],
    ]);
    const others = objects('prod-eu-active', 'velero.io/v1', 'Schedule').filter(
      s => !spec(s).paused,
    );
    expect(others.every(s => !('paused' in spec(s)))).toBe(true);
  });

  it('has one Unavailable storage location whose backups fail validation', () => {
    const locations = objects(
      'prod-eu-active',
      'velero.io/v1',
      'BackupStorageLocation',
    );
    expect(locations.map(l => [l.metadata.name, status(l).phase])).toEqual([
      ['customer-data', 'Unavailable'],
      ['default', 'Available'],
      ['offsite', 'Available'],
    ]);
    const offsite = objects('prod-eu-active', 'velero.io/v1', 'Backup').filter(
      b => b.metadata.labels!['velero.io/storage-location'] === 'customer-data',
    );
    const recent = offsite.filter(
      b => Date.parse(b.metadata.creationTimestamp!) > START - 40 * 3_600_000,
    );
    expect(recent.length).toBeGreaterThan(0);
    expect(recent.every(b => status(b).phase === 'FailedValidation')).toBe(
      true,
    );
  });

  it('keeps a daily 30-day off-site copy of the healthy services at another provider', () => {
    const offsite = objects(
      'prod-eu-active',
      'velero.io/v1',
      'Schedule',
    ).filter(s => spec(s).template.storageLocation === 'offsite');
    expect(
      offsite.map(s => [
        spec(s).template.includedNamespaces,
        spec(s).template.ttl,
      ]),
    ).toEqual(
      [...OFFSITE_SERVICES].sort().map(service => [[service], '720h0m0s']),
    );
    const location = objects(
      'prod-eu-active',
      'velero.io/v1',
      'BackupStorageLocation',
    ).find(l => l.metadata.name === 'offsite')!;
    expect(spec(location).provider).toBe('gcp');
    const copies = objects('prod-eu-active', 'velero.io/v1', 'Backup').filter(
      b =>
        b.metadata.labels!['velero.io/storage-location'] === 'offsite' &&
        status(b).phase === 'Completed',
    );
    expect(new Set(copies.map(b => spec(b).includedNamespaces[0]))).toEqual(
      new Set(OFFSITE_SERVICES),
    );
  });

  it('has one CloudNativePG cluster with broken WAL archiving; orders-db is healthy on the plugin', () => {
    const clusters = objects(
      'prod-eu-active',
      'postgresql.cnpg.io/v1',
      'Cluster',
    );
    const archiving = (c: KubeObject) =>
      status(c).conditions.find((x: any) => x.type === 'ContinuousArchiving')
        .status;
    expect(clusters.map(c => [c.metadata.name, archiving(c)])).toEqual([
      ['ledger-db', 'False'],
      ['orders-db', 'True'],
    ]);
    const [ledger, orders] = clusters;
    expect(status(ledger).firstRecoverabilityPoint).toBeDefined();
    expect(status(orders).firstRecoverabilityPoint).toBeUndefined();
    const [store] = objects(
      'prod-eu-active',
      'barmancloud.cnpg.io/v1',
      'ObjectStore',
    );
    const window = status(store).serverRecoveryWindow['orders-db'];
    expect(Date.parse(window.lastSuccessfulBackupTime)).toBeGreaterThan(
      START - 26 * 3_600_000,
    );
    // Barman keeps the base backup before the 30-day window, so the window is full.
    expect(Date.parse(window.firstRecoverabilityPoint)).toBeLessThan(
      START - 30 * 86_400_000,
    );
    expect(Date.parse(window.firstRecoverabilityPoint)).toBeGreaterThan(
      START - 32 * 86_400_000,
    );
    const ledgerBackups = objects(
      'prod-eu-active',
      'postgresql.cnpg.io/v1',
      'Backup',
    ).filter(b => b.metadata.labels!['cnpg.io/cluster'] === 'ledger-db');
    expect(
      ledgerBackups.some(b => status(b).phase === 'walArchivingFailing'),
    ).toBe(true);
    expect(
      ledgerBackups.every(
        b =>
          b.metadata.labels!['cnpg.io/scheduled-backup'] === 'ledger-db-daily',
      ),
    ).toBe(true);
  });

  it('has restore drills into other namespaces that pass and fail, with realistic durations', () => {
    const restores = objects('prod-us-standby', 'velero.io/v1', 'Restore');
    expect(new Set(restores.map(r => status(r).phase))).toEqual(
      new Set(['Completed', 'Failed', 'PartiallyFailed']),
    );
    for (const restore of restores) {
      const [[from, to]] = Object.entries(
        spec(restore).namespaceMapping as Record<string, string>,
      );
      expect(to).toBe(`${from}-drill`);
      const minutes =
        (Date.parse(status(restore).completionTimestamp) -
          Date.parse(status(restore).startTimestamp)) /
        60_000;
      expect(minutes).toBeGreaterThanOrEqual(6);
      expect(minutes).toBeLessThanOrEqual(40);
    }
    const backups = new Set(
      objects('prod-us-standby', 'velero.io/v1', 'Backup').map(
        b => b.metadata.name,
      ),
    );
    const recent = restores.filter(
      r => Date.parse(status(r).startTimestamp) > START - 2 * 86_400_000,
    );
    expect(recent.every(r => backups.has(spec(r).backupName))).toBe(true);
    // Restored by schedule name, Velero still records the backup it picked.
    const bySchedule = restores.filter(r => spec(r).scheduleName);
    expect(bySchedule.length).toBeGreaterThan(0);
    expect(
      bySchedule.every(r =>
        spec(r).backupName.startsWith(`${spec(r).scheduleName}-`),
      ),
    ).toBe(true);
  });

  it('syncs production backups into the standby, which has no CloudNativePG', async () => {
    const active = new Set(
      objects('prod-eu-active', 'velero.io/v1', 'Backup').map(
        b => b.metadata.name,
      ),
    );
    const standby = objects('prod-us-standby', 'velero.io/v1', 'Backup');
    expect(standby.length).toBeGreaterThan(1000);
    expect(standby.every(b => active.has(b.metadata.name))).toBe(true);
    const standbyCluster = demo.clusters[1];
    const error = await rejectionOf(
      kubeClients(
        standbyCluster.url,
        standbyCluster.token,
      ).custom.listClusterCustomObject({
        group: 'postgresql.cnpg.io',
        version: 'v1',
        plural: 'clusters',
      }),
    );
    expect(error.code).toBe(404);
  });

  it('labels pods and PVCs with the service name', async () => {
    const active = demo.clusters[0];
    const { core } = kubeClients(active.url, active.token);
    const pods = await core.listPodForAllNamespaces({
      labelSelector: 'app.kubernetes.io/name=analytics-etl',
    });
    expect(pods.items.map(p => p.metadata?.namespace)).toEqual([
      'analytics-etl',
    ]);
    const claims = await core.listPersistentVolumeClaimForAllNamespaces({
      labelSelector: 'app.kubernetes.io/name in (orders-db)',
    });
    expect(claims.items).toHaveLength(3);
  });

  it('is deterministic for a seed and a start time', async () => {
    const again = await startSimulator({
      tls: false,
      scenario: 'demo',
      startTime: START,
      speed: 0,
    });
    const digest = (s: Simulator) =>
      JSON.stringify(
        s
          .objects('prod-eu-active', 'velero.io/v1', 'Backup')
          .map(b => [b.metadata.name, b.metadata.uid, status(b)]),
      );
    expect(digest(again)).toBe(digest(demo));
    await again.stop();
  });

  it('moves with the clock: schedules make backups, expired ones disappear, new schedules run', () => {
    const sim = demo;
    const payments = () =>
      sim
        .objects('prod-eu-active', 'velero.io/v1', 'Backup')
        .filter(
          b =>
            b.metadata.labels!['velero.io/schedule-name'] ===
            'payments-api-every-5m',
        );
    const before = payments().map(b => b.metadata.name);
    sim.apply('prod-eu-active', {
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: { name: 'analytics-etl-hourly', namespace: 'velero' },
      spec: {
        schedule: '0 * * * *',
        template: { includedNamespaces: ['analytics-etl'], ttl: '24h0m0s' },
      },
    });
    sim.apply('prod-eu-active', {
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: { name: 'analytics-etl-skipping', namespace: 'velero' },
      spec: {
        schedule: '0 * * * *',
        skipImmediately: true,
        template: { includedNamespaces: ['analytics-etl'], ttl: '24h0m0s' },
      },
    });
    sim.advanceClock('1h');
    const after = payments().map(b => b.metadata.name);
    expect(after.filter(n => !before.includes(n))).toHaveLength(12);
    expect(before.filter(n => !after.includes(n))).toHaveLength(12);
    const schedule = sim
      .objects('prod-eu-active', 'velero.io/v1', 'Schedule')
      .find(s => s.metadata.name === 'payments-api-every-5m')!;
    expect(status(schedule).lastBackup).toBe('2024-05-01T13:00:00Z');
    const added = sim
      .objects('prod-eu-active', 'velero.io/v1', 'Backup')
      .filter(
        b =>
          b.metadata.labels!['velero.io/schedule-name'] ===
          'analytics-etl-hourly',
      );
    // Without skipImmediately Velero backs up a new schedule at once.
    expect(added.map(b => b.metadata.name)).toEqual([
      'analytics-etl-hourly-20240501120000',
      'analytics-etl-hourly-20240501130000',
    ]);
    const skipping = sim
      .objects('prod-eu-active', 'velero.io/v1', 'Schedule')
      .find(s => s.metadata.name === 'analytics-etl-skipping')!;
    // The flag is consumed and the skip recorded; the first run is the tick.
    expect(spec(skipping).skipImmediately).toBe(false);
    expect(status(skipping).lastSkipped).toBe('2024-05-01T12:00:00Z');
    expect(
      sim
        .objects('prod-eu-active', 'velero.io/v1', 'Backup')
        .filter(
          b =>
            b.metadata.labels!['velero.io/schedule-name'] ===
            'analytics-etl-skipping',
        )
        .map(b => b.metadata.name),
    ).toEqual(['analytics-etl-skipping-20240501130000']);
    expect(sim.refusedWrites()).toEqual([]);
  });
});
