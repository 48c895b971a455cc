import {
  kubeClients,
  rejectionOf,
  statusOf,
} from '../__testUtils__/kubeClients.ts';
import { testBackup, testScenario } from '../__testUtils__/testScenario.ts';
import { startSimulator, type Simulator } from '../simulator.ts';

describe('simulated cluster API', () => {
  let simulator: Simulator;
  let base: string;
  const get = (path: string, token = 'test-token') =>
    fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });

  beforeAll(async () => {
    simulator = await startSimulator({
      tls: false,
      scenario: testScenario([
        testBackup('daily-1', 'velero', {
          'velero.io/schedule-name': 'daily',
          tier: '1',
        }),
        testBackup('daily-2', 'velero', {
          'velero.io/schedule-name': 'daily',
          tier: '2',
        }),
        testBackup('manual', 'velero', {}),
        testBackup('other-ns', 'backups', {
          'velero.io/schedule-name': 'daily',
        }),
      ]),
    });
    base = simulator.clusters[0].url;
    simulator.grantToken('test', {
      token: 'no-cnpg-no-backups',
      user: 'system:serviceaccount:dr:limited',
      resources: ['schedules.velero.io'],
      verbs: ['list'],
    });
  });
  afterAll(() => simulator.stop());

  it('serves discovery for installed groups only', async () => {
    const groups = await (await get('/apis')).json();
    // Built-in groups come before the CRD groups, as on a real cluster.
    expect(groups.groups.map((g: any) => g.name)).toEqual([
      'apps',
      'authorization.k8s.io',
      'autoscaling',
      'policy',
      'velero.io',
    ]);
    expect(
      groups.groups.find((g: any) => g.name === 'autoscaling').preferredVersion,
    ).toEqual({ groupVersion: 'autoscaling/v2', version: 'v2' });
    expect(groups.groups[4].preferredVersion).toEqual({
      groupVersion: 'velero.io/v1',
      version: 'v1',
    });
    const resources = await (await get('/apis/velero.io/v1')).json();
    expect(resources.resources.map((r: any) => r.name)).toEqual(
      expect.arrayContaining([
        'backups',
        'schedules',
        'restores',
        'backupstoragelocations',
        'volumesnapshotlocations',
      ]),
    );
    const core = await (await get('/api/v1')).json();
    // Sorted by name, each followed by its status subresource.
    expect(core.resources.map((r: any) => r.name)).toEqual([
      'namespaces',
      'namespaces/status',
      'nodes',
      'nodes/status',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'pods/status',
    ]);
    expect((await (await get('/api')).json()).versions).toEqual(['v1']);
  });

  it('answers 404 like a cluster without the CRD for a group not installed', async () => {
    const response = await get('/apis/postgresql.cnpg.io/v1');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({
      kind: 'Status',
      reason: 'NotFound',
      code: 404,
    });
    const { custom } = kubeClients(base, 'test-token');
    const error = await rejectionOf(
      custom.listClusterCustomObject({
        group: 'postgresql.cnpg.io',
        version: 'v1',
        plural: 'clusters',
      }),
    );
    expect(error.code).toBe(404);
  });

  it('lists cluster-wide and namespaced in key order through client-node', async () => {
    const { custom } = kubeClients(base, 'test-token');
    const all = await custom.listClusterCustomObject({
      group: 'velero.io',
      version: 'v1',
      plural: 'backups',
    });
    expect(
      all.items.map((b: any) => `${b.metadata.namespace}/${b.metadata.name}`),
    ).toEqual([
      'backups/other-ns',
      'velero/daily-1',
      'velero/daily-2',
      'velero/manual',
    ]);
    expect(all.metadata.resourceVersion).toMatch(/^\d+$/);
    expect(all.items[0].metadata.resourceVersion).toMatch(/^\d+$/);
    const velero = await custom.listNamespacedCustomObject({
      group: 'velero.io',
      version: 'v1',
      namespace: 'velero',
      plural: 'backups',
    });
    expect(velero.items).toHaveLength(3);
    expect(velero.kind).toBe('BackupList');
  });

  it('gets one object by name, and 404s a missing one', async () => {
    const { custom } = kubeClients(base, 'test-token');
    const backup = await custom.getNamespacedCustomObject({
      group: 'velero.io',
      version: 'v1',
      namespace: 'velero',
      plural: 'backups',
      name: 'daily-1',
    });
    expect(backup.metadata.uid).toMatch(/^[0-9a-f-]{36}$/);
    const error = await rejectionOf(
      custom.getNamespacedCustomObject({
        group: 'velero.io',
        version: 'v1',
        namespace: 'velero',
        plural: 'backups',
        name: 'gone',
      }),
    );
    expect(error.code).toBe(404);
    expect(statusOf(error)).toMatchObject({
      reason: 'NotFound',
      message: 'backups.velero.io "gone" not found',
    });
  });

  it('lists core namespaces and pods with labels, without kind on items', async () => {
    const { core } = kubeClients(base, 'test-token');
    const namespaces = await core.listNamespace();
    // The system namespaces, and every namespace an object lives in.
    expect(namespaces.items.map(n => n.metadata?.name)).toEqual([
      'app',
      'backups',
      'default',
      'kube-node-lease',
      'kube-public',
      'kube-system',
      'velero',
    ]);
    const pods = await core.listNamespacedPod({
      namespace: 'app',
      labelSelector: 'app.kubernetes.io/name=app',
    });
    expect(pods.items).toHaveLength(1);
    const raw = await (await get('/api/v1/pods')).json();
    expect(raw.kind).toBe('PodList');
    expect(raw.items[0].kind).toBeUndefined();
    const namespace = await core.readNamespace({ name: 'app' });
    expect(namespace.metadata?.labels?.['kubernetes.io/metadata.name']).toBe(
      'app',
    );
  });

  it.each([
    ['velero.io/schedule-name=daily', ['other-ns', 'daily-1', 'daily-2']],
    ['velero.io/schedule-name!=daily', ['manual']],
    ['tier in (1,3)', ['daily-1']],
    ['tier notin (1)', ['other-ns', 'daily-2', 'manual']],
    ['tier', ['daily-1', 'daily-2']],
    ['!tier', ['other-ns', 'manual']],
  ])('filters by labelSelector %p', async (selector, names) => {
    const { custom } = kubeClients(base, 'test-token');
    const list = await custom.listClusterCustomObject({
      group: 'velero.io',
      version: 'v1',
      plural: 'backups',
      labelSelector: selector,
    });
    expect(list.items.map((b: any) => b.metadata.name)).toEqual(names);
  });

  it('filters by fieldSelector on metadata.name and metadata.namespace', async () => {
    const body = await (
      await get(
        '/apis/velero.io/v1/backups?fieldSelector=metadata.namespace%3Dvelero,metadata.name!%3Dmanual',
      )
    ).json();
    expect(body.items.map((b: any) => b.metadata.name)).toEqual([
      'daily-1',
      'daily-2',
    ]);
  });

  it.each([
    [
      'labelSelector=tier%20in',
      "unable to parse requirement: found '' expected: '('",
    ],
    [
      'labelSelector=tier%3D%3D%3Db',
      "unable to parse requirement: found '=', expected: identifier",
    ],
    ['fieldSelector=spec.ttl%3Dx', 'field label not supported: spec.ttl'],
  ])(
    'refuses a malformed selector (%s) with 400 BadRequest',
    async (query, message) => {
      const response = await get(`/apis/velero.io/v1/backups?${query}`);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message,
        reason: 'BadRequest',
        code: 400,
      });
    },
  );

  it('answers 401 without a valid bearer token', async () => {
    const missing = await fetch(`${base}/apis/velero.io/v1/backups`);
    expect(missing.status).toBe(401);
    expect(await missing.json()).toMatchObject({
      reason: 'Unauthorized',
      message: 'Unauthorized',
      code: 401,
    });
    const { custom } = kubeClients(base, 'wrong-token');
    const error = await rejectionOf(
      custom.listClusterCustomObject({
        group: 'velero.io',
        version: 'v1',
        plural: 'backups',
      }),
    );
    expect(error.code).toBe(401);
  });

  it('answers 403 Forbidden for a token not allowed to read a resource', async () => {
    const { custom } = kubeClients(base, 'no-cnpg-no-backups');
    const error = await rejectionOf(
      custom.listNamespacedCustomObject({
        group: 'velero.io',
        version: 'v1',
        namespace: 'velero',
        plural: 'backups',
      }),
    );
    expect(error.code).toBe(403);
    expect(statusOf(error)).toMatchObject({
      reason: 'Forbidden',
      message:
        'backups.velero.io is forbidden: User "system:serviceaccount:dr:limited" cannot list resource "backups" in API group "velero.io" in the namespace "velero"',
      details: { group: 'velero.io', kind: 'backups' },
    });
    const schedules = await custom.listClusterCustomObject({
      group: 'velero.io',
      version: 'v1',
      plural: 'schedules',
    });
    expect(schedules.items).toEqual([]);
  });

  it('refuses writes from the read-only token with 403', async () => {
    const { custom } = kubeClients(base, 'test-token');
    const error = await rejectionOf(
      custom.createNamespacedCustomObject({
        group: 'velero.io',
        version: 'v1',
        namespace: 'velero',
        plural: 'backups',
        body: testBackup('created'),
      }),
    );
    expect(error.code).toBe(403);
  });

  it('creates through the API with a writer token, and 409s a duplicate', async () => {
    const { custom } = kubeClients(base, 'writer-token');
    const request = {
      group: 'velero.io',
      version: 'v1',
      namespace: 'velero',
      plural: 'backups',
      body: testBackup('created'),
    };
    const created = await custom.createNamespacedCustomObject(request);
    expect(created.metadata.resourceVersion).toMatch(/^\d+$/);
    const error = await rejectionOf(
      custom.createNamespacedCustomObject({
        ...request,
        body: testBackup('created'),
      }),
    );
    expect(error.code).toBe(409);
    expect(statusOf(error).reason).toBe('AlreadyExists');
    await custom.deleteNamespacedCustomObject({
      group: 'velero.io',
      version: 'v1',
      namespace: 'velero',
      plural: 'backups',
      name: 'created',
    });
  });

  it('answers an unknown cluster and an unknown path with a 404 Status', async () => {
    const cluster = await fetch(`${simulator.url}/clusters/nope/api`);
    expect(cluster.status).toBe(404);
    expect((await cluster.json()).kind).toBe('Status');
    expect((await get('/apis/velero.io/v1/widgets')).status).toBe(404);
  });
});
