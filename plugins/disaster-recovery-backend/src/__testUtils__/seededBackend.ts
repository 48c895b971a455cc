import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { Knex } from 'knex';
import type { Server } from 'node:http';
import { DatabaseResourceStore } from '../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { disasterRecoveryPlugin } from '../plugin';
import { builtInResourceKinds } from '../sources/builtInSources';
import { catalogHidingFromMallory } from './catalogHiding';

export { MALLORY } from './catalogHiding';
export const CLUSTER = 'prod-eu-active';
/** What the failing cluster's error says in full: for admins only. */
export const INTERNAL_URL = 'https://10.20.30.40:6443/apis/velero.io/v1';
export const HOUR = 3_600_000;
/** Backups of payments-api, one an hour; the oldest have vanished. */
export const PAYMENTS_BACKUPS = 60;
export const VANISHED_BACKUPS = 20;

function component(name: string, annotations: Record<string, string>): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-a',
    },
    relations: [{ type: 'ownedBy', targetRef: 'group:default/team-a' }],
  };
}

export const ENTITIES: Entity[] = [
  component('payments-api', {
    'disaster-recovery/tier': '1',
    'backstage.io/kubernetes-namespace': 'payments',
  }),
  component('checkout', {
    'disaster-recovery/tier': '2',
    'backstage.io/kubernetes-namespace': 'checkout',
  }),
  component('secret-service', {
    'disaster-recovery/tier': '2',
    'backstage.io/kubernetes-namespace': 'secret',
  }),
];

/** A catalog where mallory may not read secret-service. */
export const catalogHidingSecretService = (
  overrides: Partial<CatalogService> = {},
) =>
  catalogHidingFromMallory(
    ENTITIES,
    'component:default/secret-service',
    overrides,
  );

const kindOf = (id: string) => builtInResourceKinds().find(k => k.id === id)!;

function veleroBackup(namespace: string, index: number, now: number) {
  const started = new Date(now - (index + 1) * HOUR);
  const name = `${namespace}-hourly-${String(index).padStart(3, '0')}`;
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name,
      namespace: 'velero',
      uid: `uid-${name}`,
      resourceVersion: '1',
      creationTimestamp: started.toISOString(),
      labels: { 'velero.io/schedule-name': `${namespace}-hourly` },
    },
    spec: { includedNamespaces: [namespace], ttl: '720h0m0s' },
    status: {
      phase: index % 10 === 3 ? 'PartiallyFailed' : 'Completed',
      startTimestamp: started.toISOString(),
      completionTimestamp: new Date(started.getTime() + 60_000).toISOString(),
    },
  };
}

function veleroSchedule(namespace: string) {
  return {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: {
      name: `${namespace}-hourly`,
      namespace: 'velero',
      uid: `uid-schedule-${namespace}`,
      resourceVersion: '1',
    },
    spec: {
      schedule: '0 * * * *',
      template: { includedNamespaces: [namespace], ttl: '720h0m0s' },
    },
    status: { phase: 'Enabled' },
  };
}

/**
 * Stores what a collector would have: hourly backups of payments-api and
 * checkout in one cluster, the oldest payments backups vanished, then a run
 * that failed with an error whose detail names internal URLs.
 */
export async function seedStore(knex: Knex, now = Date.now()) {
  await applyDatabaseMigrations(knex);
  const store = DatabaseResourceStore.create(knex);
  const rows = (id: string, objects: unknown[]) =>
    objects.map(raw => ({ row: kindOf(id).toRow(raw), raw }));
  const firstRun = await store.startRun(CLUSTER, new Date(now - 3 * HOUR));
  const backups = [
    ...Array.from({ length: PAYMENTS_BACKUPS }, (_, i) =>
      veleroBackup('payments', i, now),
    ),
    ...Array.from({ length: 5 }, (_, i) => veleroBackup('checkout', i, now)),
  ];
  await store.upsertPage(
    CLUSTER,
    'velero.io/Backup',
    rows('velero.io/Backup', backups),
    new Date(now - 2 * HOUR),
  );
  await store.upsertPage(
    CLUSTER,
    'velero.io/Schedule',
    rows('velero.io/Schedule', [
      veleroSchedule('payments'),
      veleroSchedule('checkout'),
    ]),
    new Date(now - 2 * HOUR),
  );
  await store.completeRun({
    runId: firstRun,
    cluster: CLUSTER,
    finishedAt: new Date(now - 2 * HOUR),
    seenUids: new Map(),
    counts: {
      seen: backups.length + 2,
      written: backups.length + 2,
      skipped: 0,
    },
    details: { kinds: {}, skippedObjects: [] },
  });
  const vanished = backups
    .slice(PAYMENTS_BACKUPS - VANISHED_BACKUPS, PAYMENTS_BACKUPS)
    .map(b => b.metadata.uid);
  await knex('resources')
    .update({ deleted_at: new Date(now - 2 * HOUR) })
    .whereIn('uid', vanished);
  const failedRun = await store.startRun(CLUSTER, new Date(now - HOUR));
  await store.failRun({
    runId: failedRun,
    cluster: CLUSTER,
    finishedAt: new Date(now - HOUR + 60_000),
    error: 'token rejected (401)',
    errorDetail: `HTTP-Code: 401 from ${INTERNAL_URL}, headers {"www-authenticate":"Bearer"}`,
    counts: { seen: 0, written: 0, skipped: 0, deleted: 0 },
    details: { kinds: {}, skippedObjects: [] },
  });
}

/** Every row of every table of the plugin, to see that nothing changed. */
export async function snapshotTables(knex: Knex): Promise<string> {
  const tables = (await knex('sqlite_master')
    .where({ type: 'table' })
    .whereNot('name', 'like', 'knex_%')
    .orderBy('name')
    .pluck('name')) as string[];
  const snapshot: Record<string, unknown> = {};
  for (const table of tables) {
    snapshot[table] = await knex(table).select();
  }
  return JSON.stringify(snapshot);
}

/**
 * The plugin on a seeded database, its posture evaluated once; scheduled
 * tasks never run by themselves.
 */
export async function startSeededBackend(options: {
  databases: TestDatabases;
  permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
  /** Replaces methods of the catalog (e.g. one that fails). */
  catalog?: Partial<CatalogService>;
}): Promise<{ server: Server; knex: Knex }> {
  const knex = await options.databases.init('SQLITE_3');
  await seedStore(knex);
  const tasks = new Map<string, () => Promise<void>>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, async () => {
        await task.fn(new AbortController().signal);
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      disasterRecoveryPlugin,
      mockServices.database.factory({ knex }),
      mockServices.rootConfig.factory({
        data: {
          disasterRecovery: {
            clusters: [
              {
                name: CLUSTER,
                url: 'https://10.20.30.40:6443',
                authProvider: 'serviceAccount',
                serviceAccountToken: 'not-used',
              },
            ],
          },
        },
      }),
      catalogHidingSecretService(options.catalog).factory,
      scheduler.factory,
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
    ],
  });
  await tasks.get('evaluate-posture')!();
  return { server, knex };
}
