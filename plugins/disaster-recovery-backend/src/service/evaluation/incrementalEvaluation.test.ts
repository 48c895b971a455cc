import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ConfigReader } from '@backstage/config';
import type { Entity } from '@backstage/catalog-model';
import { mockServices } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  demoCatalogEntities,
  demoDrillRecord,
  demoDrills,
  startSimulator,
  type KubeObject,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import {
  DEFAULT_TIER_POLICIES,
  drillRecordSchema,
  effectiveDrillOutcome,
  hasDisasterRecoveryMapping,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';
import fc from 'fast-check';
import knexFactory, { type Knex } from 'knex';
import { parse as parseYaml } from 'yaml';
import { readClusterConfigs } from '../../clusters/readClusterConfigs';
import { DatabaseBackupHistoryStore } from '../../database/DatabaseBackupHistoryStore';
import { DatabaseChangeQueue } from '../../database/DatabaseChangeQueue';
import { DatabaseDrillStore } from '../../database/DatabaseDrillStore';
import type {
  DatabasePostureStore,
  StoredPosture,
} from '../../database/DatabasePostureStore';
import { DatabaseResourceStore } from '../../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../../database/migrations';
import { builtInResourceKinds } from '../../sources/builtInSources';
import { PostureEvaluator } from '../PostureEvaluator';
import { statusesOf } from './nextStatusChange';

jest.setTimeout(600_000);

const START = new Date('2026-11-18T12:07:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const RUNS = Number(process.env.INCREMENTAL_RUNS ?? 12);
const resourceKinds = builtInResourceKinds();

/** The demo clusters' roles and placement, as the portal reads them. */
function portalClusterFacts() {
  const file = path.resolve(__dirname, '../../../../../app-config.yaml');
  const config = new ConfigReader(parseYaml(fs.readFileSync(file, 'utf8')));
  return readClusterConfigs(config).map(cluster => cluster.facts);
}

function sqliteFile(filename: string): Knex {
  return knexFactory({
    client: 'better-sqlite3',
    connection: { filename },
    useNullAsDefault: true,
  });
}

/** Postures as the evaluator last wrote them, by entity ref. */
function recordingPostures() {
  const stored = new Map<string, string>();
  const put = (postures: StoredPosture[]) => {
    for (const posture of postures) {
      stored.set(posture.detail.summary.entityRef, JSON.stringify(posture));
    }
  };
  const store = {
    async replaceAll(postures: StoredPosture[]) {
      stored.clear();
      put(postures);
    },
    async upsert(postures: StoredPosture[]) {
      put(postures);
    },
  };
  return { stored, store: store as unknown as DatabasePostureStore };
}

/**
 * The demo entities, and variants of some that map the same workloads
 * differently: by labels in any namespace, by the Kubernetes id, and by a
 * named Velero schedule, so that every way of matching is exercised.
 */
function entitiesOf(simulator: Simulator): Entity[] {
  const demo = demoCatalogEntities().filter(hasDisasterRecoveryMapping);
  const variant = (
    entity: Entity,
    suffix: string,
    annotations: (a: Record<string, string>) => Record<string, string>,
  ): Entity => ({
    ...entity,
    metadata: {
      ...entity.metadata,
      name: `${entity.metadata.name}-${suffix}`,
      annotations: annotations({ ...entity.metadata.annotations }),
    },
  });
  const [schedule] = simulator.objects(
    simulator.clusters[0].name,
    'velero.io/v1',
    'Schedule',
  );
  return [
    ...demo,
    ...demo
      .slice(0, 3)
      .map(entity =>
        variant(
          entity,
          'anywhere',
          ({ 'backstage.io/kubernetes-namespace': _, ...rest }) => rest,
        ),
      ),
    variant(demo[4], 'by-id', a => ({
      'disaster-recovery/tier': a['disaster-recovery/tier'],
      'backstage.io/kubernetes-id': demo[4].metadata.name,
    })),
    variant(demo[5], 'named-schedule', a => ({
      ...a,
      'disaster-recovery/velero-schedules': `${simulator.clusters[0].name}/${schedule.metadata.namespace}/${schedule.metadata.name}`,
    })),
  ];
}

/** One object of the estate: where it is, its kind and what the API served. */
interface EstateObject {
  cluster: string;
  kind: KubernetesResourceKind;
  object: KubeObject;
}

type Mutation =
  | { type: 'phase'; value: number }
  | { type: 'labels'; value: number }
  | { type: 'scope'; value: number }
  | { type: 'age'; hours: number }
  | { type: 'restarts'; value: number }
  | { type: 'copy'; cluster: number; namespace: number }
  | { type: 'delete' };

type Operation =
  | { type: 'object'; pick: number; mutation: Mutation }
  | { type: 'health'; cluster: number; minutesAgo: number; failed: boolean }
  | { type: 'drill'; pick: number };

const PHASES = [
  'Completed',
  'Failed',
  'PartiallyFailed',
  'InProgress',
  'Available',
  'Unavailable',
  'completed',
  'failed',
];
const LABELS: Array<Record<string, string>> = [
  {},
  { 'app.kubernetes.io/name': 'payments-api' },
  { 'app.kubernetes.io/name': 'orders-db', 'cnpg.io/cluster': 'orders-db' },
  { 'backstage.io/kubernetes-id': 'inventory-service' },
];
const NAMESPACES = [
  'payments-api',
  'orders-db',
  'checkout-web',
  'inventory-service',
  'velero',
];

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ type: fc.constant('phase' as const), value: fc.nat(7) }),
  fc.record({ type: fc.constant('labels' as const), value: fc.nat(3) }),
  fc.record({ type: fc.constant('scope' as const), value: fc.nat(4) }),
  fc.record({
    type: fc.constant('age' as const),
    hours: fc.integer({ min: -30, max: 30 }),
  }),
  fc.record({ type: fc.constant('restarts' as const), value: fc.nat(12) }),
  fc.record({
    type: fc.constant('copy' as const),
    cluster: fc.nat(2),
    namespace: fc.nat(4),
  }),
  fc.record({ type: fc.constant('delete' as const) }),
);

