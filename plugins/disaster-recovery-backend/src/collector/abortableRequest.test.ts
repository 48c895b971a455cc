import { mockServices, TestDatabases } from '@backstage/backend-test-utils';
import { startSimulator, type Simulator } from '@dr-posture/cluster-simulator';
import { DatabaseResourceStore } from '../database/DatabaseResourceStore';
import { applyDatabaseMigrations } from '../database/migrations';
import type { ResourceStore } from '../database/ResourceStore';
import { builtInResourceKinds } from '../sources/builtInSources';
import { abortableRequest } from './abortableRequest';
import { collectCluster } from './collectCluster';
import { simulatedClusterConfig } from './simulatedClusterConfig';

// Starting the demo estate takes a minute on a busy machine.
jest.setTimeout(180_000);

// How requests end does not depend on the database: SQLite is enough.
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

async function waitFor(condition: () => boolean, timeoutMs: number) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) return false;
    await new Promise(resolve => setTimeout(resolve, 20));
  }
  return true;
}

describe('abortableRequest', () => {
  it('aborts the signal once settled, so a request started alongside never outlives it', async () => {
    const signals: AbortSignal[] = [];
    const outcome = abortableRequest(
      signal => {
        signals.push(signal);
        return Promise.reject(new Error('503'));
      },
      { timeoutMs: 60_000 },
    );
    await expect(outcome).rejects.toThrow('503');
    expect(signals[0].aborted).toBe(true);
  });

  it('turns a timeout into a retryable "timed out" error', async () => {
    await expect(
      abortableRequest(() => new Promise(() => {}), { timeoutMs: 50 }),
    ).rejects.toThrow('Kubernetes API request timed out after 50 ms');
  });
});

describe('requests of a collection run', () => {
  let simulator: Simulator;
  let store: ResourceStore;
  let cluster: string;

  beforeAll(async () => {
    simulator = await startSimulator({
      scenario: 'demo',
      startTime: new Date('2026-11-20T12:00:00.000Z'),
      speed: 0,
    });
    cluster = simulator.clusters[0].name;
  });
  afterAll(() => simulator.stop());

  beforeEach(async () => {
    const knex = await databases.init('SQLITE_3');
    await applyDatabaseMigrations(knex);
    store = DatabaseResourceStore.create(knex);
  });
  afterEach(() => simulator.setFaults(cluster, {}));

  function collect(options: { budgetMs: number; signal?: AbortSignal }) {
    return collectCluster({
      cluster: simulatedClusterConfig(
        simulator.clusters.find(c => c.name === cluster)!,
      ),
      resourceKinds: builtInResourceKinds(),
      store,
      logger: mockServices.logger.mock(),
      pageSize: 100,
      deadline: Date.now() + options.budgetMs,
      requestTimeoutMs: 300,
      signal: options.signal,
    });
  }

  it.each(['hangRate', 'stallBodyRate'] as const)(
    'closes the connection of a request that timed out (%s)',
    async fault => {
      simulator.setFaults(cluster, { [fault]: 1 });

      const result = await collect({ budgetMs: 1_500 });

      expect(result.status).toBe('failed');
      expect(result.error).toMatch(/timed out after \d+ ms/);
      // Every attempt timed out, and each one's socket was closed.
      expect(simulator.faultStats(cluster).requests).toBeGreaterThan(1);
      expect(
        await waitFor(
          () => simulator.faultStats(cluster).openHungRequests === 0,
          1_000,
        ),
      ).toBe(true);
    },
  );

  it('stops at once when the scheduler aborts the run, closing the request in flight', async () => {
    simulator.setFaults(cluster, { faultsAfterRequests: 3, hangRate: 1 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();

    // A budget of a minute: only the abort can end this run early.
    const result = await collect({
      budgetMs: 60_000,
      signal: controller.signal,
    });

    expect(Date.now() - started).toBeLessThan(1_500);
    expect(result.status).toBe('failed');
    expect(result.error).toMatch(/the scheduler aborted the run/);
    expect(
      await waitFor(
        () => simulator.faultStats(cluster).openHungRequests === 0,
        1_000,
      ),
    ).toBe(true);
    const [health] = await store.listClusterHealth();
    expect(health.lastRun).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/the scheduler aborted the run/),
    });
  });

  it('does not start a run whose signal has already fired', async () => {
    const controller = new AbortController();
    controller.abort();

    const result = await collect({
      budgetMs: 60_000,
      signal: controller.signal,
    });

    expect(result.status).toBe('failed');
    expect(simulator.faultStats(cluster).requests).toBe(0);
  });
});
