import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import mcpActionsPlugin from '@backstage/plugin-mcp-actions-backend';
import type { Server } from 'node:http';
import request from 'supertest';
import { BASE, entities, MALLORY } from '../__testUtils__/apiBackend';
import { catalogHidingFromMallory } from '../__testUtils__/catalogHiding';
import { disasterRecoveryPlugin } from '../plugin';

jest.setTimeout(30_000);

const HIDDEN = 'component:default/secret-service';
const TOOLS = [
  'disaster-recovery.get-entity-posture',
  'disaster-recovery.list-findings',
  'disaster-recovery.get-restore-plan',
];

/**
 * The plugin beside the real MCP actions backend, exposing this plugin's
 * actions as its config says; mallory may not read secret-service. The
 * posture is evaluated as its schedule would, unless `evaluated` is false.
 */
async function startMcpBackend(
  options: { evaluated?: boolean; catalog?: Partial<CatalogService> } = {},
): Promise<Server> {
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
      mcpActionsPlugin,
      catalogHidingFromMallory(entities, HIDDEN, options.catalog).factory,
      scheduler.factory,
      mockServices.rootConfig.factory({
        data: {
          backend: { actions: { pluginSources: ['disaster-recovery'] } },
        },
      }),
    ],
  });
  if (options.evaluated ?? true) await tasks.get('evaluate-posture')!();
  return server;
}

interface RpcAnswer {
  /** The HTTP status of the JSON-RPC exchange. */
  status: number;
  /** The whole answer as sent, to search for what it must not say. */
  text: string;
  result?: any;
  error?: { code: number; message: string };
}

/** One stateless JSON-RPC exchange with the MCP endpoint, as `user`. */
async function rpc(
  server: Server,
  method: string,
  params: object,
  user?: string,
): Promise<RpcAnswer> {
  const call = request(server)
    .post('/api/mcp-actions/v1')
    .set('Accept', 'application/json, text/event-stream')
    .send({ jsonrpc: '2.0', id: 1, method, params })
    .buffer(true)
    .parse((res, done) => {
      let text = '';
      res.on('data', chunk => {
        text += chunk;
      });
      res.on('end', () => done(null, text));
    });
  if (user) call.set('Authorization', mockCredentials.user.header(user));
  const response = await call;
  const text: string = response.body;
  // Streamable HTTP answers as server-sent events: `data: <message>`.
  const data = text
    .split('\n')
    .find(line => line.startsWith('data: '))
    ?.slice('data: '.length);
  const message = data ? JSON.parse(data) : {};
  return { status: response.status, text, ...message };
}

const callTool = (server: Server, name: string, args: object, user?: string) =>
  rpc(
    server,
    'tools/call',
    { name: `disaster-recovery.${name}`, arguments: args },
    user,
  );

/** The structured output of a tool call that must have succeeded. */
async function output(
  server: Server,
  name: string,
  args: object,
  user?: string,
) {
  const answer = await callTool(server, name, args, user);
  expect(answer.error).toBeUndefined();
  expect(answer.result.isError).toBeFalsy();
  return answer.result.structuredContent;
}

/** The text of a tool call that must have failed as a tool error. */
async function toolError(
  server: Server,
  name: string,
  args: object,
  user?: string,
): Promise<string> {
  const answer = await callTool(server, name, args, user);
  expect(answer.status).toBe(200);
  expect(answer.result?.isError).toBe(true);
  return answer.result.content[0].text;
}

async function rest(server: Server, path: string, user?: string) {
  const call = request(server).get(`${BASE}${path}`);
  if (user) call.set('Authorization', mockCredentials.user.header(user));
  const response = await call;
  expect(response.status).toBe(200);
  return response.body;
}