const operationArb: fc.Arbitrary<Operation> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc.record({
      type: fc.constant('object' as const),
      pick: fc.nat(),
      mutation: mutationArb,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('health' as const),
      cluster: fc.nat(2),
      minutesAgo: fc.constantFrom(0, 5, 30, 90),
      failed: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      type: fc.constant('drill' as const),
      pick: fc.nat(),
    }),
  },
);

function shiftTime(value: unknown, hours: number): unknown {
  return typeof value === 'string' && !Number.isNaN(Date.parse(value))
    ? new Date(Date.parse(value) + hours * HOUR)
        .toISOString()
        .replace('.000', '')
    : value;
}

/** The object after a mutation, as the API would serve its next version. */
function mutated(object: KubeObject, mutation: Mutation): KubeObject {
  const next = structuredClone(object) as KubeObject & Record<string, any>;
  next.metadata.resourceVersion = `${
    object.metadata.resourceVersion
  }-${crypto.randomUUID()}`;
  switch (mutation.type) {
    case 'phase':
      next.status = { ...next.status, phase: PHASES[mutation.value] };
      break;
    case 'labels':
      next.metadata.labels = { ...LABELS[mutation.value] };
      break;
    case 'scope': {
      const included =
        mutation.value === 4 ? ['*'] : [NAMESPACES[mutation.value]];
      if (next.spec?.template) next.spec.template.includedNamespaces = included;
      else if (next.spec) next.spec.includedNamespaces = included;
      break;
    }
    case 'age':
      for (const key of Object.keys(next.status ?? {})) {
        next.status[key] = shiftTime(next.status[key], mutation.hours);
      }
      break;
    case 'restarts':
      for (const container of next.status?.containerStatuses ?? []) {
        container.restartCount = mutation.value;
        container.ready = mutation.value < 6;
      }
      break;
    case 'copy':
      next.metadata.uid = crypto.randomUUID();
      next.metadata.name = `${
        object.metadata.name
      }-copy-${next.metadata.uid.slice(0, 6)}`;
      if (next.metadata.namespace) {
        next.metadata.namespace = NAMESPACES[mutation.namespace];
      }
      break;
    default:
      break;
  }
  return next;
}

