import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  BASE,
  expectFieldsNamed,
  MALLORY,
  PAYMENTS,
  SECRET,
  startBackend,
} from '../__testUtils__/apiBackend';

jest.setTimeout(30_000);

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
      expect(badCursor.body.error.message).toBe(
        'Invalid request: cursor: is not a cursor this API issued for this query',
      );
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