describe('the MCP actions', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startMcpBackend();
  });

  it('lists the three read-only actions with input schemas', async () => {
    const { result } = await rpc(server, 'tools/list', {});
    const tools = result.tools.filter((tool: { name: string }) =>
      tool.name.startsWith('disaster-recovery.'),
    );

    expect(tools.map((tool: { name: string }) => tool.name).sort()).toEqual(
      [...TOOLS].sort(),
    );
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({
        readOnlyHint: true,
        destructiveHint: false,
        idempotentHint: true,
      });
      expect(tool.description.length).toBeGreaterThan(100);
      expect(tool.inputSchema.type).toBe('object');
    }
    const posture = tools.find((tool: { name: string }) =>
      tool.name.endsWith('get-entity-posture'),
    );
    expect(posture.inputSchema.required).toEqual(['entityRef']);
  });

  describe('get-entity-posture', () => {
    it('answers the stored posture: status, tier, objectives and every check that did not pass, with its sentence', async () => {
      const digest = await output(server, 'get-entity-posture', {
        entityRef: 'component:default/payments-api',
      });
      const detail = await rest(
        server,
        '/entities/component/default/payments-api/posture',
      );

      expect(digest).toMatchObject({
        entityRef: 'component:default/payments-api',
        status: detail.posture.status,
        tier: '1',
        rpoMs: 15 * 60_000,
        rpo: '15 min',
        rtoMs: 2 * 3_600_000,
        rto: '2 h',
        owner: 'group:default/team-a',
        system: 'system:default/commerce',
        evaluatedAt: detail.summary.evaluatedAt,
      });
      // Nothing collected: nothing may pass as healthy.
      expect(digest.status).not.toBe('pass');
      const notPassed = detail.posture.checks.filter(
        (check: { status: string }) => check.status !== 'pass',
      );
      expect(notPassed.length).toBeGreaterThan(0);
      expect(
        [...digest.findings].sort((a, b) => a.id.localeCompare(b.id)),
      ).toEqual(
        notPassed
          .map(({ id, title, status, summary }: Record<string, string>) => ({
            id,
            title,
            status,
            summary,
          }))
          .sort((a: { id: string }, b: { id: string }) =>
            a.id.localeCompare(b.id),
          ),
      );
      const order = ['fail', 'warn', 'unknown'];
      const ranks = digest.findings.map((f: { status: string }) =>
        order.indexOf(f.status),
      );
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(
        Object.values(digest.checkCounts).reduce(
          (sum: number, n) => sum + (n as number),
          0,
        ),
      ).toBe(detail.posture.checks.length);
    });

    it('reads a short ref with the default kind and namespace', async () => {
      const digest = await output(server, 'get-entity-posture', {
        entityRef: 'Ledger-DB',
      });
      expect(digest.entityRef).toBe('component:default/ledger-db');
      expect(digest.tier).toBe('3');
    });

    it('says which policy values could not be worked out, and why', async () => {
      const digest = await output(server, 'get-entity-posture', {
        entityRef: 'component:default/payments-api',
      });
      expect(digest.pattern).toBeUndefined();
      expect(digest.unresolvedPolicy).toEqual([
        {
          field: 'pattern',
          problem: 'missing',
          reason: 'No disaster-recovery/pattern annotation declares one.',
        },
        {
          field: 'runbookUrl',
          problem: 'missing',
          reason: 'No disaster-recovery/runbook annotation links a runbook.',
        },
      ]);
    });

    it('answers NotFoundError for an entity without a mapping, and for one that does not exist', async () => {
      expect(
        await toolError(server, 'get-entity-posture', {
          entityRef: 'component:default/docs-site',
        }),
      ).toMatch(/^NotFoundError: .*no disaster-recovery mapping/);
      expect(
        await toolError(server, 'get-entity-posture', {
          entityRef: 'component:default/nope',
        }),
      ).toBe('NotFoundError: No entity component:default/nope in the catalog');
    });
  });

  describe('list-findings', () => {
    it.each([
      [{}, ''],
      [{ status: ['fail', 'unknown'] }, '?status=fail&status=unknown'],
      [{ tier: ['1', 'none'] }, '?tier=1&tier=none'],
      [{ owner: ['group:default/team-b'] }, '?owner=group:default/team-b'],
      [
        { sort: 'status', order: 'desc', limit: 2 },
        '?sort=status&order=desc&limit=2',
      ],
    ])('answers what GET /overview answers for %j', async (args, query) => {
      const page = await output(server, 'list-findings', args);
      const overview = await rest(server, `/overview${query}`);
      // Cursors are sealed afresh for every answer.
      expect({ ...page, nextCursor: !!page.nextCursor }).toEqual({
        ...overview,
        nextCursor: !!overview.nextCursor,
      });
    });

    it('filters by owner and system given as short refs', async () => {
      const page = await output(server, 'list-findings', {
        owner: ['Team-B'],
        system: ['commerce'],
      });
      expect(
        page.items.map((item: { entityRef: string }) => item.entityRef),
      ).toEqual(['component:default/ledger-db']);
    });

    it('pages with the cursor it answers', async () => {
      const first = await output(server, 'list-findings', { limit: 2 });
      const second = await output(server, 'list-findings', {
        limit: 2,
        cursor: first.nextCursor,
      });
      const all = await output(server, 'list-findings', {});
      expect(
        [...first.items, ...second.items].map(
          (item: { entityRef: string }) => item.entityRef,
        ),
      ).toEqual(all.items.map((item: { entityRef: string }) => item.entityRef));
      expect(
        await toolError(server, 'list-findings', {
          limit: 2,
          status: ['fail'],
          cursor: first.nextCursor,
        }),
      ).toMatch(/^InputError: .*cursor/);
    });
  });

  describe('get-restore-plan', () => {
    it.each([
      [{}, ''],
      [
        { system: 'system:default/commerce' },
        '?system=system:default/commerce',
      ],
      [{ system: 'Commerce' }, '?system=system:default/commerce'],
    ])('answers what GET /restore-plan answers for %j', async (args, query) => {
      const plan = await output(server, 'get-restore-plan', args);
      expect(plan).toEqual(await rest(server, `/restore-plan${query}`));
      expect(plan.steps.length).toBeGreaterThan(0);
    });
  });

  describe('a caller who may not read an entity', () => {
    it('is told of it exactly what is told of an entity that does not exist', async () => {
      expect(
        await toolError(
          server,
          'get-entity-posture',
          { entityRef: HIDDEN },
          MALLORY,
        ),
      ).toBe(`NotFoundError: No entity ${HIDDEN} in the catalog`);
    });

    it.each([
      ['list-findings', {}],
      ['list-findings', { tier: ['2'] }],
      ['get-restore-plan', {}],
      ['get-restore-plan', { system: 'system:default/commerce' }],
    ])('finds no trace of it in %s %j', async (tool, args) => {
      const answer = await callTool(server, tool, args, MALLORY);
      expect(answer.result.isError).toBeFalsy();
      expect(answer.text).not.toContain('secret-service');
      // Others see it, so its absence is the visibility rule's doing.
      expect((await callTool(server, tool, args)).text).toContain(
        'secret-service',
      );
    });

    it('is not counted in the totals', async () => {
      const mine = await output(server, 'list-findings', {}, MALLORY);
      const everyone = await output(server, 'list-findings', {});
      expect(mine.totalItems).toBe(everyone.totalItems - 1);
      expect(mine.summary['2']).toBeUndefined();
      expect(everyone.summary['2']).toBeDefined();
      expect(mine).toEqual(await rest(server, '/overview', MALLORY));
    });
  });

  describe('input validation', () => {
    it.each([
      ['get-entity-posture', {}, 'entityRef'],
      ['get-entity-posture', { entityRef: 42 }, 'entityRef'],
      ['get-entity-posture', { entityRef: '' }, 'entityRef'],
      ['get-entity-posture', { entityRef: 'component:/payments' }, 'entityRef'],
      [
        'get-entity-posture',
        { entityRef: 'component:default/a/b' },
        'entityRef',
      ],
      ['get-entity-posture', { entityRef: 'a:b:c' }, 'entityRef'],
      ['get-entity-posture', { entityRef: 'bad\u0000name' }, 'entityRef'],
      ['list-findings', { status: ['red'] }, 'status'],
      ['list-findings', { tier: [''] }, 'tier'],
      ['list-findings', { owner: ['group:/x'] }, 'owner'],
      ['list-findings', { limit: 0 }, 'limit'],
      ['list-findings', { limit: 501 }, 'limit'],
      ['list-findings', { sort: 'colour' }, 'sort'],
      ['list-findings', { q: 'x'.repeat(201) }, 'q'],
      ['get-restore-plan', { system: 'system:default/' }, 'system'],
    ])('%s %j is an InputError naming %s', async (tool, args, field) => {
      const text = await toolError(server, tool, args);
      expect(text).toMatch(/^InputError: /);
      expect(text).toContain(`"${field}"`);
    });
  });
});