describe('incremental evaluation', () => {
  let simulator: Simulator;
  let workDir: string;
  let template: string;
  let estate: EstateObject[];
  let entities: Entity[];
  const clusterFacts = portalClusterFacts();

  beforeAll(async () => {
    simulator = await startSimulator({
      scenario: 'demo',
      startTime: START,
      speed: 0,
    });
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-incremental-'));
    template = path.join(workDir, 'template.sqlite');
    entities = entitiesOf(simulator);
    estate = simulator.clusters.flatMap(({ name }) =>
      resourceKinds.flatMap(kind =>
        simulator
          .objects(name, kind.apiVersion, kind.kind)
          .map(object => ({ cluster: name, kind, object })),
      ),
    );
    // The estate stored once, as a collection would store it.
    const knex = sqliteFile(template);
    await applyDatabaseMigrations(knex);
    const store = DatabaseResourceStore.create(knex);
    for (const { name } of simulator.clusters) {
      const runId = await store.startRun(name, START);
      for (const kind of resourceKinds) {
        const rows = estate
          .filter(o => o.cluster === name && o.kind === kind)
          .map(o => ({ row: kind.toRow(o.object), raw: o.object }));
        for (let i = 0; i < rows.length; i += 500) {
          await store.upsertPage(name, kind.id, rows.slice(i, i + 500), START);
        }
      }
      await store.completeRun({
        runId,
        cluster: name,
        finishedAt: START,
        seenUids: new Map(),
        counts: { seen: 0, written: 0, skipped: 0 },
        details: { kinds: {}, skippedObjects: [] },
      });
    }
    await knex.destroy();
  });

  afterAll(async () => {
    await simulator.stop();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  async function freshStores(name: string) {
    const file = path.join(workDir, `${name}.sqlite`);
    fs.copyFileSync(template, file);
    const knex = sqliteFile(file);
    return {
      knex,
      resources: DatabaseResourceStore.create(knex, {
        staleAfterMs: 15 * MINUTE,
      }),
      history: DatabaseBackupHistoryStore.create(knex),
      drills: DatabaseDrillStore.create(knex),
      changes: DatabaseChangeQueue.create(knex),
    };
  }

  /**
   * An evaluator on `stores`; `resolutionMs` places time-driven changes
   * (the comparison at one moment needs them only coarsely).
   */
  function evaluatorOf(
    stores: Awaited<ReturnType<typeof freshStores>>,
    resolutionMs = HOUR,
  ) {
    const postures = recordingPostures();
    const evaluator = new PostureEvaluator({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      resources: stores.resources,
      history: stores.history,
      drills: stores.drills,
      postures: postures.store,
      changes: stores.changes,
      policies: [...DEFAULT_TIER_POLICIES],
      clusters: clusterFacts,
      logger: mockServices.logger.mock(),
      recordKinds: resourceKinds,
      checks: [],
      incremental: {
        fullEveryMs: 6 * HOUR,
        catalogEveryMs: 24 * HOUR,
        reviewResolutionMs: resolutionMs,
      },
    });
    return { evaluator, postures: postures.stored };
  }

  /** Writes one operation the way collection and the drills API write it. */
  async function apply(
    stores: Awaited<ReturnType<typeof freshStores>>,
    operation: Operation,
    now: Date,
  ) {
    if (operation.type === 'health') {
      const cluster = simulator.clusters[operation.cluster].name;
      const at = new Date(now.getTime() - operation.minutesAgo * MINUTE);
      const runId = await stores.resources.startRun(cluster, at);
      const common = {
        runId,
        cluster,
        finishedAt: at,
        counts: { seen: 0, written: 0, skipped: 0, deleted: 0 },
        details: { kinds: {}, skippedObjects: [] },
      };
      if (operation.failed) {
        await stores.resources.failRun({
          ...common,
          error: 'the API server answered 503',
        });
      } else {
        await stores.resources.completeRun({ ...common, seenUids: new Map() });
      }
      return;
    }
    if (operation.type === 'drill') {
      const drills = demoDrills(START.getTime());
      const drill = drills[operation.pick % drills.length];
      const parsed = drillRecordSchema.parse(demoDrillRecord(drill));
      await stores.drills.add({
        drill: {
          ...parsed,
          id: crypto.randomUUID(),
          recordedBy: 'user:development/guest',
          recordedAt: now.toISOString(),
          warnings: [],
        },
        judged: effectiveDrillOutcome(parsed).outcome,
      });
      return;
    }
    const target = estate[operation.pick % estate.length];
    const { kind } = target;
    if (operation.mutation.type === 'delete') {
      await stores.resources.markDeleted({
        cluster: target.cluster,
        kind: kind.id,
        uids: [target.object.metadata.uid as string],
        deletedAt: now,
      });
      return;
    }
    const cluster =
      operation.mutation.type === 'copy'
        ? simulator.clusters[operation.mutation.cluster].name
        : target.cluster;
    const object = mutated(target.object, operation.mutation);
    let row;
    try {
      row = kind.toRow(object);
    } catch {
      return; // The collector skips what it cannot read.
    }
    await stores.resources.upsertPage(
      cluster,
      kind.id,
      [{ row, raw: object }],
      now,
    );
  }

  it('judges every entity after a stream of random changes as a full evaluation does', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(operationArb, { minLength: 1, maxLength: 6 }), {
          minLength: 1,
          maxLength: 3,
        }),
        async rounds => {
          const stores = await freshStores(`run-${run++}`);
          try {
            const now = new Date(START.getTime() + 5 * MINUTE);
            const incremental = evaluatorOf(stores);
            await incremental.evaluator.evaluateAll(now);
            for (const operations of rounds) {
              for (const operation of operations) {
                await apply(stores, operation, now);
              }
              await incremental.evaluator.evaluateChanges(now);
            }
            const full = evaluatorOf(stores);
            await full.evaluator.evaluateAll(now);
            expect(incremental.postures).toEqual(full.postures);
          } finally {
            await stores.knex.destroy();
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('judges again the entities whose statuses time alone turns, when it does', async () => {
    const stores = await freshStores('time');
    try {
      const incremental = evaluatorOf(stores, 1_000);
      await incremental.evaluator.evaluateAll(START);
      let turned = 0;
      for (const minutes of [7, 20, 45, 80, 150, 300]) {
        // Off the whole minute: a threshold the review placed to within
        // its resolution is behind us.
        const now = new Date(START.getTime() + minutes * MINUTE + 17_000);
        const before = new Map(incremental.postures);
        await incremental.evaluator.evaluateChanges(now);
        const full = evaluatorOf(stores);
        await full.evaluator.evaluateAll(now);
        for (const [ref, posture] of full.postures) {
          const statuses = (json: string) =>
            statusesOf(JSON.parse(json).detail.posture);
          expect([ref, statuses(incremental.postures.get(ref)!)]).toEqual([
            ref,
            statuses(posture),
          ]);
          if (statuses(before.get(ref)!) !== statuses(posture)) turned += 1;
        }
      }
      // Time alone did turn some statuses: the check above was not idle.
      expect(turned).toBeGreaterThan(0);
    } finally {
      await stores.knex.destroy();
    }
  });
});
