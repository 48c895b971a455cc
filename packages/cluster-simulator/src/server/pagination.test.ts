import {
  kubeClients,
  rejectionOf,
  statusOf,
} from '../__testUtils__/kubeClients.ts';
import { testBackup, testScenario } from '../__testUtils__/testScenario.ts';
import { startSimulator, type Simulator } from '../simulator.ts';

const BACKUPS = 10_000;
const velero = { group: 'velero.io', version: 'v1', plural: 'backups' };

function name(i: number) {
  return `backup-${String(i).padStart(5, '0')}`;
}

describe('paginated lists', () => {
  let simulator: Simulator;

  beforeAll(async () => {
    const backups = Array.from({ length: BACKUPS }, (_, i) =>
      testBackup(name(i), 'velero', { parity: i % 2 === 0 ? 'even' : 'odd' }),
    );
    simulator = await startSimulator({
      tls: false,
      scenario: testScenario(backups),
    });
  });
  afterAll(() => simulator.stop());

  async function listAll(
    list: (token?: string) => Promise<{ items: any[]; metadata: any }>,
  ): Promise<{ names: string[]; pages: number; versions: Set<string> }> {
    const names: string[] = [];
    const versions = new Set<string>();
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await list(token);
      pages++;
      names.push(...page.items.map(item => item.metadata.name));
      versions.add(page.metadata.resourceVersion);
      token = page.metadata.continue;
    } while (token);
    return { names, pages, versions };
  }

  it('gives client-node each of 10,000 Backups exactly once at limit=100', async () => {
    const { custom } = kubeClients(simulator.clusters[0].url, 'test-token');
    const first = await custom.listNamespacedCustomObject({
      ...velero,
      namespace: 'velero',
      limit: 100,
    });
    expect(first.metadata.remainingItemCount).toBe(BACKUPS - 100);
    const result = await listAll(token =>
      custom.listNamespacedCustomObject({
        ...velero,
        namespace: 'velero',
        limit: 100,
        _continue: token,
      }),
    );
    expect(result.pages).toBe(100);
    expect(result.names).toHaveLength(BACKUPS);
    expect(new Set(result.names).size).toBe(BACKUPS);
    expect(result.names).toEqual(
      Array.from({ length: BACKUPS }, (_, i) => name(i)),
    );
    // Every page reports the resource version of the first one.
    expect(result.versions.size).toBe(1);
  });

  it('counts the limit after label filtering and omits remainingItemCount', async () => {
    const { custom } = kubeClients(simulator.clusters[0].url, 'test-token');
    const first = await custom.listClusterCustomObject({
      ...velero,
      limit: 100,
      labelSelector: 'parity=even',
    });
    expect(first.items).toHaveLength(100);
    expect(first.metadata.remainingItemCount).toBeUndefined();
    const result = await listAll(token =>
      custom.listClusterCustomObject({
        ...velero,
        limit: 250,
        labelSelector: 'parity=even',
        _continue: token,
      }),
    );
    expect(result.names).toHaveLength(BACKUPS / 2);
    expect(new Set(result.names).size).toBe(BACKUPS / 2);
  });

  it('keeps later pages consistent with the first despite writes in between', async () => {
    const { custom } = kubeClients(simulator.clusters[0].url, 'test-token');
    const first = await custom.listNamespacedCustomObject({
      ...velero,
      namespace: 'velero',
      limit: 5000,
    });
    simulator.apply('test', testBackup('zzz-added-later'));
    simulator.remove('test', {
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      namespace: 'velero',
      name: name(9999),
    });
    const second = await custom.listNamespacedCustomObject({
      ...velero,
      namespace: 'velero',
      limit: 5000,
      _continue: first.metadata.continue,
    });
    const names = second.items.map((b: any) => b.metadata.name);
    expect(names).toContain(name(9999));
    expect(names).not.toContain('zzz-added-later');
    expect(second.metadata.resourceVersion).toBe(
      first.metadata.resourceVersion,
    );
    simulator.apply('test', testBackup(name(9999)));
    simulator.remove('test', {
      apiVersion: 'velero.io/v1',
      kind: 'Backup',
      namespace: 'velero',
      name: 'zzz-added-later',
    });
  });

  it('answers a stale continue token with 410 Expired, which client-node surfaces', async () => {
    const shortLived = await startSimulator({
      tls: false,
      scenario: testScenario(
        Array.from({ length: 300 }, (_, i) => testBackup(name(i))),
      ),
      continueTokenTtlMs: 100,
    });
    const { custom } = kubeClients(shortLived.clusters[0].url, 'test-token');
    const first = await custom.listNamespacedCustomObject({
      ...velero,
      namespace: 'velero',
      limit: 100,
    });
    await new Promise(resolve => setTimeout(resolve, 200));
    const error = await rejectionOf(
      custom.listNamespacedCustomObject({
        ...velero,
        namespace: 'velero',
        limit: 100,
        _continue: first.metadata.continue,
      }),
    );
    expect(error.code).toBe(410);
    const status = statusOf(error);
    expect(status).toMatchObject({
      kind: 'Status',
      status: 'Failure',
      reason: 'Expired',
      code: 410,
    });
    expect(status.message).toMatch(
      /^The provided continue parameter is too old/,
    );
    // The inconsistent continue token in the Status resumes from the latest state.
    const resumed = await custom.listNamespacedCustomObject({
      ...velero,
      namespace: 'velero',
      limit: 100,
      _continue: status.metadata.continue,
    });
    expect(resumed.items[0].metadata.name).toBe(name(100));
    await shortLived.stop();
  });

  it('refuses a continue token that is not one with 400', async () => {
    const response = await fetch(
      `${simulator.clusters[0].url}/apis/velero.io/v1/backups?limit=10&continue=garbage`,
      {
        headers: { Authorization: 'Bearer test-token' },
      },
    );
    expect(response.status).toBe(400);
    expect((await response.json()).message).toMatch(
      /^continue key is not valid/,
    );
  });
});
