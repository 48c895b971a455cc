import type { KubeObject } from '../../kube/kubeObject.ts';
import { Millis } from '../../time/timestamps.ts';
import {
  objectStore,
  postgresCluster,
  scheduledBackup,
} from '../cnpgBuilders.ts';
import {
  namespaceObject,
  oneOffBackup,
  snapshotLocation,
  storageLocation,
  veleroSchedule,
} from '../objectBuilders.ts';
import {
  demoDatabaseInstances,
  demoNodes,
  demoReplicaClusters,
  demoWorkloadObjects,
  STANDBY_ONLY_SERVICES,
} from './demoAvailability.ts';
import {
  DEMO_CLUSTERS,
  DEMO_SERVICES,
  HISTORY_LENGTH,
  INCIDENTS,
  OFFSITE_LOCATION,
  PROD_BUCKET,
  PROD_SCHEDULES,
  SERVICE_DATABASES,
  STAGING_SERVICES,
  STANDBY_SERVICES,
  VELERO_NAMESPACE,
} from './demoEstate.ts';

const PG_BUCKET = 's3://demo-retail-pg-eu-west-1';

/**
 * analytics-etl is in no schedule; its only recovery point is the backup an
 * engineer took by hand before a migration (snapshots by default). It is in
 * the production bucket, so the standby's Velero syncs it too.
 */
function analyticsOneOffBackup(start: number): KubeObject {
  const startedAt = start - INCIDENTS.analyticsOneOffBackupAgo;
  return oneOffBackup({
    name: 'analytics-etl-before-migration',
    namespace: VELERO_NAMESPACE,
    includedNamespaces: ['analytics-etl'],
    storageLocation: 'default',
    ttl: '720h0m0s',
    ttlMs: 720 * Millis.hour,
    startedAt,
    completedAt: startedAt + 9 * Millis.minute,
    volumeSnapshots: 1,
    items: 41,
  });
}

function veleroBase(createdAt: number): KubeObject[] {
  return [
    namespaceObject(VELERO_NAMESPACE, createdAt),
    namespaceObject('kube-system', createdAt),
  ];
}

/** A production database's cluster, sized and ready as its instances are. */
function instancesOf(name: string, namespace: string, start: number) {
  return demoDatabaseInstances(
    name,
    namespace,
    start - INCIDENTS.ledgerArchivingBrokenFor,
  );
}

/** prod-eu-active: every service, the schedules and locations, both CNPG clusters. */
export function activeClusterObjects(start: number): KubeObject[] {
  const born = start - HISTORY_LENGTH;
  const objects: KubeObject[] = [
    ...veleroBase(born),
    ...demoNodes(DEMO_CLUSTERS.active, born),
  ];
  for (const service of DEMO_SERVICES) {
    objects.push(namespaceObject(service.name, born));
    if (service.workload === 'postgres') {
      objects.push(
        ...instancesOf(service.name, service.name, start).pods(born),
      );
    } else {
      objects.push(
        ...demoWorkloadObjects(DEMO_CLUSTERS.active, service.name, start),
      );
    }
  }
  objects.push(
    storageLocation({
      name: 'default',
      namespace: VELERO_NAMESPACE,
      ...PROD_BUCKET,
      isDefault: true,
      phase: 'Available',
      validatedAt: start - Millis.minute,
      createdAt: born,
    }),
    storageLocation({
      name: 'customer-data',
      namespace: VELERO_NAMESPACE,
      bucket: 'demo-retail-customer-data-eu-central-1',
      region: 'eu-central-1',
      phase: 'Available',
      validatedAt: born,
      createdAt: born,
    }),
    // Validated once, three hours ago: someone set validationFrequency to 0s.
    storageLocation({
      name: 'docs-archive',
      namespace: VELERO_NAMESPACE,
      bucket: 'demo-retail-docs-archive-eu-west-1',
      region: PROD_BUCKET.region,
      phase: 'Available',
      validatedAt: start - INCIDENTS.docsArchiveValidatedAgo,
      validationFrequency: '0s',
      createdAt: born,
    }),
    storageLocation({
      ...OFFSITE_LOCATION,
      namespace: VELERO_NAMESPACE,
      phase: 'Available',
      validatedAt: start - Millis.minute,
      createdAt: born,
    }),
    snapshotLocation(VELERO_NAMESPACE, 'eu-west-1', born),
    analyticsOneOffBackup(start),
  );
  for (const schedule of PROD_SCHEDULES) {
    objects.push(
      veleroSchedule({
        name: schedule.name,
        namespace: VELERO_NAMESPACE,
        schedule: schedule.cron,
        includedNamespaces: schedule.namespaces,
        ttl: schedule.ttl,
        storageLocation: schedule.storageLocation,
        snapshotVolumes: schedule.snapshotVolumes,
        defaultVolumesToFsBackup: schedule.defaultVolumesToFsBackup,
        snapshotMoveData: schedule.snapshotMoveData,
        createdAt: start - schedule.age,
      }),
    );
  }
  objects.push(
    // orders-db: healthy, backed up by the barman-cloud plugin.
    postgresCluster({
      name: 'orders-db',
      namespace: 'orders-db',
      createdAt: born,
      backup: { plugin: { objectStore: 'orders-db-store' } },
    }),
    objectStore({
      name: 'orders-db-store',
      namespace: 'orders-db',
      destinationPath: `${PG_BUCKET}/orders-db`,
      createdAt: born,
    }),
    scheduledBackup({
      name: 'orders-db-daily',
      namespace: 'orders-db',
      cluster: 'orders-db',
      schedule: '0 0 2 * * *',
      method: 'plugin',
      createdAt: born,
    }),
    // ledger-db: in-tree barmanObjectStore without a retention policy (base
    // backups kept until deleted); its WAL archiving breaks (timeline).
    postgresCluster({
      name: 'ledger-db',
      namespace: 'ledger-db',
      createdAt: born,
      readyInstances: instancesOf('ledger-db', 'ledger-db', start)
        .readyInstances,
      backup: {
        barmanObjectStore: { destinationPath: `${PG_BUCKET}/ledger-db` },
      },
    }),
    scheduledBackup({
      name: 'ledger-db-daily',
      namespace: 'ledger-db',
      cluster: 'ledger-db',
      schedule: '0 30 1 * * *',
      method: 'barmanObjectStore',
      createdAt: born,
    }),
  );
  for (const db of SERVICE_DATABASES) {
    const created = start - db.age;
    const instances = instancesOf(db.name, db.service, start);
    objects.push(
      ...instances.pods(created),
      postgresCluster({
        name: db.name,
        namespace: db.service,
        createdAt: created,
        instances: instances.instances,
        readyInstances: instances.readyInstances,
        archivingReported: db.archivingReported,
        backup: {
          barmanObjectStore: { destinationPath: `${PG_BUCKET}/${db.name}` },
          retentionPolicy: db.retentionPolicy,
        },
      }),
      scheduledBackup({
        name: `${db.name}-daily`,
        namespace: db.service,
        cluster: db.name,
        schedule: db.schedule,
        method: 'barmanObjectStore',
        createdAt: created,
      }),
    );
  }
  return objects;
}

