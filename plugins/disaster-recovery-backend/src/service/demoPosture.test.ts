import crypto from 'node:crypto';
import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  demoCatalogEntities,
  demoDrills,
  startSimulator,
  type Simulator,
} from '@dr-posture/cluster-simulator';
import {
  DEFAULT_TIER_POLICIES,
  drillRecordSchema,
  effectiveDrillOutcome,
  type CheckId,
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

/** A Wednesday noon: the weekly restore drills of Monday and Tuesday are recent. */
const START = new Date('2026-11-18T12:00:00.000Z');

type Finding = `${CheckId}:${'fail' | 'warn'}`;

/**
 * The demo estate's intended story, mirrored in the README's "Demo estate
 * statuses" table: each service's overall status and its failing and
 * warning checks (as the overview lists them).
 */
const INTENDED: Record<string, { status: CheckStatus; findings: Finding[] }> = {
  'payments-api': { status: 'warn', findings: ['ha-pattern:warn'] },
  'orders-db': { status: 'pass', findings: [] },
  'ledger-db': {
    status: 'fail',
    findings: [
      'retention:fail',
      'copies-3-2-1:fail',
      'postgres-wal-archiving:fail',
      'postgres-wal-age:fail',
      'restore-test:fail',
      'dr-drill:fail',
    ],
  },
  'checkout-web': {
    status: 'fail',
    findings: [
      'backup-freshness:fail',
      'retention:fail',
      'copies-3-2-1:fail',
      'restore-test:fail',
    ],
  },
  'inventory-service': { status: 'pass', findings: [] },
  'catalog-search': { status: 'warn', findings: ['schedule-active:warn'] },
  'notifications-worker': { status: 'pass', findings: [] },
  'customer-profile': {
    status: 'fail',
    findings: [
      'backup-freshness:fail',
      'storage-location:fail',
      'dr-drill:fail',
      'ha-pattern:fail',
    ],
  },
  'reporting-batch': { status: 'pass', findings: [] },
  'docs-portal': { status: 'pass', findings: [] },
  'feature-flags': { status: 'fail', findings: ['runbook:fail'] },
  'analytics-etl': {
    status: 'fail',
    findings: [
      'backup-freshness:fail',
      'schedule-active:fail',
      'copies-3-2-1:fail',
      'dr-drill:fail',
      'ha-pattern:warn',
      'runbook:fail',
      'workload-coverage:fail',
    ],
  },
  'legacy-cron': {
    status: 'fail',
    findings: ['tier-declared:fail', 'runbook:fail'],
  },
};

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
      logger: mockServices.logger.mock(),
    });
    await evaluator.evaluateAll(START);

    const actual: Record<string, { status: CheckStatus; findings: string[] }> =
      {};
    for (const name of Object.keys(INTENDED)) {
      const detail = await postures.get(`component:default/${name}`);
      actual[name] = {
        status: detail!.posture.status,
        findings: detail!.posture.checks
          .filter(c => c.status === 'fail' || c.status === 'warn')
          .map(c => `${c.id}:${c.status}`),
      };
    }
    expect(actual).toEqual(INTENDED);
  });
});
