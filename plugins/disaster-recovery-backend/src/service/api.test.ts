import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import {
  stringifyEntityRef,
  type CompoundEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import request from 'supertest';
import { disasterRecoveryPlugin } from '../plugin';

jest.setTimeout(30_000);

const MALLORY = 'user:default/mallory';

function component(
  name: string,
  annotations: Record<string, string>,
  spec: Record<string, unknown> = {},
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: { name, namespace: 'default', annotations },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/team-a',
      ...spec,
    },
    relations: [
      { type: 'ownedBy', targetRef: 'group:default/team-a' },
      { type: 'partOf', targetRef: 'system:default/commerce' },
      ...((spec.dependsOn as string[] | undefined) ?? []).map(targetRef => ({
        type: 'dependsOn',
        targetRef,
      })),
    ],
  };
}

const commerce: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'commerce', namespace: 'default' },
  spec: { owner: 'group:default/team-a' },
};

const entities = [
  commerce,
  component(
    'payments-api',
    {
      'disaster-recovery/tier': '1',
      'backstage.io/kubernetes-id': 'payments-api',
    },
    { dependsOn: ['component:default/ledger-db'] },
  ),
  component('ledger-db', { 'disaster-recovery/tier': '3' }),
  component('secret-service', { 'disaster-recovery/tier': '2' }),
  // Neither a tier nor a Kubernetes mapping: no posture is ever worked out.
  component('docs-site', {}),
];

const credentialsOf = (options: unknown) =>
  (options as { credentials?: unknown } | undefined)?.credentials;

/** A catalog where mallory may not read secret-service. */
function catalogWithHiddenEntity() {
  const catalog = catalogServiceMock({ entities });
  const hidden = (credentials: unknown, ref: string) =>
    ref === 'component:default/secret-service' &&
    (credentials as { principal?: { userEntityRef?: string } })?.principal
      ?.userEntityRef === MALLORY;
  return catalogServiceMock.mock({
    getEntityByRef: async (ref: string | CompoundEntityRef, options) => {
      const refString = typeof ref === 'string' ? ref : stringifyEntityRef(ref);
      return hidden(credentialsOf(options), refString)
        ? undefined
        : catalog.getEntityByRef(refString, options);
    },
    getEntitiesByRefs: async (req, options) => {
      const result = await catalog.getEntitiesByRefs(req, options);
      return {
        items: result.items.map((item, i) =>
          hidden(credentialsOf(options), req.entityRefs[i]) ? undefined : item,
        ),
      };
    },
    streamEntities: (req, options) => catalog.streamEntities(req, options),
  });
}

/**
 * A backend whose scheduled tasks never run by themselves: `evaluate` runs
 * the posture evaluation as its schedule would.
 */
async function startBackend(
  options: {
    permission?: AuthorizeResult.ALLOW | AuthorizeResult.DENY;
    evaluated?: boolean;
  } = {},
) {
  const tasks = new Map<string, () => Promise<void>>();
  const scheduler = mockServices.scheduler.mock({
    scheduleTask: async task => {
      tasks.set(task.id, async () => {
        await task.fn(new AbortController().signal);
      });
    },
  });
  const { server } = await startTestBackend({
    features: [
      disasterRecoveryPlugin,
      catalogWithHiddenEntity().factory,
      scheduler.factory,
      mockServices.permissions.factory({
        result: options.permission ?? AuthorizeResult.ALLOW,
      }),
    ],
  });
  const evaluate = async () => {
    const task = tasks.get('evaluate-posture');
    if (!task) throw new Error('The plugin scheduled no posture evaluation');
    await task();
  };
  if (options.evaluated ?? true) await evaluate();
  return Object.assign(server, { evaluate });
}

/** Each field must be named in the message of a 400. */
function expectFieldsNamed(message: string, fields: string[]) {
  for (const field of fields) expect(message).toContain(field);
}

const BASE = '/api/disaster-recovery';
const PAYMENTS = `${BASE}/entities/component/default/payments-api`;
const SECRET = `${BASE}/entities/component/default/secret-service`;

const validDrill = {
  kind: 'restore-test',
  entityRefs: [],
  startedAt: '2026-11-20T10:00:00Z',
  endedAt: '2026-11-20T10:40:00Z',
  outcome: 'succeeded',
  achievedRtoMs: 40 * 60_000,
  evidence: {
    backup: {
      name: 'payments-hourly-20261120',
      createdAt: '2026-11-20T09:00:00Z',
    },
    manualStepsNotInRunbook: [],
  },
};

