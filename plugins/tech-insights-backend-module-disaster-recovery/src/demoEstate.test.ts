import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { SchedulerServiceTaskFunction } from '@backstage/backend-plugin-api';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import techInsightsPlugin from '@backstage-community/plugin-tech-insights-backend';
import jsonRulesEngineModule from '@backstage-community/plugin-tech-insights-backend-module-jsonfc';
import {
  demoCatalogEntities,
  demoDrillRecord,
  demoDrills,
  simulatedClustersConfig,
  startSimulator,
  type Simulator,
} from '@dr-posture/cluster-simulator';
// The test runs the real posture API beside Tech Insights.
// eslint-disable-next-line @backstage/no-mixed-plugin-imports
import disasterRecoveryPlugin from '@dr-posture/plugin-disaster-recovery-backend';
import {
  postureWarningCount,
  SCORECARD_CHECKS,
  SCORECARD_NO_WARNINGS_CHECK,
  scorecardResultOf,
  type EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import request from 'supertest';
import { disasterRecoveryChecksConfig } from './defaultChecks';
import {
  DISASTER_RECOVERY_FACT_RETRIEVER_ID,
  disasterRecoveryFactRetriever,
} from './disasterRecoveryFactRetriever';
import { DISASTER_RECOVERY_FACT_SCHEMA } from './disasterRecoveryFacts';
import techInsightsModuleDisasterRecovery from './index';

jest.setTimeout(180_000);

/** A Wednesday noon, as in the backend's demo test: the weekly restore drills are recent. */
const START = new Date('2026-11-18T12:00:00.000Z');

type Server = Parameters<typeof request>[0];

const DEMO_SERVICES = demoCatalogEntities()
  .filter(entity => entity.kind === 'Component')
  .map(entity => entity.metadata.name);

/** Demo services mapped to Kubernetes with nothing collected or declared. */
const NO_DR_DATA = ['legacy-cron'];

/** The Tech Insights fact type a stored JSON value has. */
function typeOf(value: unknown): string {
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'float';
  }
  return typeof value;
}

/** Scorecard check id to result; checks without a result are absent. */
async function scorecardOf(server: Server, name: string) {
  const response = await request(server)
    .post(`/api/tech-insights/checks/run/default/component/${name}`)
    .send({});
  expect(response.status).toBe(200);
  return Object.fromEntries(
    (response.body as Array<{ check: { id: string }; result: boolean }>).map(
      r => [r.check.id, r.result],
    ),
  );
}

/** What the posture API's checks say each scorecard check must answer. */
async function expectedScorecardOf(server: Server, name: string) {
  const response = await request(server).get(
    `/api/disaster-recovery/entities/component/default/${name}/posture`,
  );
  expect(response.status).toBe(200);
  const { posture } = response.body as EntityPostureResponse;
  const expected: Record<string, boolean> = {};
  for (const check of SCORECARD_CHECKS) {
    const result = scorecardResultOf(
      posture.checks.find(c => c.id === check.postureCheckId)?.status,
    );
    if (result !== undefined) expected[check.id] = result;
  }
  expected[SCORECARD_NO_WARNINGS_CHECK.id] =
    postureWarningCount(posture.checks) === 0;
  return expected;
}

