import crypto from 'node:crypto';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  DEMO_INTENDED_POSTURE,
  demoCatalogEntities,
  demoDrills,
  startSimulator,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import {
  DEFAULT_TIER_POLICIES,
  drillRecordSchema,
  effectiveDrillOutcome,
  type CheckStatus,
} from '@dr-posture/plugin-disaster-recovery-common';
import { collectCluster } from '../collector/collectCluster';
import { simulatedClusterConfig } from '../collector/simulatedClusterConfig';
import { builtInResourceKinds } from '../sources/builtInSources';
import { DatabaseDrillStore } from '../database/DatabaseDrillStore';
import { DatabasePostureStore } from '../database/DatabasePostureStore';
import { DatabaseResourceStore } from '../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../database/migrations';
import { PostureEvaluator } from './PostureEvaluator';

jest.setTimeout(120_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

/**
 * A Wednesday just past noon: the weekly restore drills of Monday and Tuesday
 * are recent, and no schedule fires at this very minute.
 */
const START = new Date('2026-11-18T12:07:00.000Z');

describe('the demo estate', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    simulator = await startSimulator({
      scenario: 'demo',
      startTime: START.getTime(),
      speed: 0,
    });
  });

  afterAll(async () => {
    await simulator.stop();
  });

  it('shows the intended status per service', async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    const resources = DatabaseResourceStore.create(knex);
    const drills = DatabaseDrillStore.create(knex);
    const postures = DatabasePostureStore.create(knex);

    const resourceKinds = builtInResourceKinds();
    for (const cluster of simulator.clusters) {
      const result = await collectCluster({
        cluster: simulatedClusterConfig(cluster),
        resourceKinds,
        store: resources,
        logger: mockServices.logger.mock(),
        pageSize: 500,
        deadline: Date.now() + 60_000,
      });
      expect(result).toMatchObject({ status: 'succeeded' });
    }

    // What the seeding script posts, recorded the way the drills route does.
    for (const drill of demoDrills(START.getTime())) {
      const parsed = drillRecordSchema.parse(drill);
      await drills.add({
        ...parsed,
        id: crypto.randomUUID(),
        recordedBy: 'user:development/guest',
        recordedAt: START.toISOString(),
        effectiveOutcome: effectiveDrillOutcome(parsed),
      });
    }

    const entities = demoCatalogEntities();
    const evaluator = new PostureEvaluator({
      catalog: catalogServiceMock({ entities }),
      auth: mockServices.auth(),
      resources,
      drills,
      postures,
      policies: [...DEFAULT_TIER_POLICIES],
      clusters: simulator.clusters.map(c => simulatedClusterConfig(c).facts),
      logger: mockServices.logger.mock(),
      recordKinds: resourceKinds,
      checks: [],
    });
    await evaluator.evaluateAll(START);

    const actual: Record<string, { status: CheckStatus; findings: string[] }> =
      {};
    for (const name of Object.keys(DEMO_INTENDED_POSTURE)) {
      const detail = await postures.get(`component:default/${name}`);
      actual[name] = {
        status: detail!.posture.status,
        // Unknown checks are findings too: an owner must act on them.
        findings: detail!.posture.checks
          .filter(c => c.status !== 'pass')
          .map(c => `${c.id}:${c.status}`),
      };
    }
    expect(actual).toEqual(DEMO_INTENDED_POSTURE);
  });
});
