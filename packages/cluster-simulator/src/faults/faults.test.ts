import {
  kubeClients,
  rejectionOf,
  statusOf,
} from '../__testUtils__/kubeClients.ts';
import { testBackup, testScenario } from '../__testUtils__/testScenario.ts';
import { startSimulator, type Simulator } from '../simulator.ts';

const backups = { group: 'velero.io', version: 'v1', plural: 'backups' };

describe('fault injection', () => {
  let simulator: Simulator;
  let custom: ReturnType<typeof kubeClients>['custom'];

  beforeAll(async () => {
    simulator = await startSimulator({
      tls: false,
      scenario: testScenario(
        Array.from({ length: 30 }, (_, i) =>
          testBackup(`b-${String(i).padStart(2, '0')}`),
        ),
      ),
    });
    custom = kubeClients(simulator.clusters[0].url, 'test-token').custom;
  });
  afterEach(() => simulator.setFaults('test', {}));
  afterAll(() => simulator.stop());

  const list = () => custom.listClusterCustomObject(backups);

  it('adds latency', async () => {
    simulator.setFaults('test', { latencyMs: 300 });
    const started = Date.now();
    await list();
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  it('answers 429 with Retry-After', async () => {
    simulator.setFaults('test', {
      errorRates: { '429': 1 },
      retryAfterSeconds: 7,
    });
    const error = await rejectionOf(list());
    expect(error.code).toBe(429);
    expect(error.headers['retry-after']).toBe('7');
    expect(statusOf(error)).toMatchObject({
      reason: 'TooManyRequests',
      details: { retryAfterSeconds: 7 },
    });
  });

  it.each([
    ['500', 'InternalError'],
    ['502', 'InternalError'],
    ['503', 'ServiceUnavailable'],
    ['504', 'Timeout'],
  ] as const)('answers %s with a Status', async (code, reason) => {
    simulator.setFaults('test', { errorRates: { [code]: 1 } });
    const error = await rejectionOf(list());
    expect(error.code).toBe(Number(code));
    expect(statusOf(error)).toMatchObject({
      kind: 'Status',
      reason,
      code: Number(code),
    });
  });

  it('injects errors at the configured rate', async () => {
    simulator.setFaults('test', { errorRates: { '503': 0.5 } });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 60 }, () => list()),
    );
    const failed = outcomes.filter(o => o.status === 'rejected').length;
    expect(failed).toBeGreaterThan(10);
    expect(failed).toBeLessThan(50);
  });

  it('drops the connection mid-body', async () => {
    simulator.setFaults('test', { dropConnectionRate: 1 });
    const error = await rejectionOf(list());
    expect(error.code).toBe('ERR_STREAM_PREMATURE_CLOSE');
    expect(String(error.message)).toMatch(/Premature close/);
  });

  it('sends truncated JSON', async () => {
    simulator.setFaults('test', { truncatedJsonRate: 1 });
    const error = await rejectionOf(list());
    expect(error.code).toBeUndefined();
    expect(error.name).toBe('SyntaxError');
    const raw = await fetch(
      `${simulator.clusters[0].url}/apis/velero.io/v1/backups`,
      {
        headers: { Authorization: 'Bearer test-token' },
      },
    );
    expect(raw.status).toBe(200);
    await expect(raw.json()).rejects.toThrow(/JSON/);
  });

  it('sends malformed JSON', async () => {
    simulator.setFaults('test', { malformedJsonRate: 1 });
    const error = await rejectionOf(list());
    expect(error.name).toBe('SyntaxError');
    expect(error.message).toMatch(/JSON/);
  });

  it('expires continue tokens after N pages', async () => {
    simulator.setFaults('test', { continueExpiryAfterPages: 2 });
    const first = await custom.listClusterCustomObject({
      ...backups,
      limit: 10,
    });
    const second = await custom.listClusterCustomObject({
      ...backups,
      limit: 10,
      _continue: first.metadata.continue,
    });
    expect(second.items).toHaveLength(10);
    const error = await rejectionOf(
      custom.listClusterCustomObject({
        ...backups,
        limit: 10,
        _continue: second.metadata.continue,
      }),
    );
    expect(error.code).toBe(410);
    expect(statusOf(error).reason).toBe('Expired');
  });

  it('is set at run time through the admin API, which faults never touch', async () => {
    const admin = (method: string, path: string, body?: unknown) =>
      fetch(`${simulator.url}/admin${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${simulator.adminToken}`,
          'Content-Type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    const put = await admin('PUT', '/clusters/test/faults', {
      errorRates: { '500': 1 },
    });
    expect(put.status).toBe(200);
    expect((await rejectionOf(list())).code).toBe(500);
    expect((await admin('GET', '/clusters/test')).status).toBe(200);
    const invalid = await admin('PUT', '/clusters/test/faults', {
      errorRates: { '418': 1 },
      latencyMs: -1,
    });
    expect(invalid.status).toBe(400);
    expect((await invalid.json()).message).toMatch(/invalid fault settings/);
    expect((await admin('DELETE', '/clusters/test/faults')).status).toBe(200);
    expect((await list()).items).toHaveLength(30);
    const unauthorized = await fetch(`${simulator.url}/admin/clusters`, {
      headers: { Authorization: 'Bearer test-token' },
    });
    expect(unauthorized.status).toBe(401);
  });

  it('takes faults at start', async () => {
    const faulty = await startSimulator({
      tls: false,
      scenario: testScenario([]),
      faults: { test: { errorRates: { '503': 1 } } },
    });
    const error = await rejectionOf(
      kubeClients(faulty.clusters[0].url, 'test-token').core.listNamespace(),
    );
    expect(error.code).toBe(503);
    await faulty.stop();
  });
});
