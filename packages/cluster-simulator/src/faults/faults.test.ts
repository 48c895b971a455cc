import {
  kubeClients,
  rejectionOf,
  statusOf,
} from '../__testUtils__/kubeClients.ts';
import { testBackup, testScenario } from '../__testUtils__/testScenario.ts';
import { startSimulator, type Simulator } from '../simulator.ts';

const backups = { group: 'velero.io', version: 'v1', plural: 'backups' };

async function waitFor(condition: () => boolean, timeoutMs = 5_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

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

  it('writes Retry-After as an HTTP-date when asked', async () => {
    simulator.setFaults('test', {
      errorRates: { '429': 1 },
      retryAfterSeconds: 30,
      retryAfterForm: 'date',
    });
    const before = Date.now();
    const error = await rejectionOf(list());
    expect(error.code).toBe(429);
    const header = error.headers['retry-after'];
    expect(header).toMatch(
      /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/,
    );
    const wait = Date.parse(header) - before;
    expect(wait).toBeGreaterThan(28_000);
    expect(wait).toBeLessThanOrEqual(31_000);
  });

  it('answers 404 everywhere, discovery included, as a server that serves none of the paths', async () => {
    simulator.setFaults('test', { errorRates: { '404': 1 } });
    const error = await rejectionOf(list());
    expect(error.code).toBe(404);
    expect(statusOf(error)).toMatchObject({ reason: 'NotFound' });
    const discovery = await fetch(`${simulator.clusters[0].url}/apis`, {
      headers: { Authorization: 'Bearer test-token' },
    });
    expect(discovery.status).toBe(404);
  });

  it('starts the faults after N requests, so that they hit a client midway', async () => {
    simulator.setFaults('test', {
      faultsAfterRequests: 2,
      errorRates: { '503': 1 },
    });
    await list();
    await list();
    expect((await rejectionOf(list())).code).toBe(503);
    expect(simulator.faultStats('test').requests).toBe(3);
  });

  it('revokes the token: 401 on every request', async () => {
    simulator.setFaults('test', { tokenRevoked: 'unauthorized' });
    expect((await rejectionOf(list())).code).toBe(401);
    const raw = await fetch(`${simulator.clusters[0].url}/api`, {
      headers: { Authorization: 'Bearer test-token' },
    });
    expect(raw.status).toBe(401);
    expect(await raw.json()).toMatchObject({ reason: 'Unauthorized' });
  });

  it('removes the token’s role: 403 with the RBAC message, discovery still answers', async () => {
    simulator.setFaults('test', { tokenRevoked: 'forbidden' });
    const error = await rejectionOf(list());
    expect(error.code).toBe(403);
    expect(statusOf(error).message).toMatch(
      /backups.velero.io is forbidden: User ".*" cannot list resource "backups" in API group "velero.io" at the cluster scope/,
    );
    const discovery = await fetch(`${simulator.clusters[0].url}/apis`, {
      headers: { Authorization: 'Bearer test-token' },
    });
    expect(discovery.status).toBe(200);
  });

  it.each(['hangRate', 'stallBodyRate'] as const)(
    '%s holds the connection open until the client closes it',
    async fault => {
      simulator.setFaults('test', { [fault]: 1 });
      const controller = new AbortController();
      const request = fetch(
        `${simulator.clusters[0].url}/apis/velero.io/v1/backups`,
        {
          headers: { Authorization: 'Bearer test-token' },
          signal: controller.signal,
        },
      ).then(response => response.text());
      const settled = request.catch(error => error);
      await waitFor(() => simulator.faultStats('test').openHungRequests === 1);
      const raced = await Promise.race([
        settled,
        new Promise(resolve => setTimeout(() => resolve('pending'), 300)),
      ]);
      expect(raced).toBe('pending');

      controller.abort();

      expect(await settled).toMatchObject({ name: 'AbortError' });
      await waitFor(() => simulator.faultStats('test').openHungRequests === 0);
    },
  );

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