describe('the MCP actions, failing', () => {
  it('answer NotFoundError, saying so, for an entity not evaluated yet', async () => {
    const server = await startMcpBackend({ evaluated: false });
    expect(
      await toolError(server, 'get-entity-posture', {
        entityRef: 'component:default/payments-api',
      }),
    ).toBe(
      'NotFoundError: The disaster-recovery posture of component:default/payments-api has not been evaluated yet',
    );
    const page = await output(server, 'list-findings', {});
    expect(page.totalItems).toBe(0);
  });

  const INTERNAL = 'connect ECONNREFUSED 10.20.30.40:5432';
  const failingCatalog = (name: string) =>
    startMcpBackend({
      catalog: {
        getEntityByRef: async () => {
          throw Object.assign(new Error(INTERNAL), { name });
        },
      },
    });
  const POSTURE = { entityRef: 'component:default/payments-api' };

  it('answer a failing catalog as unavailable, by a log id alone', async () => {
    const server = await failingCatalog('ResponseError');
    expect(await toolError(server, 'get-entity-posture', POSTURE)).toMatch(
      /^ServiceUnavailableError: A Backstage service this API relies on failed; try again later \(logId=[0-9a-f]{16}\)$/,
    );
  });

  it('answer any other failure by a log id alone, to MCP clients and to direct callers', async () => {
    const server = await failingCatalog('Error');
    const answer = await callTool(server, 'get-entity-posture', POSTURE);
    expect(answer.error?.code).toBe(-32603);
    expect(answer.text).not.toContain('10.20.30.40');

    const invoked = await request(server)
      .post(
        `${BASE}/.backstage/actions/v1/actions/disaster-recovery:get-entity-posture/invoke`,
      )
      .send(POSTURE);
    expect(invoked.status).toBe(500);
    expect(invoked.body.error.message).toMatch(
      /^An internal error occurred; the backend log has the detail \(logId=[0-9a-f]{16}\)$/,
    );
    expect(JSON.stringify(invoked.body)).not.toContain('10.20.30.40');
  });
});
