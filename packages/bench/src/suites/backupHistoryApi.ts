import type { Entity } from '@backstage/catalog-model';
import type { EntityPostureResponse } from '@dr-posture/plugin-disaster-recovery-common';
import express from 'express';
import knexFactory, { type Knex } from 'knex';
import type { AddressInfo } from 'node:net';
import {
  applyDatabaseMigrations,
  createApiRouter,
  CursorCodec,
  DatabaseBackupHistoryStore,
  DatabasePostureStore,
  entityRoutes,
  historyColumnsOf,
  protectingBackupGroups,
  representativeBackup,
  resourceRow,
  type RouteContext,
} from '../backendInternals';
import { timed } from '../infra/http';
import {
  createDatabase,
  databasePrefix,
  databaseUrl,
  dropDatabases,
} from '../infra/postgres';
import type { BenchProfile } from '../profile';
import { formatCount, formatMs } from '../report/format';
import type { SuiteResult } from '../report/suiteResult';
import { summarizeLatency } from '../stats/latency';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const INSERT_CHUNK = 500;
const BACKUP_KIND = 'velero.io/Backup';

type Estate = BenchProfile['backupHistoryApi'];

const serviceName = (n: number) => `service-${String(n).padStart(3, '0')}`;

/** A Velero Backup as the API server serves it, and the row the store keeps. */
function backupRow(
  cluster: string,
  service: string,
  startedMs: number,
  index: number,
  deletedAt: Date | null,
) {
  const name = `${service}-hourly-${new Date(startedMs)
    .toISOString()
    .replace(/[-:T]/g, '')
    .slice(0, 12)}`;
  const uid = `${cluster}-${name}`;
  // One failure in 97 backups, one partial failure in 41.
  let phase = 'Completed';
  if (index % 41 === 0) phase = 'PartiallyFailed';
  if (index % 97 === 0) phase = 'Failed';
  const started = new Date(startedMs).toISOString();
  const completed = new Date(startedMs + 90_000).toISOString();
  const expires = new Date(startedMs + 30 * DAY).toISOString();
  const raw = {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: {
      name,
      namespace: 'velero',
      uid,
      resourceVersion: '1',
      creationTimestamp: started,
      labels: { 'velero.io/schedule-name': `${service}-hourly` },
    },
    spec: {
      includedNamespaces: [service],
      storageLocation: 'default',
      ttl: '720h0m0s',
      defaultVolumesToFsBackup: true,
    },
    status: {
      phase,
      startTimestamp: started,
      completionTimestamp: completed,
      expiration: expires,
      ...(phase === 'Completed' ? {} : { errors: 1 }),
    },
  };
  const record = {
    labels: raw.metadata.labels,
    createdAt: started,
    includedNamespaces: [service],
    excludedNamespaces: [],
    storageLocation: 'default',
    ttl: '720h0m0s',
    defaultVolumesToFsBackup: true,
    scheduleName: `${service}-hourly`,
    phase,
    startedAt: started,
    completedAt: completed,
    expiresAt: expires,
    errors: phase === 'Completed' ? 0 : 1,
    warnings: 0,
  };
  const row = resourceRow(
    cluster,
    BACKUP_KIND,
    { namespace: 'velero', name, uid, resourceVersion: '1', record },
    raw,
    new Date(startedMs),
  );
  return { row: { ...row, deleted_at: deletedAt }, record };
}

/**
 * The collector's estate (clusters × namespaces × hourly backups × days),
 * each namespace one service in every cluster, plus daily backups of
 * `deletedDays` before it that have vanished from the clusters.
 */
async function seed(knex: Knex, estate: Estate, now: number) {
  let live = 0;
  let deleted = 0;
  const vanishedAt = new Date(now - estate.days * DAY);
  for (let c = 0; c < estate.clusters; c++) {
    const cluster = `cluster-${String(c).padStart(2, '0')}`;
    const rows = [];
    for (let n = 0; n < estate.namespaces; n++) {
      const service = serviceName(n);
      for (let h = 1; h <= estate.days * 24; h++) {
        rows.push(backupRow(cluster, service, now - h * HOUR, h, null).row);
      }
      for (let d = 0; d < estate.deletedDays; d++) {
        const at = now - estate.days * DAY - (d + 1) * DAY;
        rows.push(backupRow(cluster, service, at, d, vanishedAt).row);
      }
      // Every backup of a schedule is in its group, as the store records it.
      const { record } = backupRow(cluster, service, now, 1, null);
      const group = historyColumnsOf(cluster, BACKUP_KIND, 'velero', record)!
        .group!;
      await knex('backup_groups').insert({
        group_key: group.key,
        cluster,
        scope: JSON.stringify(group.scope),
      });
    }
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await knex('resources').insert(rows.slice(i, i + INSERT_CHUNK));
    }
    live += estate.namespaces * estate.days * 24;
    deleted += estate.namespaces * estate.deletedDays;
  }
  return { live, deleted };
}

/** One evaluated posture per service, with the groups protecting it. */
async function storePostures(knex: Knex, estate: Estate) {
  const history = DatabaseBackupHistoryStore.create(knex);
  const representatives = (await history.listGroups()).map(
    representativeBackup,
  );
  const entities: Entity[] = [];
  const postures = [];
  for (let n = 0; n < estate.namespaces; n++) {
    const name = serviceName(n);
    const entity: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name,
        namespace: 'default',
        annotations: {
          'disaster-recovery/tier': '1',
          'backstage.io/kubernetes-namespace': name,
        },
      },
      spec: { type: 'service', lifecycle: 'production', owner: 'team-a' },
    };
    entities.push(entity);
    const detail = {
      summary: {
        entityRef: `component:default/${name}`,
        kind: 'Component',
        namespace: 'default',
        name,
        status: 'pass',
        failingChecks: [],
        evaluatedAt: new Date().toISOString(),
      },
      postgresClusters: [],
    } as unknown as EntityPostureResponse;
    postures.push({
      detail,
      dependsOn: [],
      backupGroups: protectingBackupGroups(entity, representatives, {}),
    });
  }
  await DatabasePostureStore.create(knex).upsert(postures);
  return { entities, groupsPerEntity: postures[0].backupGroups.length };
}

