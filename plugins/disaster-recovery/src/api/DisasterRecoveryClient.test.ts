import { mockApis } from '@backstage/test-utils';
import type { DrillRecord } from '@dr-posture/plugin-disaster-recovery-common';
import { DisasterRecoveryClient } from './DisasterRecoveryClient';

const BASE = 'http://backstage:7007/api/disaster-recovery';
const payments = { kind: 'Component', namespace: 'default', name: 'payments' };
/** A GET as the generated client sends it: the fetch API adds the token. */
const GET = { method: 'GET', headers: {} };

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function clientAnswering(response: () => Response) {
  const fetch = jest.fn(
    async (_input: RequestInfo | URL, _init?: RequestInit) => response(),
  );
  const client = new DisasterRecoveryClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage:7007' }),
    fetchApi: { fetch },
  });
  return { client, fetch };
}

function errorBody(status: number, name: string, message: string) {
  return jsonResponse(
    {
      error: { name, message },
      request: { method: 'GET', url: '/' },
      response: { statusCode: status },
    },
    status,
  );
}

describe('DisasterRecoveryClient', () => {
  it('fetches /health from the plugin base URL', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ status: 'ok', sources: ['restic'] }),
    );

    await expect(client.getHealth()).resolves.toEqual({
      status: 'ok',
      sources: ['restic'],
    });
    expect(fetch).toHaveBeenCalledWith(`${BASE}/health`, GET);
  });

  it('URL-encodes the parts of the entity ref as they are written', async () => {
    const { client, fetch } = clientAnswering(() => jsonResponse({}));

    await client.getEntityPosture({
      kind: 'Component',
      namespace: 'team a',
      name: 'pay/ments',
    });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/entities/Component/team%20a/pay%2Fments/posture`,
      GET,
    );
  });

  it('builds the overview query with repeated list parameters', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ items: [], totalItems: 0, summary: {} }),
    );

    await client.getOverview({
      tier: ['1', '2'],
      status: ['fail', 'warn'],
      owner: ['group:default/team-a'],
      system: [],
      q: 'pay ments',
      sort: 'lastCleanBackupAt',
      order: 'desc',
      cursor: 'abc=',
      limit: 50,
    });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/overview?tier=1&tier=2&status=fail&status=warn&owner=group%3Adefault%2Fteam-a&q=pay+ments&sort=lastCleanBackupAt&order=desc&cursor=abc%3D&limit=50`,
      GET,
    );
  });

  it('leaves the query string out when nothing is asked for', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ items: [], totalItems: 0, summary: {} }),
    );

    await client.getOverview();

    expect(fetch).toHaveBeenCalledWith(`${BASE}/overview`, GET);
  });

  it('builds the backup history query', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ items: [] }),
    );

    await client.getBackupHistory(payments, {
      from: '2025-06-01T00:00:00Z',
      phase: ['Failed', 'PartiallyFailed'],
      limit: 10,
    });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/entities/Component/default/payments/backups?from=2025-06-01T00%3A00%3A00Z&phase=Failed&phase=PartiallyFailed&limit=10`,
      GET,
    );
  });

  it('asks for the restore plan of the estate or of one system', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ steps: [], cycles: [], unknownDependencies: [] }),
    );

    await client.getRestorePlan();
    await client.getRestorePlan({ system: 'system:default/commerce' });

    expect(fetch).toHaveBeenNthCalledWith(1, `${BASE}/restore-plan`, GET);
    expect(fetch).toHaveBeenNthCalledWith(
      2,
      `${BASE}/restore-plan?system=system%3Adefault%2Fcommerce`,
      GET,
    );
  });

  it('fetches drills and clusters', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ items: [] }),
    );

    await client.getDrills(payments);
    await client.getClusters();

    expect(fetch).toHaveBeenNthCalledWith(
      1,
      `${BASE}/entities/Component/default/payments/drills`,
      GET,
    );
    expect(fetch).toHaveBeenNthCalledWith(2, `${BASE}/clusters`, GET);
  });

  it('posts a drill as JSON', async () => {
    const drill: DrillRecord = {
      kind: 'restore-test',
      entityRefs: [],
      startedAt: '2025-06-10T10:00:00Z',
      endedAt: '2025-06-10T11:00:00Z',
      outcome: 'succeeded',
      evidence: { manualStepsNotInRunbook: [] },
    };
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ ...drill, id: 'd1' }, 201),
    );

    await expect(client.recordDrill(payments, drill)).resolves.toMatchObject({
      id: 'd1',
    });
    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/entities/Component/default/payments/drills`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(drill),
      },
    );
  });

  it('asks for the next page of drills with its cursor', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ items: [], restoreTests: [] }),
    );

    await client.getDrills(payments, { cursor: 'c/2=', limit: 20 });

    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/entities/Component/default/payments/drills?cursor=c%2F2%3D&limit=20`,
      GET,
    );
  });

  it('voids a drill with its reason', async () => {
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ id: 'd 1', state: 'voided' }),
    );

    await expect(
      client.voidDrill(payments, 'd 1', 'wrong entity'),
    ).resolves.toMatchObject({ state: 'voided' });
    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/entities/Component/default/payments/drills/d%201/void`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ reason: 'wrong entity' }),
      },
    );
  });

  it('posts the correction of a drill to its supersede URL', async () => {
    const drill: DrillRecord = {
      kind: 'restore-test',
      entityRefs: [],
      startedAt: '2025-06-10T10:00:00Z',
      endedAt: '2025-06-10T11:00:00Z',
      outcome: 'failed',
      evidence: { manualStepsNotInRunbook: [] },
    };
    const { client, fetch } = clientAnswering(() =>
      jsonResponse({ ...drill, id: 'd2', supersedes: 'd1' }, 201),
    );

    await expect(
      client.supersedeDrill(payments, 'd1', drill),
    ).resolves.toMatchObject({ supersedes: 'd1' });
    expect(fetch).toHaveBeenCalledWith(
      `${BASE}/entities/Component/default/payments/drills/d1/supersede`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(drill),
      },
    );
  });

  it('rejects a void the backend refuses with its 403', async () => {
    const { client } = clientAnswering(() =>
      errorBody(403, 'NotAllowedError', 'only the recorder may void'),
    );

    await expect(
      client.voidDrill(payments, 'd1', 'typo'),
    ).rejects.toMatchObject({ statusCode: 403 });
  });

  it.each([
    ['getHealth', (c: DisasterRecoveryClient) => c.getHealth(), 503],
    [
      'getEntityPosture',
      (c: DisasterRecoveryClient) => c.getEntityPosture(payments),
      404,
    ],
    ['getOverview', (c: DisasterRecoveryClient) => c.getOverview(), 500],
    ['getClusters', (c: DisasterRecoveryClient) => c.getClusters(), 401],
  ])(
    'turns an error answer of %s into a ResponseError',
    async (_, call, status) => {
      const { client } = clientAnswering(() =>
        errorBody(status, 'SomeError', 'it broke'),
      );

      await expect(call(client)).rejects.toMatchObject({
        name: 'ResponseError',
        statusCode: status,
        body: { error: { message: 'it broke' } },
      });
    },
  );

  it('keeps the field names of a rejected drill in the ResponseError', async () => {
    const { client } = clientAnswering(() =>
      errorBody(
        400,
        'InputError',
        'evidence.backup.createdAt: Invalid ISO datetime',
      ),
    );

    await expect(
      client.recordDrill(payments, {
        kind: 'dr-drill',
        entityRefs: [],
        startedAt: '2025-06-10T10:00:00Z',
        endedAt: '2025-06-10T11:00:00Z',
        outcome: 'succeeded',
        evidence: { manualStepsNotInRunbook: [] },
      }),
    ).rejects.toMatchObject({
      statusCode: 400,
      body: {
        error: { message: 'evidence.backup.createdAt: Invalid ISO datetime' },
      },
    });
  });
});