describe('default checks against the demo estate', () => {
  let simulator: Simulator;
  let server: Server;

  beforeAll(async () => {
    // Only the clock is faked: the demo estate is judged at START however
    // long the run takes, while timers and I/O stay real.
    jest.useFakeTimers({
      now: START,
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
    simulator = await startSimulator({
      scenario: 'demo',
      startTime: START.getTime(),
      speed: 0,
    });
    const scheduler = mockServices.scheduler.mock();
    const backend = await startTestBackend({
      features: [
        disasterRecoveryPlugin,
        techInsightsPlugin,
        jsonRulesEngineModule,
        techInsightsModuleDisasterRecovery,
        catalogServiceMock.factory({ entities: demoCatalogEntities() }),
        mockServices.permissions.factory({ result: AuthorizeResult.ALLOW }),
        // Tech Insights logs a failed retriever and stores no facts: the
        // warning says why when a check then has no result.
        mockServices.rootLogger.factory({ level: 'warn' }),
        scheduler.factory,
        mockServices.rootConfig.factory({
          data: {
            disasterRecovery: {
              clusters: simulatedClustersConfig(simulator.clusters),
              // One listing per task run: a watching run holds its cluster
              // until the task's timeout, and this test awaits each run.
              collection: { mode: 'poll' },
              // This backend has no notifications backend to send to.
              notifications: { enabled: false },
            },
            techInsights: {
              factRetrievers: {
                [DISASTER_RECOVERY_FACT_RETRIEVER_ID]: {
                  cadence: '*/15 * * * *',
                  lifecycle: { timeToLive: { weeks: 2 } },
                },
              },
              factChecker: { checks: disasterRecoveryChecksConfig() },
            },
          },
        }),
      ],
    });
    server = backend.server;

    // The scheduler is a mock: run the tasks in the order a portal would.
    const tasks = new Map<string, SchedulerServiceTaskFunction>(
      scheduler.scheduleTask.mock.calls.map(([task]) => [task.id, task.fn]),
    );
    const run = (id: string) =>
      tasks.get(id)!(new AbortController().signal) as Promise<void>;
    for (const id of tasks.keys()) {
      if (id.startsWith('collect-cluster:')) await run(id);
    }
    for (const drill of demoDrills(START.getTime())) {
      const [, namespaceAndName] = drill.entityRefs[0].split(':');
      const recorded = await request(server)
        .post(
          `/api/disaster-recovery/entities/component/${namespaceAndName}/drills`,
        )
        .send(demoDrillRecord(drill));
      if (recorded.status !== 201) {
        throw new Error(
          `Recording a demo drill answered ${recorded.status}: ${recorded.text}`,
        );
      }
      if (drill.voidReason) {
        const voided = await request(server)
          .post(
            `/api/disaster-recovery/entities/component/${namespaceAndName}/drills/${recorded.body.id}/void`,
          )
          .send({ reason: drill.voidReason });
        if (voided.status !== 200) {
          throw new Error(`Voiding a demo drill answered ${voided.status}`);
        }
      }
    }
    await run('evaluate-posture');
    await run(DISASTER_RECOVERY_FACT_RETRIEVER_ID);
  });

  afterAll(async () => {
    await simulator?.stop();
    jest.useRealTimers();
  });

  it('passes every default check of a healthy service, as its posture does', async () => {
    // The demo's service whose every scorecard check passes (orders-db keeps
    // its only database copy in its own region and account).
    const scorecard = await scorecardOf(server, 'reporting-batch');
    expect(scorecard).toEqual(
      await expectedScorecardOf(server, 'reporting-batch'),
    );
    // A tier 3 service without a database: the checks that apply to it
    // (every tier tracks restore tests, tier 3 quarterly).
    expect(Object.keys(scorecard).sort()).toEqual(
      [
        'disasterRecoveryTierDeclared',
        'disasterRecoveryBackupsWithinRpo',
        'disasterRecoveryBackupScheduleActive',
        'disasterRecoveryScheduleCadenceWithinRpo',
        'disasterRecoveryStorageAvailable',
        'disasterRecoveryRestoreTestWithinPolicy',
        'disasterRecoveryDrillWithinPolicy',
        'disasterRecoveryDrillMetObjectives',
        'disasterRecoveryNoWarnings',
      ].sort(),
    );
    expect(Object.values(scorecard).every(Boolean)).toBe(true);
  });

  it('fails the checks a breaching service breaches, as its posture does', async () => {
    const scorecard = await scorecardOf(server, 'checkout-web');
    expect(scorecard).toEqual(
      await expectedScorecardOf(server, 'checkout-web'),
    );
    expect(scorecard).toMatchObject({
      disasterRecoveryBackupsWithinRpo: false,
      disasterRecoveryCopies321: false,
      disasterRecoveryRestoreTestWithinPolicy: false,
      disasterRecoveryTierDeclared: true,
      disasterRecoveryBackupScheduleActive: true,
    });
  });

  it('agrees with the posture API for every demo service', async () => {
    for (const name of DEMO_SERVICES) {
      expect({ name, scorecard: await scorecardOf(server, name) }).toEqual({
        name,
        scorecard: NO_DR_DATA.includes(name)
          ? {}
          : await expectedScorecardOf(server, name),
      });
    }
  });

  it('gives no result for a service without DR data rather than a false one', async () => {
    // The posture API fails legacy-cron for its missing tier, but nothing
    // about it is known: the scorecard stays silent instead of failing it.
    expect(await expectedScorecardOf(server, 'legacy-cron')).toEqual({
      disasterRecoveryTierDeclared: false,
      disasterRecoveryNoWarnings: expect.any(Boolean),
    });
    expect(await scorecardOf(server, 'legacy-cron')).toEqual({});
  });

  it('stores only facts its schema declares, with the declared types', async () => {
    const schemas = await request(server).get(
      `/api/tech-insights/fact-schemas?ids[]=${DISASTER_RECOVERY_FACT_RETRIEVER_ID}`,
    );
    expect(schemas.status).toBe(200);
    // Tech Insights serves the declared schema as the retriever's version.
    expect(schemas.body).toEqual([
      {
        ...DISASTER_RECOVERY_FACT_SCHEMA,
        id: DISASTER_RECOVERY_FACT_RETRIEVER_ID,
        version: disasterRecoveryFactRetriever.version,
        entityFilter: null,
      },
    ]);
    const schema = DISASTER_RECOVERY_FACT_SCHEMA;

    const rows: Record<string, { facts: Record<string, unknown> }> = {};
    for (const name of DEMO_SERVICES) {
      const response = await request(server).get(
        `/api/tech-insights/facts/latest?entity=component:default/${name}&ids[]=${DISASTER_RECOVERY_FACT_RETRIEVER_ID}`,
      );
      expect(response.status).toBe(200);
      rows[name] = response.body[DISASTER_RECOVERY_FACT_RETRIEVER_ID];
    }
    expect(NO_DR_DATA.map(name => rows[name])).toEqual(
      NO_DR_DATA.map(() => undefined),
    );
    const emitted = new Set<string>();
    for (const name of DEMO_SERVICES.filter(n => !NO_DR_DATA.includes(n))) {
      for (const [fact, value] of Object.entries(rows[name].facts)) {
        emitted.add(fact);
        expect({ fact, type: typeOf(value) }).toEqual({
          fact,
          type: schema[fact]?.type,
        });
      }
    }
    // The demo estate exercises every declared fact at least once.
    expect([...emitted].sort()).toEqual(Object.keys(schema).sort());
  });
});
