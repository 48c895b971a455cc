import { fixturesDir } from '../../__testUtils__/fixtures.ts';
import { kubeClients, rejectionOf } from '../../__testUtils__/kubeClients.ts';
import type { KubeObject } from '../../kube/kubeObject.ts';
import { startSimulator, type Simulator } from '../../simulator.ts';
import { Millis } from '../../time/timestamps.ts';
import { DEMO_SERVICES, INCIDENTS, OFFSITE_SERVICES } from './demoEstate.ts';

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

  /** The production Backups a schedule made. */
  const runsOf = (schedule: string) =>
    objects('prod-eu-active', 'velero.io/v1', 'Backup').filter(
      b => b.metadata.labels!['velero.io/schedule-name'] === schedule,
    );

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
    // Its only recovery point is a one-off backup taken by hand, 20 h ago.
    const oneOff = objects('prod-eu-active', 'velero.io/v1', 'Backup').filter(
      b => spec(b).includedNamespaces.includes('analytics-etl'),
    );
    expect(
      oneOff.map(b => [
        b.metadata.name,
        b.metadata.labels!['velero.io/schedule-name'],
        status(b).volumeSnapshotsCompleted,
        START - Date.parse(status(b).startTimestamp),
      ]),
    ).toEqual([
      [
        'analytics-etl-before-migration',
        undefined,
        1,
        INCIDENTS.analyticsOneOffBackupAgo,
      ],
    ]);
    const checkoutRuns = runsOf('checkout-web-every-5m');
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
    const runsSincePaused = runsOf('catalog-search-daily-volumes').filter(
      b =>
        Date.parse(status(b).startTimestamp) >
        START - INCIDENTS.catalogSearchPausedFor,
    );
    expect(runsSincePaused).toEqual([]);
  });

  it('captures volume data as Velero does: file-system backups, data-mover uploads, native snapshots', () => {
    const backups = objects('prod-eu-active', 'velero.io/v1', 'Backup');
    const finishedOf = (schedule: string) =>
      backups.filter(
        b =>
          b.metadata.labels!['velero.io/schedule-name'] === schedule &&
          status(b).phase === 'Completed',
      );
    const byBackup = (apiVersion: string, kind: string) => {
      const groups = new Map<string, KubeObject[]>();
      for (const o of objects('prod-eu-active', apiVersion, kind)) {
        const name = o.metadata.labels!['velero.io/backup-name'];
        groups.set(name, [...(groups.get(name) ?? []), o]);
      }
      return groups;
    };
    const podVolumes = byBackup('velero.io/v1', 'PodVolumeBackup');
    const uploads = byBackup('velero.io/v2alpha1', 'DataUpload');

    // payments-api: three pods, each mounting its PVC, file-system backed up.
    const payments = finishedOf('payments-api-every-5m');
    expect(payments.length).toBeGreaterThan(500);
    for (const backup of payments) {
      const work = podVolumes.get(backup.metadata.name) ?? [];
      expect(
        work.map(p => [spec(p).pod.namespace, spec(p).volume, status(p).phase]),
      ).toEqual([
        ['payments-api', 'data', 'Completed'],
        ['payments-api', 'data', 'Completed'],
        ['payments-api', 'data', 'Completed'],
      ]);
      expect(
        work.every(
          p =>
            p.metadata.labels!['velero.io/backup-uid'] === backup.metadata.uid,
        ),
      ).toBe(true);
      expect(status(backup).volumeSnapshotsAttempted).toBeUndefined();
    }
    // inventory-service: CSI snapshots moved by the data mover.
    for (const backup of finishedOf('inventory-service-every-20m')) {
      expect(
        (uploads.get(backup.metadata.name) ?? []).map(u => [
          spec(u).sourcePVC,
          status(u).phase,
        ]),
      ).toEqual([
        ['data-inventory-service-0', 'Completed'],
        ['data-inventory-service-1', 'Completed'],
      ]);
      expect(status(backup).backupItemOperationsCompleted).toBe(2);
    }
    // reporting-batch: a native EBS snapshot of its one volume.
    for (const backup of finishedOf('reporting-batch-every-6h')) {
      expect(status(backup)).toMatchObject({
        volumeSnapshotsAttempted: 1,
        volumeSnapshotsCompleted: 1,
      });
      expect(podVolumes.has(backup.metadata.name)).toBe(false);
    }
    // catalog-search's frequent schedule: snapshots off, manifests only.
    for (const backup of finishedOf('catalog-search-every-20m')) {
      expect(status(backup).volumeSnapshotsAttempted).toBeUndefined();
      expect(podVolumes.has(backup.metadata.name)).toBe(false);
    }
    // Volume work goes with its backup when the backup expires.
    const names = new Set(backups.map(b => b.metadata.name));
    expect(
      [...podVolumes.keys(), ...uploads.keys()].filter(n => !names.has(n)),
    ).toEqual([]);
  });

  it('has a schedule whose latest finished run partially failed', () => {
    const finished = objects('prod-eu-active', 'velero.io/v1', 'Backup')
      .filter(
        b =>
          b.metadata.labels!['velero.io/schedule-name'] ===
            'docs-portal-every-24h' && status(b).completionTimestamp,
      )
      .sort((a, b) =>
        status(b).completionTimestamp.localeCompare(
          status(a).completionTimestamp,
        ),
      );
    expect(finished.map(b => status(b).phase).slice(0, 2)).toEqual([
      'PartiallyFailed',
      'Completed',
    ]);
  });

  it('has one Unavailable storage location whose backups fail validation, and one validated long ago', () => {
    const locations = objects(
      'prod-eu-active',
      'velero.io/v1',
      'BackupStorageLocation',
    );
    expect(locations.map(l => [l.metadata.name, status(l).phase])).toEqual([
      ['customer-data', 'Unavailable'],
      ['default', 'Available'],
      ['docs-archive', 'Available'],
      ['offsite', 'Available'],
    ]);
    // docs-archive is Available but no longer validated (frequency 0s).
    const archive = locations.find(l => l.metadata.name === 'docs-archive')!;
    expect(spec(archive).validationFrequency).toBe('0s');
    expect(START - Date.parse(status(archive).lastValidationTime)).toBe(
      INCIDENTS.docsArchiveValidatedAgo,
    );
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

  it('keeps a daily 30-day off-site copy of the healthy services at another provider, but one went stale', () => {
    const schedules = objects('prod-eu-active', 'velero.io/v1', 'Schedule');
    const offsite = schedules.filter(
      s => spec(s).template.storageLocation === 'offsite',
    );
    expect(
      offsite.map(s => [
        spec(s).template.includedNamespaces,
        spec(s).template.ttl,
      ]),
    ).toEqual(
      OFFSITE_SERVICES.filter(s => s !== 'notifications-worker')
        .sort()
        .map(service => [[service], '720h0m0s']),
    );
    // Repointed at the default location: it succeeds, but nothing leaves AWS.
    expect(
      spec(
        schedules.find(
          s => s.metadata.name === 'notifications-worker-daily-offsite',
        )!,
      ).template.storageLocation,
    ).toBe('default');
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
    const newestNotificationsCopy = Math.max(
      ...copies
        .filter(b => spec(b).includedNamespaces[0] === 'notifications-worker')
        .map(b => Date.parse(status(b).completionTimestamp)),
    );
    expect(START - newestNotificationsCopy).toBeGreaterThan(
      INCIDENTS.notificationsOffsiteRepointedFor,
    );
  });

  it('has CloudNativePG clusters with broken, unreported and working WAL archiving; orders-db is on the plugin', () => {
    const clusters = objects(
      'prod-eu-active',
      'postgresql.cnpg.io/v1',
      'Cluster',
    );
    const archiving = (c: KubeObject) =>
      status(c).conditions.find((x: any) => x.type === 'ContinuousArchiving')
        ?.status;
    expect(clusters.map(c => [c.metadata.name, archiving(c)])).toEqual([
      ['checkout-sessions', undefined],
      ['customer-profile-db', 'True'],
      ['feature-flags-db', 'False'],
      ['ledger-db', 'False'],
      ['orders-db', 'True'],
    ]);
    const named = (name: string) =>
      clusters.find(c => c.metadata.name === name)!;
    const ledger = named('ledger-db');
    // No retention policy: every base backup since the history began is kept.
    expect(spec(ledger).backup.retentionPolicy).toBeUndefined();
    expect(Date.parse(status(ledger).firstRecoverabilityPoint)).toBeLessThan(
      START - 33 * 86_400_000,
    );
    expect(status(named('orders-db')).firstRecoverabilityPoint).toBeUndefined();
    // 7-day retention: the window never reaches 30 days.
    expect(
      Date.parse(status(named('feature-flags-db')).firstRecoverabilityPoint),
    ).toBeGreaterThan(START - 9 * 86_400_000);
    // 12 days old: the window is still growing.
    expect(
      Date.parse(status(named('customer-profile-db')).firstRecoverabilityPoint),
    ).toBeGreaterThan(START - 12 * 86_400_000);
    // Created 10 minutes ago: nothing backed up yet.
    expect(
      status(named('checkout-sessions')).firstRecoverabilityPoint,
    ).toBeUndefined();
    expect(
      objects('prod-eu-active', 'postgresql.cnpg.io/v1', 'Backup').filter(
        b => b.metadata.labels!['cnpg.io/cluster'] === 'checkout-sessions',
      ),
    ).toEqual([]);
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

  it('syncs production backups into the standby, whose CloudNativePG holds only replica clusters and which has no cert-manager', async () => {
    const active = new Set(
      objects('prod-eu-active', 'velero.io/v1', 'Backup').map(
        b => b.metadata.name,
      ),
    );
    const standby = objects('prod-us-standby', 'velero.io/v1', 'Backup');
    expect(standby.length).toBeGreaterThan(1000);
    expect(standby.every(b => active.has(b.metadata.name))).toBe(true);
    const clusters = objects(
      'prod-us-standby',
      'postgresql.cnpg.io/v1',
      'Cluster',
    );
    expect(
      clusters.map(c => [
        c.metadata.name,
        (c.spec as { replica?: { enabled: boolean } }).replica?.enabled,
      ]),
    ).toEqual([
      ['feature-flags-db', true],
      ['ledger-db', true],
    ]);
    const standbyCluster = demo.clusters[1];
    const error = await rejectionOf(
      kubeClients(
        standbyCluster.url,
        standbyCluster.token,
      ).custom.listClusterCustomObject({
        group: 'cert-manager.io',
        version: 'v1',
        plural: 'certificates',
      }),
    );
    expect(error.code).toBe(404);
  });

  it('runs the services on zoned Nodes, with the deliberate availability problems', () => {
    type Named = { metadata: { name: string; namespace?: string } };
    const byName = <T extends Named>(items: readonly T[], name: string) =>
      items.find(i => i.metadata.name === name)!;
    const nodes = objects('prod-eu-active', 'v1', 'Node');
    const zoneOf = new Map(
      nodes.map(n => [
        n.metadata.name,
        (n.metadata.labels as Record<string, string>)[
          'topology.kubernetes.io/zone'
        ],
      ]),
    );
    expect(new Set(zoneOf.values())).toEqual(
      new Set(['eu-west-1a', 'eu-west-1b', 'eu-west-1c']),
    );
    const zonesOf = (service: string) =>
      new Set(
        objects('prod-eu-active', 'v1', 'Pod')
          .filter(p => p.metadata.namespace === service)
          .map(p => zoneOf.get((p.spec as { nodeName: string }).nodeName)),
      );
    expect(zonesOf('inventory-service')).toEqual(new Set(['eu-west-1a']));
    expect(zonesOf('orders-db').size).toBe(3);
    const deployments = objects('prod-eu-active', 'apps/v1', 'Deployment');
    const sweeper = byName(deployments, 'checkout-web-cart-sweeper');
    expect((sweeper.spec as { replicas: number }).replicas).toBe(1);
    expect(sweeper.metadata.annotations).toBeUndefined();
    expect(
      byName(deployments, 'notifications-scheduler').metadata.annotations,
    ).toEqual({ 'disaster-recovery/singleton': expect.any(String) });
    const image = (cluster: string) =>
      (
        byName(objects(cluster, 'apps/v1', 'StatefulSet'), 'payments-api')
          .spec as {
          template: { spec: { containers: Array<{ image: string }> } };
        }
      ).template.spec.containers[0].image;
    expect(image('prod-eu-active')).toBe('demo-retail/payments-api:4.2.1');
    expect(image('prod-us-standby')).toBe('demo-retail/payments-api:4.1.0');
    const expiry = (name: string) =>
      (
        byName(
          objects('prod-eu-active', 'cert-manager.io/v1', 'Certificate'),
          name,
        ).status as { notAfter?: string }
      ).notAfter;
    expect(Date.parse(expiry('checkout-web-tls')!) - START).toBe(
      9 * 86_400_000,
    );
    expect(expiry('feature-flags-tls')).toBeUndefined();
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

  it("hangs inventory-service's off-site run InProgress, and Velero starts no other run of it", () => {
    const runs = runsOf('inventory-service-daily-offsite');
    const hung = runs.filter(b => status(b).phase === 'InProgress');
    expect(hung).toHaveLength(1);
    const startedAt = Date.parse(status(hung[0]).startTimestamp);
    expect(START - startedAt).toBeGreaterThan(36 * Millis.hour);
    expect(START - startedAt).toBeLessThanOrEqual(
      INCIDENTS.inventoryOffsiteHangingFor,
    );
    expect(
      runs.filter(b => Date.parse(status(b).startTimestamp) > startedAt),
    ).toEqual([]);
    const schedule = objects('prod-eu-active', 'velero.io/v1', 'Schedule').find(
      s => s.metadata.name === 'inventory-service-daily-offsite',
    )!;
    expect(Date.parse(status(schedule).lastBackup)).toBe(startedAt);
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

  it("never overlaps a schedule's runs: a run due while one is in progress starts when it ends", () => {
    const sim = demo;
    const at = sim.now().getTime();
    // Every minute, while the demo's runs of other schedules take 2 to 10.
    sim.apply('prod-eu-active', {
      apiVersion: 'velero.io/v1',
      kind: 'Schedule',
      metadata: { name: 'analytics-etl-every-minute', namespace: 'velero' },
      spec: {
        schedule: '* * * * *',
        template: { includedNamespaces: ['analytics-etl'], ttl: '24h0m0s' },
      },
    });
    sim.advanceClock('1h');
    const runs = sim
      .objects('prod-eu-active', 'velero.io/v1', 'Backup')
      .filter(
        b =>
          b.metadata.labels!['velero.io/schedule-name'] ===
          'analytics-etl-every-minute',
      )
      .map(b => ({
        started: Date.parse(status(b).startTimestamp),
        completed: status(b).completionTimestamp
          ? Date.parse(status(b).completionTimestamp)
          : undefined,
      }))
      .sort((a, b) => a.started - b.started);
    expect(runs[0].started).toBe(at);
    expect(runs.length).toBeGreaterThan(5);
    expect(runs.length).toBeLessThan(31);
    for (let i = 1; i < runs.length; i++) {
      // Velero's periodic resync starts the due run once the last has ended.
      expect(runs[i].started).toBe(runs[i - 1].completed);
    }
  });
});