/**
 * The backup-history route alone over HTTP. The catalog answers from memory
 * ("visible"), so the figures are this plugin's own cost.
 */
async function serveHistory(knex: Knex, entities: Entity[]) {
  const byName = new Map(entities.map(e => [e.metadata.name, e]));
  const context = {
    httpAuth: { credentials: async () => ({}) },
    catalog: {
      getEntityByRef: async (ref: { name: string }) => byName.get(ref.name),
    },
    postures: DatabasePostureStore.create(knex),
    history: DatabaseBackupHistoryStore.create(knex),
    cursors: CursorCodec.fromSecret('bench'),
  } as unknown as RouteContext;
  const router = await createApiRouter();
  entityRoutes(router, context);
  const server = express().use(router).listen(0);
  await new Promise(resolve => server.once('listening', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise(resolve => server.close(resolve)),
  };
}

/** The requests the backup-history view makes, for one service. */
function historyRequests(service: string, now: number, cursor: string) {
  const path = `/entities/component/default/${service}/backups`;
  const day = (ago: number) => new Date(now - ago * DAY).toISOString();
  return [
    `${path}?limit=50`,
    `${path}?limit=50&cursor=${cursor}`,
    `${path}?limit=50&phase=Failed&phase=PartiallyFailed`,
    `${path}?limit=50&from=${day(3)}&to=${day(2)}`,
    // Deep in the vanished history.
    `${path}?limit=50&from=${day(300)}&to=${day(200)}`,
  ];
}

async function measure(
  url: string,
  estate: Estate,
  now: number,
): Promise<number[]> {
  const get = async (path: string) => {
    const response = await fetch(`${url}${path}`);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return (await response.json()) as { items: unknown[]; nextCursor?: string };
  };
  const times: number[] = [];
  for (let round = -1; round < estate.rounds; round++) {
    const service = serviceName(Math.max(0, round) % estate.namespaces);
    const first = await get(
      `/entities/component/default/${service}/backups?limit=50`,
    );
    if (first.items.length !== 50 || !first.nextCursor) {
      throw new Error(`${service}: the first page is not a full page`);
    }
    for (const path of historyRequests(service, now, first.nextCursor)) {
      const time = await timed(() => get(path));
      // Round -1 warms the pool and the query plans.
      if (round >= 0) times.push(time);
    }
  }
  return times;
}

/** Issue 16, item 5: backup history latency with the whole estate stored. */
export async function benchBackupHistoryApi(
  estate: Estate,
): Promise<SuiteResult> {
  const prefix = databasePrefix('history');
  const database = await createDatabase(`${prefix}db`);
  const knex = knexFactory({ client: 'pg', connection: databaseUrl(database) });
  const now = Date.now();
  try {
    await applyDatabaseMigrations(knex);
    const seedStarted = Date.now();
    const { live, deleted } = await seed(knex, estate, now);
    // The steady state autovacuum keeps: statistics and visibility known.
    await knex.raw('vacuum analyze resources');
    const seedSeconds = (Date.now() - seedStarted) / 1000;
    const { entities, groupsPerEntity } = await storePostures(knex, estate);
    const server = await serveHistory(knex, entities);
    let latency;
    try {
      latency = summarizeLatency(await measure(server.url, estate, now));
    } finally {
      await server.close();
    }
    const perEntity = estate.clusters * (estate.days * 24 + estate.deletedDays);
    return {
      id: 'backupHistoryApi',
      title: '6. Backup history API with the whole estate stored',
      method: `${formatCount(live)} live Backups (${
        estate.clusters
      } clusters × ${estate.namespaces} services × hourly for ${
        estate.days
      } days) and ${formatCount(deleted)} vanished ones (daily for ${
        estate.deletedDays
      } days before) in PostgreSQL, seeded in ${seedSeconds.toFixed(
        0,
      )} s; the backup-history route served over HTTP and ${
        latency.count
      } requests timed (first page, the next page by cursor, failures only, one day, 100 days deep in vanished history) over ${
        estate.rounds
      } services. The catalog's answer is in memory.`,
      table: {
        headers: ['stored backups', 'backups per service', 'p50', 'p95', 'max'],
        rows: [
          [
            formatCount(live + deleted),
            formatCount(perEntity),
            formatMs(latency.p50),
            formatMs(latency.p95),
            formatMs(latency.max),
          ],
        ],
        numeric: [0, 1, 2, 3, 4],
      },
      notes: [
        `Each service runs in every cluster: its history spans ${groupsPerEntity} backup groups (one schedule's scope per cluster), paged in SQL with the history index, so a request reads one page, never the estate.`,
      ],
      metrics: {
        'backupHistoryApi.storedBackups': live + deleted,
        'backupHistoryApi.liveBackups': live,
        'backupHistoryApi.p50': latency.p50,
        'backupHistoryApi.p95': latency.p95,
      },
    };
  } finally {
    await knex.destroy();
    await dropDatabases(prefix);
  }
}