describe('the REST API', () => {
  describe('entity posture', () => {
    it('answers 200 with the evaluated posture', async () => {
      const server = await startBackend();
      const response = await request(server).get(`${PAYMENTS}/posture`);

      expect(response.status).toBe(200);
      expect(response.body.summary).toMatchObject({
        entityRef: 'component:default/payments-api',
        tier: '1',
        owner: 'group:default/team-a',
        system: 'system:default/commerce',
        rpoMs: 15 * 60_000,
      });
      // Nothing collected: nothing may pass as healthy.
      expect(response.body.posture.status).not.toBe('pass');
      expect(response.body.posture.checks.length).toBeGreaterThan(0);
      expect(response.body.backupHistory).toHaveLength(30);
    });

    it('answers 404 for an unknown entity and for one the caller may not read', async () => {
      const server = await startBackend();
      expect(
        (
          await request(server).get(
            `${BASE}/entities/component/default/nope/posture`,
          )
        ).status,
      ).toBe(404);
      const hidden = await request(server)
        .get(`${SECRET}/posture`)
        .set('Authorization', mockCredentials.user.header(MALLORY));
      expect(hidden.status).toBe(404);
      expect(hidden.body.error.name).toBe('NotFoundError');
    });

    it('never evaluates on a read: a mapped entity not evaluated yet is NotEvaluatedError, and a GET stores nothing', async () => {
      const server = await startBackend({ evaluated: false });
      for (const path of [
        `${PAYMENTS}/posture`,
        `${PAYMENTS}/backups`,
        `${PAYMENTS}/drills`,
      ]) {
        const response = await request(server).get(path);
        expect(response.status).toBe(404);
        expect(response.body.error.name).toBe('NotEvaluatedError');
      }
      const overview = await request(server).get(`${BASE}/overview`);
      expect(overview.body.totalItems).toBe(0);
      expect(
        (await request(server).get(`${BASE}/postures`)).body.items,
      ).toEqual([]);

      await server.evaluate();
      expect((await request(server).get(`${PAYMENTS}/posture`)).status).toBe(
        200,
      );
    });

    it('answers NotFoundError for an entity without a disaster-recovery mapping', async () => {
      const server = await startBackend();
      const response = await request(server).get(
        `${BASE}/entities/component/default/docs-site/posture`,
      );
      expect(response.status).toBe(404);
      expect(response.body.error.name).toBe('NotFoundError');
      expect(response.body.error.message).toContain(
        'no disaster-recovery mapping',
      );
    });

    it('answers 401 without valid credentials', async () => {
      const server = await startBackend();
      for (const path of [
        `${PAYMENTS}/posture`,
        `${PAYMENTS}/backups`,
        `${PAYMENTS}/drills`,
        `${BASE}/overview`,
        `${BASE}/restore-plan`,
      ]) {
        const response = await request(server)
          .get(path)
          .set('Authorization', 'Bearer not-a-token');
        expect(response.status).toBe(401);
      }
    });
  });

  it('serves the spec it validates against', async () => {
    const server = await startBackend({ evaluated: false });
    const response = await request(server).get(`${BASE}/openapi.json`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toContain(
      '/api/disaster-recovery/entities/{kind}/{namespace}/{name}/posture',
    );
  });

  describe('backup history', () => {
    it('answers 200 with a page and 400 for bad queries', async () => {
      const server = await startBackend();
      const ok = await request(server).get(
        `${PAYMENTS}/backups?limit=10&phase=Completed`,
      );
      expect(ok.status).toBe(200);
      expect(ok.body).toEqual({ items: [] });

      const bad = await request(server).get(
        `${PAYMENTS}/backups?limit=0&from=yesterday`,
      );
      expect(bad.status).toBe(400);
      expectFieldsNamed(bad.body.error.message, ['limit: ', 'from: ']);
      const unknownParameter = await request(server).get(
        `${PAYMENTS}/backups?colour=red`,
      );
      expect(unknownParameter.status).toBe(400);
      expect(unknownParameter.body.error.message).toContain('colour');
      expect(
        (await request(server).get(`${PAYMENTS}/backups?cursor=garbage`))
          .status,
      ).toBe(400);
      expect(
        (
          await request(server).get(
            `${BASE}/entities/component/default/nope/backups`,
          )
        ).status,
      ).toBe(404);
    });
  });

  describe('drills', () => {
    it('records a drill (201), lists it, and counts a manual step as a failure', async () => {
      const server = await startBackend();
      const created = await request(server)
        .post(`${PAYMENTS}/drills`)
        .send({
          ...validDrill,
          evidence: {
            ...validDrill.evidence,
            manualStepsNotInRunbook: ['re-created the database secret by hand'],
          },
        });

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRefs: ['component:default/payments-api'],
        recordedBy: 'user:default/mock',
        outcome: 'succeeded',
        effectiveOutcome: { outcome: 'failed' },
      });

      const listed = await request(server).get(`${PAYMENTS}/drills`);
      expect(listed.status).toBe(200);
      expect(listed.body.items.map((d: { id: string }) => d.id)).toEqual([
        created.body.id,
      ]);
    });

    it('answers 400 naming each bad field', async () => {
      const server = await startBackend();
      const response = await request(server)
        .post(`${PAYMENTS}/drills`)
        .send({ ...validDrill, kind: 'picnic', startedAt: 'last tuesday' });

      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toMatch(/^Invalid request: /);
      expectFieldsNamed(response.body.error.message, [
        'kind: must be equal to one of the allowed values: restore-test, dr-drill',
        'startedAt: must match format "date-time"',
      ]);

      const nested = await request(server)
        .post(`${PAYMENTS}/drills`)
        .send({
          ...validDrill,
          achievedRtoMs: -1,
          evidence: { backup: { name: '' }, surprise: true },
        });
      expect(nested.status).toBe(400);
      expectFieldsNamed(nested.body.error.message, [
        'achievedRtoMs: must be >= 0',
        'evidence.backup.name: ',
        'evidence.backup.createdAt: is required',
        'evidence.surprise: is not a known field',
      ]);
    });

    it('answers 400 for what the spec cannot say: an end before the start, a field it does not list', async () => {
      const server = await startBackend();
      const backwards = await request(server)
        .post(`${PAYMENTS}/drills`)
        .send({ ...validDrill, endedAt: '2026-11-20T09:00:00Z' });
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toContain(
        'endedAt: endedAt is before startedAt',
      );

      const spoofed = await request(server)
        .post(`${PAYMENTS}/drills`)
        .send({ ...validDrill, recordedBy: 'user:default/someone-else' });
      expect(spoofed.status).toBe(400);
      expect(spoofed.body.error.message).toContain('recordedBy');
    });

    it('answers 403 without the drill-create permission', async () => {
      const server = await startBackend({ permission: AuthorizeResult.DENY });
      const response = await request(server)
        .post(`${PAYMENTS}/drills`)
        .send(validDrill);

      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'disaster-recovery.drill.create',
      );
    });

    it('refuses reading or recording drills of an entity the caller may not read', async () => {
      const server = await startBackend();
      const auth = mockCredentials.user.header(MALLORY);
      expect(
        (
          await request(server)
            .get(`${SECRET}/drills`)
            .set('Authorization', auth)
        ).status,
      ).toBe(404);
      expect(
        (
          await request(server)
            .post(`${SECRET}/drills`)
            .set('Authorization', auth)
            .send(validDrill)
        ).status,
      ).toBe(404);
    });
  });

  describe('overview', () => {
    it('lists, filters, sorts and pages the visible entities', async () => {
      const server = await startBackend();
      const all = await request(server).get(`${BASE}/overview?sort=name`);
      expect(all.status).toBe(200);
      expect(all.body.totalItems).toBe(3);
      expect(all.body.items.map((i: { name: string }) => i.name)).toEqual([
        'ledger-db',
        'payments-api',
        'secret-service',
      ]);

      const page1 = await request(server).get(
        `${BASE}/overview?sort=name&limit=2`,
      );
      expect(page1.body.items).toHaveLength(2);
      const page2 = await request(server).get(
        `${BASE}/overview?sort=name&limit=2&cursor=${page1.body.nextCursor}`,
      );
      expect(page2.body.items.map((i: { name: string }) => i.name)).toEqual([
        'secret-service',
      ]);
      expect(page2.body.nextCursor).toBeUndefined();

      const tiers = await request(server).get(
        `${BASE}/overview?tier=1&tier=3&sort=name&order=desc`,
      );
      expect(tiers.body.items.map((i: { name: string }) => i.name)).toEqual([
        'payments-api',
        'ledger-db',
      ]);
      expect(Object.keys(tiers.body.summary).sort()).toEqual(['1', '3']);

      const search = await request(server).get(`${BASE}/overview?q=LEDGER`);
      expect(search.body.items.map((i: { name: string }) => i.name)).toEqual([
        'ledger-db',
      ]);
    });

    it('leaves out entities the caller may not read', async () => {
      const server = await startBackend();
      const response = await request(server)
        .get(`${BASE}/overview`)
        .set('Authorization', mockCredentials.user.header(MALLORY));
      expect(
        response.body.items.map((i: { name: string }) => i.name),
      ).not.toContain('secret-service');
      expect(response.body.totalItems).toBe(2);
    });

    it('lists full postures in pages for bulk readers', async () => {
      const server = await startBackend();
      const refsOf = (body: {
        items: Array<{ summary: { entityRef: string } }>;
      }) => body.items.map(i => i.summary.entityRef);

      const page1 = await request(server).get(`${BASE}/postures?limit=2`);
      expect(page1.status).toBe(200);
      expect(refsOf(page1.body)).toEqual([
        'component:default/ledger-db',
        'component:default/payments-api',
      ]);
      expect(page1.body.items[0].posture.checks.length).toBeGreaterThan(0);
      const page2 = await request(server).get(
        `${BASE}/postures?limit=2&cursor=${page1.body.nextCursor}`,
      );
      expect(refsOf(page2.body)).toEqual(['component:default/secret-service']);
      expect(page2.body.nextCursor).toBeUndefined();

      const asMallory = await request(server)
        .get(`${BASE}/postures`)
        .set('Authorization', mockCredentials.user.header(MALLORY));
      expect(refsOf(asMallory.body)).toEqual([
        'component:default/ledger-db',
        'component:default/payments-api',
      ]);

      const bad = await request(server).get(
        `${BASE}/postures?limit=101&cursor=nonsense`,
      );
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('limit: must be <= 100');
      const badCursor = await request(server).get(
        `${BASE}/postures?cursor=nonsense`,
      );
      expect(badCursor.status).toBe(400);
      expect(badCursor.body.error.message).toBe("Invalid cursor 'nonsense'");
    });

    it('answers 400 for bad filters', async () => {
      const server = await startBackend();
      const response = await request(server).get(
        `${BASE}/overview?status=bogus&limit=9999`,
      );
      expect(response.status).toBe(400);
      expectFieldsNamed(response.body.error.message, ['status.0: ', 'limit: ']);
    });

    it('judges a system by its worst visible component', async () => {
      const server = await startBackend();
      const response = await request(server).get(
        `${BASE}/systems/default/commerce/posture`,
      );
      expect(response.status).toBe(200);
      expect(response.body.entityRef).toBe('system:default/commerce');
      expect(response.body.components).toHaveLength(3);
      expect(response.body.status).toBe('fail');

      const asMallory = await request(server)
        .get(`${BASE}/systems/default/commerce/posture`)
        .set('Authorization', mockCredentials.user.header(MALLORY));
      expect(asMallory.body.components).toHaveLength(2);
      expect(
        (await request(server).get(`${BASE}/systems/default/nope/posture`))
          .status,
      ).toBe(404);
    });

    it('plans restores by tier and dependency, for the estate and a system', async () => {
      const server = await startBackend();
      const plan = await request(server).get(`${BASE}/restore-plan`);
      expect(plan.status).toBe(200);
      const order = plan.body.steps.map(
        (s: { entityRef: string }) => s.entityRef,
      );
      // ledger-db is tier 3 but payments-api (tier 1) depends on it.
      expect(order.indexOf('component:default/ledger-db')).toBeLessThan(
        order.indexOf('component:default/payments-api'),
      );

      const system = await request(server).get(
        `${BASE}/restore-plan?system=system:default/commerce`,
      );
      expect(system.body.system).toBe('system:default/commerce');
      expect(system.body.steps).toHaveLength(3);
      expect(
        (await request(server).get(`${BASE}/restore-plan?colour=red`)).status,
      ).toBe(400);
    });
  });
});
