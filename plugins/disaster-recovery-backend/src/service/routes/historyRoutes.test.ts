import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  BASE,
  MALLORY,
  PAYMENTS,
  SECRET,
  startBackend,
} from '../../__testUtils__/apiBackend';
import { completeDrill } from '../../__testUtils__/drills';

jest.setTimeout(30_000);

const asMallory = mockCredentials.user.header(MALLORY);
const today = () => new Date().toISOString().slice(0, 10);

describe('the posture history API', () => {
  it('answers an entity its changes newest first, one page at a time, with the posture route visibility', async () => {
    const server = await startBackend({ evaluated: false });
    const notYet = await request(server).get(`${PAYMENTS}/posture-history`);
    expect(notYet.status).toBe(404);
    expect(notYet.body.error.name).toBe('NotEvaluatedError');

    await server.evaluate();
    const first = await request(server)
      .get(`${PAYMENTS}/posture-history`)
      .expect(200);
    expect(first.body.items).toHaveLength(1);
    const [item] = first.body.items;
    expect(item.previousStatus).toBeUndefined();
    expect(item.tier).toBe('1');
    // Nothing collected: never within the RPO.
    expect(item.rpoStanding).not.toBe('within');
    expect(item.checks.length).toBeGreaterThan(1);
    expect(Date.parse(item.at)).toBeLessThanOrEqual(Date.now());

    // A drill changes the drill checks: a second item, newest first.
    await request(server)
      .post(`${PAYMENTS}/drills`)
      .send(completeDrill())
      .expect(201);
    const page1 = await request(server)
      .get(`${PAYMENTS}/posture-history?limit=1`)
      .expect(200);
    expect(page1.body.items).toHaveLength(1);
    expect(page1.body.items[0].previousStatus).toBeDefined();
    const page2 = await request(server)
      .get(`${PAYMENTS}/posture-history`)
      .query({ limit: 1, cursor: page1.body.nextCursor })
      .expect(200);
    expect(page2.body.items).toEqual(first.body.items);
    expect(page2.body.nextCursor).toBeUndefined();

    // A cursor opens only for the query it was issued for.
    const other = await request(server)
      .get(`${BASE}/entities/component/default/ledger-db/posture-history`)
      .query({ cursor: page1.body.nextCursor });
    expect(other.status).toBe(400);

    const hidden = await request(server)
      .get(`${SECRET}/posture-history`)
      .set('Authorization', asMallory);
    expect(hidden.status).toBe(404);
    expect(hidden.body.error.name).toBe('NotFoundError');
    server.close();
  });

  it('answers the estate per day and tier, counting only what the caller may read', async () => {
    const server = await startBackend();
    const all = await request(server).get(`${BASE}/history`).expect(200);
    expect(all.body.to).toBe(today());
    expect(all.body.days).toHaveLength(30);
    const last = all.body.days[29];
    expect(last.date).toBe(today());
    // payments-api (1), secret-service (2), ledger-db (3); nothing
    // collected, so none within its RPO.
    expect(Object.keys(last.tiers).sort()).toEqual(['1', '2', '3']);
    for (const tally of Object.values(last.tiers) as Array<
      Record<string, number>
    >) {
      expect(tally).toMatchObject({
        entities: 1,
        withinRpo: 0,
        withinRpoShare: 0,
      });
      expect(tally.breached + tally.unknown).toBe(1);
    }
    // Days before the first evaluation have no entities.
    expect(all.body.days[0].tiers).toEqual({});

    const mallory = await request(server)
      .get(`${BASE}/history`)
      .set('Authorization', asMallory)
      .expect(200);
    expect(Object.keys(mallory.body.days[29].tiers).sort()).toEqual(['1', '3']);

    const tier1 = await request(server)
      .get(`${BASE}/history`)
      .query({ tier: '1', from: today(), to: '2999-01-01' })
      .expect(200);
    expect(tier1.body).toMatchObject({ from: today(), to: today() });
    expect(Object.keys(tier1.body.days[0].tiers)).toEqual(['1']);
    server.close();
  });

  it.each([
    [{ from: '2026-02-30' }, 'from: is not a valid date'],
    [{ from: '2026-12-10', to: '2026-12-01' }, 'from: is later than to'],
    [{ from: '2024-01-01', to: '2026-01-01' }, 'more than 400 days'],
  ])('answers 400 for %j', async (query, message) => {
    const server = await startBackend({ evaluated: false });
    const response = await request(server).get(`${BASE}/history`).query(query);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain(message);
    server.close();
  });
});
