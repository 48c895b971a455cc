import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startSimulator, type Simulator } from '@dr-posture/cluster-simulator';
import fs from 'node:fs';
import path from 'node:path';
import { DatabaseResourceStore } from '../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../database/migrations';
import type { ResourceStore } from '../database/ResourceStore';
import { collectCluster } from './collectCluster';
import { simulatedClusterConfig } from './simulatedClusterConfig';
import { builtInResourceKinds } from '../sources/builtInSources';

jest.setTimeout(120_000);

const fixturesDir =
  process.env.DR_FIXTURES_DIR ??
  path.resolve(__dirname, '../../../../../shared/fixtures');
const haveFixtures = fs.existsSync(fixturesDir);
if (!haveFixtures) {
  // eslint-disable-next-line no-console
  console.info(
    `Skipping fixture collection tests: no fixtures at ${fixturesDir} (set DR_FIXTURES_DIR)`,
  );
}

const databases = TestDatabases.create({
  ids: ['SQLITE_3', 'POSTGRES_15', 'MYSQL_8'],
});
const resourceKinds = builtInResourceKinds();

const iso = (value: unknown) =>
  value === undefined ? undefined : new Date(value as string).toISOString();

/** Stored records leave out absent fields, as JSON does. */
const present = (expected: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(expected).filter(([, v]) => v !== undefined),
  );

type Served = { metadata: { uid: string }; spec?: any; status?: any };

/** The record fields each kind must carry over from the served object. */
const expectedFields: Record<
  string,
  (object: Served) => Record<string, unknown>
> = {
  'velero.io/Backup': ({ spec = {}, status = {} }) => ({
    phase: status.phase,
    completedAt: iso(status.completionTimestamp),
    startedAt: iso(status.startTimestamp),
    expiresAt: iso(status.expiration),
    errors: status.errors ?? 0,
    warnings: status.warnings ?? 0,
    includedNamespaces: spec.includedNamespaces ?? [],
    excludedNamespaces: spec.excludedNamespaces ?? [],
    snapshotVolumes: spec.snapshotVolumes ?? undefined,
    snapshotMoveData: spec.snapshotMoveData ?? undefined,
    defaultVolumesToFsBackup:
      spec.defaultVolumesToFsBackup ?? spec.defaultVolumesToRestic ?? undefined,
    excludedResources: spec.excludedResources ?? undefined,
    volumeSnapshots:
      status.phase === undefined
        ? undefined
        : {
            attempted: status.volumeSnapshotsAttempted ?? 0,
            completed: status.volumeSnapshotsCompleted ?? 0,
          },
  }),
  'velero.io/VolumeSnapshotLocation': ({ spec = {} }) => ({
    provider: spec.provider,
    region: spec.config?.region ?? undefined,
  }),
  'velero.io/Schedule': ({ spec = {}, status = {} }) => ({
    schedule: spec.schedule,
    paused: spec.paused ?? false,
    lastBackupAt: iso(status.lastBackup),
    template: expect.objectContaining(
      present({
        snapshotMoveData: spec.template?.snapshotMoveData,
        excludedResources: spec.template?.excludedResources,
      }),
    ),
  }),
  'velero.io/BackupStorageLocation': ({ spec = {}, status = {} }) => ({
    provider: spec.provider,
    bucket: spec.objectStorage?.bucket,
    endpoint: spec.config?.s3Url,
    phase: status.phase,
    lastValidatedAt: iso(status.lastValidationTime),
  }),
  'postgresql.cnpg.io/Cluster': ({ spec = {}, status = {} }) => ({
    backupConfiguration: present({
      barmanObjectStoreDestination:
        spec.backup?.barmanObjectStore?.destinationPath,
      barmanObjectStoreEndpoint: spec.backup?.barmanObjectStore?.endpointURL,
      volumeSnapshot: spec.backup?.volumeSnapshot !== undefined,
    }),
    statusRecoveryWindow: present({
      firstRecoverabilityPoint: iso(status.firstRecoverabilityPoint),
      lastSuccessfulBackupAt: iso(status.lastSuccessfulBackup),
      lastFailedBackupAt: iso(status.lastFailedBackup),
    }),
    conditions: (status.conditions ?? []).map((c: { type: string }) =>
      expect.objectContaining({ type: c.type }),
    ),
  }),
  'barmancloud.cnpg.io/ObjectStore': ({ spec = {} }) => ({
    destinationPath: spec.configuration?.destinationPath,
    endpoint: spec.configuration?.endpointURL,
  }),
  'postgresql.cnpg.io/ScheduledBackup': ({ spec = {} }) => ({
    immediate: spec.immediate,
  }),
  'postgresql.cnpg.io/Backup': ({ spec = {}, status = {} }) => ({
    clusterName: spec.cluster.name,
    phase: status.phase,
    endWal: status.endWal,
  }),
};

(haveFixtures ? describe : describe.skip)(
  'collecting the real fixtures',
  () => {
    let simulator: Simulator;

    beforeAll(async () => {
      simulator = await startSimulator({ scenario: 'fixtures', fixturesDir });
    });

    afterAll(async () => {
      await simulator.stop();
    });

    it.each(databases.eachSupportedId())(
      'stores every fixture object with its field values, %p',
      async databaseId => {
        const knex = await databases.init(databaseId);
        await applyDatabaseMigrations(knex);
        const store: ResourceStore = DatabaseResourceStore.create(knex);

        for (const cluster of simulator.clusters) {
          const result = await collectCluster({
            cluster: simulatedClusterConfig(cluster),
            resourceKinds,
            store,
            logger: mockServices.logger.mock(),
            pageSize: 2,
            deadline: Date.now() + 20_000,
          });
          expect(result).toMatchObject({ status: 'succeeded', skipped: 0 });

          for (const kind of resourceKinds) {
            const served = simulator.objects(
              cluster.name,
              kind.apiVersion,
              kind.kind,
            ) as unknown as Served[];
            const stored = await store.listRecords({
              kind,
              cluster: cluster.name,
            });
            expect(stored).toHaveLength(served.length);
            const byUid = new Map(stored.map(r => [r.uid, r]));

            for (const object of served) {
              expect(byUid.get(object.metadata.uid)).toMatchObject(
                present(expectedFields[kind.id]?.(object) ?? {}),
              );
            }
          }
        }
        await knex.destroy();
      },
    );
  },
);
