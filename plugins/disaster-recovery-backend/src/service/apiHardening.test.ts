import { mockCredentials, TestDatabases } from '@backstage/backend-test-utils';
import { ResponseError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import request from 'supertest';
import {
  CLUSTER,
  HOUR,
  INTERNAL_URL,
  MALLORY,
  PAYMENTS_BACKUPS,
  snapshotTables,
  startSeededBackend,
  VANISHED_BACKUPS,
} from '../__testUtils__/seededBackend';

jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: ['SQLITE_3'] });
const BASE = '/api/disaster-recovery';
const PAYMENTS = `${BASE}/entities/component/default/payments-api`;
const CHECKOUT = `${BASE}/entities/component/default/checkout`;

type Item = { ref: { name: string }; startedAt?: string; deletedAt?: string };

/** Every page of a list, following nextCursor. */
async function allPages(server: unknown, path: string) {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const response = await request(server as never).get(
      cursor ? `${path}${separator}cursor=${cursor}` : path,
    );
    expect(response.status).toBe(200);
    items.push(...response.body.items);
    cursor = response.body.nextCursor;
  } while (cursor);
  return items;
}

/** What no answer may carry. */
function expectNothingInternal(body: unknown) {
  const text = JSON.stringify(body);
  expect(text).not.toContain('10.20.30.40');
  expect(text).not.toMatch(/\.ts:\d+|\.js:\d+|node_modules|\/work\//);
  expect(text).not.toMatch(/"stack"|"cause"|\n\s+at /);
}

describe('the hardened API', () => {
  const nodeEnv = process.env.NODE_ENV;
  beforeAll(() => {
    process.env.NODE_ENV = 'production';
  });
  afterAll(() => {
    process.env.NODE_ENV = nodeEnv;
  });

  describe('backup history', () => {
    it('pages every backup of the entity, vanished ones included, newest first, in SQL', async () => {
      const { server } = await startSeededBackend({ databases });
      const items = await allPages(server, `${PAYMENTS}/backups?limit=7`);

      expect(items).toHaveLength(PAYMENTS_BACKUPS);
      expect(items.every(i => i.ref.name.startsWith('payments-'))).toBe(true);
      const starts = items.map(i => Date.parse(i.startedAt!));
      expect(starts).toEqual([...starts].sort((a, b) => b - a));
      expect(items.filter(i => i.deletedAt)).toHaveLength(VANISHED_BACKUPS);

      const checkout = await allPages(server, `${CHECKOUT}/backups?limit=2`);
      expect(checkout.map(i => i.ref.name)).toHaveLength(5);
    });

    it('filters by time [from, to) and phase before paging', async () => {
      const { server } = await startSeededBackend({ databases });
      const now = Date.now();
      const from = new Date(now - 10.5 * HOUR).toISOString();
      const to = new Date(now - 0.5 * HOUR).toISOString();
      const ranged = await allPages(
        server,
        `${PAYMENTS}/backups?limit=3&from=${from}&to=${to}`,
      );
      expect(ranged).toHaveLength(10);
      const partial = await allPages(
        server,
        `${PAYMENTS}/backups?phase=PartiallyFailed&limit=2`,
      );
      expect(partial).toHaveLength(PAYMENTS_BACKUPS / 10);
    });

    it('answers 400 for a from later than to, or a day that does not exist', async () => {
      const { server } = await startSeededBackend({ databases });
      const backwards = await request(server).get(
        `${PAYMENTS}/backups?from=2026-11-21T00:00:00Z&to=2026-11-20T00:00:00Z`,
      );
      expect(backwards.status).toBe(400);
      expect(backwards.body.error.message).toBe(
        'Invalid request: from: is later than to',
      );
      const february = await request(server).get(
        `${PAYMENTS}/backups?from=2026-02-30T00:00:00Z`,
      );
      expect(february.status).toBe(400);
      expect(february.body.error.message).toBe(
        'Invalid request: from: is not a valid date-time',
      );
    });

    it('checks the cursor before any work, and only for the query it was issued for', async () => {
      const reads: string[] = [];
      const { server } = await startSeededBackend({
        databases,
        catalog: {
          getEntityByRef: async ref => {
            reads.push(String(ref));
            return undefined;
          },
        },
      });
      const invalid =
        'Invalid request: cursor: is not a cursor this API issued for this query';
      for (const cursor of ['garbage', 'eyJvZmZzZXQiOjUwfQ']) {
        const response = await request(server).get(
          `${PAYMENTS}/backups?cursor=${cursor}`,
        );
        expect(response.status).toBe(400);
        expect(response.body.error.message).toBe(invalid);
      }
      // A 400 costs neither a catalog read nor a history query.
      expect(reads).toEqual([]);
    });

    it('refuses a cursor of another entity or other filters', async () => {
      const { server } = await startSeededBackend({ databases });
      const first = await request(server).get(`${PAYMENTS}/backups?limit=5`);
      const cursor = first.body.nextCursor;
      expect(cursor).toBeDefined();
      const next = await request(server).get(
        `${PAYMENTS}/backups?limit=5&cursor=${cursor}`,
      );
      expect(next.status).toBe(200);
      for (const path of [
        `${CHECKOUT}/backups?limit=5&cursor=${cursor}`,
        `${PAYMENTS}/backups?limit=5&phase=Completed&cursor=${cursor}`,
        `${BASE}/postures?cursor=${cursor}`,
        `${BASE}/overview?cursor=${cursor}`,
      ]) {
        const response = await request(server).get(path);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain('cursor: ');
      }
      // The entity ref is case-insensitive, as in the catalog.
      const upper = await request(server).get(
        `${BASE}/entities/Component/default/payments-api/backups?limit=5&cursor=${cursor}`,
      );
      expect(upper.status).toBe(200);
    });
  });

  describe('cursors', () => {
    it('do not reveal the entity refs a caller cannot read', async () => {
      const { server } = await startSeededBackend({ databases });
      // Pages end at checkout, payments-api, secret-service in turn.
      let cursor: string | undefined;
      const cursors: string[] = [];
      do {
        const response = await request(server)
          .get(`${BASE}/postures?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
          .set('Authorization', mockCredentials.user.header(MALLORY));
        expect(response.status).toBe(200);
        cursor = response.body.nextCursor;
        if (cursor) cursors.push(cursor);
        expect(JSON.stringify(response.body.items)).not.toContain(
          'secret-service',
        );
      } while (cursor);
      expect(cursors.length).toBeGreaterThan(0);
      for (const sealed of cursors) {
        const decoded = Buffer.from(sealed, 'base64url').toString('latin1');
        expect(decoded).not.toContain('component:default');
      }
    });

    it('page the overview with a sealed offset bound to its filters', async () => {
      const { server } = await startSeededBackend({ databases });
      const page1 = await request(server).get(
        `${BASE}/overview?sort=name&limit=2`,
      );
      const page2 = await request(server).get(
        `${BASE}/overview?sort=name&limit=2&cursor=${page1.body.nextCursor}`,
      );
      expect(page2.body.items.map((i: { name: string }) => i.name)).toEqual([
        'secret-service',
      ]);
      const other = await request(server).get(
        `${BASE}/overview?sort=status&limit=2&cursor=${page1.body.nextCursor}`,
      );
      expect(other.status).toBe(400);
    });
  });

  describe('error hygiene (NODE_ENV=production)', () => {
    it('answers a failing catalog with 503 and a log id, never its URL, body or stack', async () => {
      const upstream = new Response(
        JSON.stringify({
          error: {
            name: 'Error',
            message: `connect ECONNREFUSED ${INTERNAL_URL}`,
            stack: 'Error: at /work/main/node_modules/pg/lib/client.js:1:1',
          },
          request: { method: 'POST', url: `${INTERNAL_URL}/entities/by-refs` },
          response: { statusCode: 500 },
        }),
        { status: 500, statusText: 'Internal Server Error' },
      );
      const catalogError = await ResponseError.fromResponse(upstream as never);
      const { server } = await startSeededBackend({
        databases,
        catalog: {
          getEntityByRef: async () => {
            throw catalogError;
          },
        },
      });
      const response = await request(server).get(`${PAYMENTS}/posture`);
      expect(response.status).toBe(503);
      expect(response.body.error.name).toBe('ServiceUnavailableError');
      expect(response.body.error.message).toMatch(/logId=[0-9a-f]{16}/);
      expectNothingInternal(response.body);
      expect(response.headers['cache-control']).toBe('no-store');
    });

    it('answers a bug with 500 and a log id only', async () => {
      const { server } = await startSeededBackend({
        databases,
        catalog: {
          getEntityByRef: async () => {
            throw new TypeError(
              `Cannot read properties of undefined (reading 'x') at ${INTERNAL_URL}`,
            );
          },
        },
      });
      const response = await request(server).get(`${PAYMENTS}/drills`);
      expect(response.status).toBe(500);
      expect(response.body).toEqual({
        error: {
          name: 'Error',
          message: expect.stringMatching(
            /^An internal error occurred; the backend log has the detail \(logId=[0-9a-f]{16}\)$/,
          ),
        },
        request: {
          method: 'GET',
          url: '/entities/component/default/payments-api/drills',
        },
        response: { statusCode: 500 },
      });
    });

    it('never echoes a request body, and names the body as the bad field', async () => {
      const { server, knex } = await startSeededBackend({ databases });
      const before = await snapshotTables(knex);
      const secret = '{"kind":"restore-test","notes":"password=hunter2"';
      const response = await request(server)
        .post(`${PAYMENTS}/drills`)
        .set('Content-Type', 'application/json')
        .send(secret);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toBe(
        'Invalid request: (body): is not valid JSON',
      );
      expect(JSON.stringify(response.body)).not.toContain('hunter2');
      const tooBig = await request(server)
        .post(`${PAYMENTS}/drills`)
        .send({ notes: 'x'.repeat(200_000) });
      expect(tooBig.status).toBe(400);
      expect(tooBig.body.error.message).toBe(
        'Invalid request: (body): is larger than 100 kB',
      );
      expect(await snapshotTables(knex)).toEqual(before);
    });

    it('types every body field: entityRefs of 5, {}, true or a string is a 400 naming it, and stores nothing', async () => {
      const { server, knex } = await startSeededBackend({ databases });
      const before = await snapshotTables(knex);
      for (const entityRefs of [5, {}, true, 'component:default/checkout']) {
        const response = await request(server).post(`${PAYMENTS}/drills`).send({
          kind: 'restore-test',
          entityRefs,
          startedAt: '2026-11-20T10:00:00Z',
          endedAt: '2026-11-20T10:40:00Z',
          outcome: 'succeeded',
          evidence: {},
        });
        expect(response.status).toBe(400);
        expect(response.body.error.message).toContain(
          'entityRefs: must be array',
        );
      }
      expect(await snapshotTables(knex)).toEqual(before);
    });

    it('answers 400 naming the path part that holds a ref separator (found by the fuzz suite: a 500)', async () => {
      const { server } = await startSeededBackend({ databases });
      for (const [path, field] of [
        [`${BASE}/entities/component/%2F/payments-api/posture`, 'namespace'],
        [`${BASE}/entities/a:b/default/payments-api/drills`, 'kind'],
        [`${BASE}/systems/default/x%00y/posture`, 'name'],
      ]) {
        const response = await request(server).get(path);
        expect(response.status).toBe(400);
        expect(response.body.error.message).toMatch(
          new RegExp(`^Invalid request: ${field}: must match pattern`),
        );
      }
    });

    it('marks every answer no-store, errors included', async () => {
      const { server } = await startSeededBackend({ databases });
      for (const path of [
        `${PAYMENTS}/posture`,
        `${PAYMENTS}/backups?limit=0`,
        `${BASE}/entities/component/default/nope/posture`,
        `${BASE}/overview`,
        `${BASE}/health`,
      ]) {
        const response = await request(server).get(path);
        expect(response.headers['cache-control']).toBe('no-store');
      }
    });
  });

  describe('collection health', () => {
    it('needs disaster-recovery.clusters.read; without it a 403 says where staleness shows', async () => {
      const { server } = await startSeededBackend({
        databases,
        permission: AuthorizeResult.DENY,
      });
      const response = await request(server).get(`${BASE}/clusters`);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toContain(
        'disaster-recovery.clusters.read',
      );
      expectNothingInternal(response.body);
    });

    it('gives admins the classified reason and the detail', async () => {
      const { server } = await startSeededBackend({ databases });
      const response = await request(server).get(`${BASE}/clusters`);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([
        expect.objectContaining({
          name: CLUSTER,
          configured: true,
          lastError: 'token rejected (401)',
          lastErrorDetail: expect.stringContaining(INTERNAL_URL),
          lastRun: expect.objectContaining({
            error: 'token rejected (401)',
            errorDetail: expect.stringContaining(INTERNAL_URL),
          }),
        }),
      ]);
    });

    it('shows every reader of an entity how old its data is and why, never the detail', async () => {
      const { server } = await startSeededBackend({
        databases,
        permission: AuthorizeResult.DENY,
      });
      const response = await request(server).get(`${PAYMENTS}/posture`);
      expect(response.status).toBe(200);
      expect(response.body.staleClusters).toEqual([
        {
          name: CLUSTER,
          staleSince: expect.any(String),
          lastSuccessAt: expect.any(String),
          lastError: 'token rejected (401)',
        },
      ]);
      const age =
        Date.now() - Date.parse(response.body.staleClusters[0].lastSuccessAt);
      expect(Math.round(age / HOUR)).toBe(2);
      expectNothingInternal(response.body);
    });
  });
});