/** Namespace receiving the restore drills of a service on the standby. */
export function drillNamespace(service: string): string {
  return `${service}-drill`;
}

/**
 * prod-us-standby: warm-standby copies of the tier 1 and 2 services and of
 * feature-flags (scaled down to one replica), replica clusters of
 * feature-flags-db and ledger-db, a read-only location on the production
 * bucket (so production backups sync in) and the drill namespaces restores
 * go to.
 */
export function standbyClusterObjects(start: number): KubeObject[] {
  const born = start - HISTORY_LENGTH;
  const objects: KubeObject[] = [
    ...veleroBase(born),
    ...demoNodes(DEMO_CLUSTERS.standby, born),
  ];
  for (const name of STANDBY_SERVICES) {
    objects.push(
      namespaceObject(name, born),
      ...demoWorkloadObjects(DEMO_CLUSTERS.standby, name, start),
    );
    objects.push(
      namespaceObject(drillNamespace(name), born, {
        'dr-posture.dev/restore-test': 'true',
      }),
    );
  }
  for (const name of STANDBY_ONLY_SERVICES) {
    objects.push(
      namespaceObject(name, born),
      ...demoWorkloadObjects(DEMO_CLUSTERS.standby, name, start),
    );
  }
  objects.push(
    namespaceObject('ledger-db', born),
    ...demoReplicaClusters(
      born,
      PG_BUCKET,
      start - INCIDENTS.ledgerArchivingBrokenFor,
    ),
  );
  objects.push(
    storageLocation({
      name: 'default',
      namespace: VELERO_NAMESPACE,
      ...PROD_BUCKET,
      isDefault: true,
      readOnly: true,
      phase: 'Available',
      validatedAt: start - Millis.minute,
      createdAt: born,
    }),
    snapshotLocation(VELERO_NAMESPACE, 'us-east-1', born),
    analyticsOneOffBackup(start),
  );
  return objects;
}

/** staging: copies of a few services, one nightly all-namespaces schedule. */
export function stagingClusterObjects(start: number): KubeObject[] {
  const born = start - HISTORY_LENGTH;
  const objects: KubeObject[] = [...veleroBase(born)];
  objects.push(...demoNodes(DEMO_CLUSTERS.staging, born));
  for (const name of STAGING_SERVICES) {
    objects.push(
      namespaceObject(name, born),
      ...demoWorkloadObjects(DEMO_CLUSTERS.staging, name, start),
    );
  }
  objects.push(
    storageLocation({
      name: 'default',
      namespace: VELERO_NAMESPACE,
      bucket: 'demo-retail-velero-staging',
      region: 'eu-west-1',
      isDefault: true,
      phase: 'Available',
      validatedAt: start - Millis.minute,
      createdAt: born,
    }),
    veleroSchedule({
      name: 'staging-nightly',
      namespace: VELERO_NAMESPACE,
      schedule: '0 1 * * *',
      includedNamespaces: ['*'],
      excludedNamespaces: ['kube-system', VELERO_NAMESPACE],
      // With the volume data, so its backups are real recovery points of
      // staging: they must still never count for production.
      defaultVolumesToFsBackup: true,
      ttl: '168h0m0s',
      createdAt: born,
    }),
  );
  return objects;
}
