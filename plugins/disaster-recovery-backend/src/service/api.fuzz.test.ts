import { TestDatabases } from '@backstage/backend-test-utils';
import fc from 'fast-check';
import request from 'supertest';
import {
  snapshotTables,
  startSeededBackend,
} from '../__testUtils__/seededBackend';
import { spec } from '../schema/openapi/generated';

/*
 * Property-based tests of every route of the spec, against the real router
 * on a seeded database: whatever the path, query and body, the API answers
 * below 500, every 400 names a field of the request, and a 4xx stores
 * nothing. `FUZZ_RUNS` sets the requests per route (default 400);
 * `FUZZ_SEED` replays the seed a failure printed.
 */

jest.setTimeout(600_000);

const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const BASE = '/api/disaster-recovery';
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

type Schema = {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  items?: Schema;
  $ref?: string;
};
type Parameter = { name: string; in: string; schema: Schema };
type Operation = {
  parameters?: Array<Parameter | { $ref: string }>;
  requestBody?: unknown;
};

function resolve<T>(node: T | { $ref: string }): T {
  const ref = (node as { $ref?: string }).$ref;
  if (!ref) return node as T;
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce((at: any, key) => at[key], spec) as T;
}

const NOW = Date.now();
const iso = (msAgo: number) => new Date(NOW - msAgo).toISOString();

/** Values that trip parsers: encodings, separators, huge and odd strings. */
const nasty = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '%',
    '%ZZ',
    '%00',
    '%2F',
    '..',
    '../..',
    '\u0000',
    '\u202e',
    'null',
    'undefined',
    'true',
    '-1',
    '0',
    '1e309',
    'NaN',
    '9'.repeat(30),
    '2026-02-30T00:00:00Z',
    '2026-12-31T23:59:60Z',
    '9999-12-31T23:59:59Z',
    'x'.repeat(5000),
    '__proto__',
    'constructor',
  ),
);

/** A value the parameter's schema accepts. */
function validValue(schema: Schema): fc.Arbitrary<string | string[]> {
  if (schema.enum) return fc.constantFrom(...(schema.enum as string[]));
  if (schema.type === 'array') {
    return fc.array(validValue(schema.items!) as fc.Arbitrary<string>, {
      minLength: 1,
      maxLength: 3,
    });
  }
  if (schema.type === 'integer') {
    return fc
      .integer({ min: schema.minimum ?? 0, max: schema.maximum ?? 1000 })
      .map(String);
  }
  if (schema.format === 'date-time') {
    return fc.integer({ min: 0, max: 90 * 86_400_000 }).map(iso);
  }
  return fc.string({
    minLength: schema.minLength ?? 0,
    maxLength: Math.min(schema.maxLength ?? 30, 30),
  });
}

/** Known names first, so that routes go past the catalog sometimes. */
const PATH_VALUES: Record<string, string[]> = {
  kind: ['component', 'Component', 'system'],
  namespace: ['default'],
  name: ['payments-api', 'checkout', 'secret-service', 'commerce', 'nope'],
};

/** A query parameter and its values, as the client puts them in the URL. */
type QueryPart = { name: string; values: string[] };

/** One query parameter as the client puts it in the URL. */
function queryPart(name: string, schema: Schema): fc.Arbitrary<QueryPart> {
  const valid = validValue(schema);
  return fc.oneof(
    { weight: 8, arbitrary: valid.map(v => ({ name, values: [v].flat() })) },
    { weight: 2, arbitrary: nasty.map(v => ({ name, values: [v] })) },
    {
      weight: 1,
      arbitrary: fc
        .array(nasty, { minLength: 2, maxLength: 3 })
        .map(values => ({ name, values })),
    },
    // qs reads `a[]=` and `a[b]=` as arrays and objects.
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('[]', '[x]', '[0]'), nasty)
        .map(([suffix, v]) => ({ name: `${name}${suffix}`, values: [v] })),
    },
  );
}

/** The valid body of each operation that takes one. */
function seedBody(path: string, drillId: string): object {
  if (path.endsWith('/void'))
    return { reason: 'recorded against the wrong service' };
  return {
    kind: 'restore-test',
    entityRefs: ['component:default/checkout'],
    startedAt: iso(3 * 3_600_000),
    endedAt: iso(2 * 3_600_000),
    outcome: 'succeeded',
    achievedRtoMs: 3_600_000,
    achievedRpoMs: 60_000,
    evidence: {
      backup: { name: 'payments-hourly-001', createdAt: iso(4 * 3_600_000) },
      restoreTargetTime: iso(4 * 3_600_000),
      namespaceInventory: [
        {
          namespace: 'payments-restore',
          expectedObjects: 10,
          restoredObjects: 10,
        },
      ],
      healthChecks: [{ name: 'pods ready', passed: true }],
      notes: `fuzz ${drillId}`,
    },
  };
}

type Mutation = { path: string[]; value?: unknown; remove?: boolean };

const json = fc.jsonValue({ maxDepth: 3 });
const FIELDS = [
  ['kind'],
  ['entityRefs'],
  ['entityRefs', '0'],
  ['startedAt'],
  ['endedAt'],
  ['outcome'],
  ['achievedRtoMs'],
  ['runbookUrl'],
  ['performedBy'],
  ['reason'],
  ['evidence'],
  ['evidence', 'backup'],
  ['evidence', 'backup', 'createdAt'],
  ['evidence', 'namespaceInventory', '0', 'expectedObjects'],
  ['evidence', 'healthChecks', '0', 'passed'],
  ['evidence', 'manualStepsNotInRunbook'],
  ['surprise'],
];

const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...FIELDS),
  value: fc.oneof(json, nasty, fc.constantFrom(5, {}, true, [], null)),
  remove: fc.boolean(),
});

function mutate(body: unknown, m: Mutation): unknown {
  const copy = structuredClone(body) as Record<string, any>;
  let at: any = copy;
  for (const key of m.path.slice(0, -1)) {
    if (at === null || typeof at !== 'object') return copy;
    at[key] ??= {};
    at = at[key];
  }
  if (at === null || typeof at !== 'object') return copy;
  const last = m.path[m.path.length - 1];
  if (m.remove) delete at[last];
  else at[last] = m.value;
  return copy;
}

/** A body as sent: JSON (valid, mutated or random), or not JSON at all. */
function bodyOf(path: string, drillId: string) {
  const seed = seedBody(path, drillId);
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ json: seed }) },
    {
      weight: 6,
      arbitrary: fc
        .array(mutation, { minLength: 1, maxLength: 3 })
        .map(ms => ({ json: ms.reduce(mutate, seed) })),
    },
    { weight: 1, arbitrary: json.map(value => ({ json: value })) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(
          fc.oneof(nasty, fc.constant('{"kind":"restore-test"')),
          fc.constantFrom(
            'application/json',
            'text/plain',
            'application/x-www-form-urlencoded',
          ),
        )
        .map(([raw, type]) => ({ raw, type })),
    },
  );
}

/**
 * Whether a 400 (`Invalid request: a.b: x; c: y`) starts by naming a field
 * of the request: a parameter, a body key (which may hold any character),
 * or the body or path as a whole.
 */
function namesAField(message: string, known: ReadonlySet<string>): boolean {
  const problems = message.replace(/^Invalid [a-z ]+: /, '');
  return [...known].some(
    field =>
      problems.startsWith(`${field}: `) || problems.startsWith(`${field}.`),
  );
}

const ANSWERS = new Set([200, 201, 400, 403, 404, 409]);

/** What is wrong with one answer, in words; none for a good one. */
function problemsOf(
  response: { status: number; body: any; headers: Record<string, string> },
  known: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const { status, body } = response;
  if (!ANSWERS.has(status)) problems.push(`answered ${status}`);
  if (/"stack"|"cause"|node_modules|\.ts:\d/.test(JSON.stringify(body))) {
    problems.push('the answer carries a stack, a cause or a path');
  }
  if (response.headers['cache-control'] !== 'no-store') {
    problems.push('no Cache-Control: no-store');
  }
  if (status === 400) {
    const message = String(body?.error?.message);
    if (!/^Invalid [a-z ]+: /.test(message) || !namesAField(message, known)) {
      problems.push(`a 400 names no field of the request: ${message}`);
    }
  }
  if (
    status === 404 &&
    !['NotFoundError', 'NotEvaluatedError'].includes(body?.error?.name)
  ) {
    problems.push(`a 404 ${body?.error?.name}: ${body?.error?.message}`);
  }
  return problems;
}

describe('fuzzing every route of the spec', () => {
  const seen = {
    cases: 0,
    fiveHundreds: 0,
    byStatus: new Map<number, number>(),
  };

  afterAll(() => {
    const statuses = [...seen.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}: ${n}`)
      .join(', ');
    // The line CI logs show: the suite's size and its 5xx count.
    // eslint-disable-next-line no-console
    console.log(
      `fuzz: ${seen.cases} cases, ${seen.fiveHundreds} 5xx (${statuses})`,
    );
  });

  const routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.entries(ops as Record<string, Operation>).map(
      ([method, op]) => [method.toUpperCase(), path, op] as const,
    ),
  );

  it('has routes to fuzz', () => {
    expect(routes.length).toBeGreaterThanOrEqual(10);
  });

  describe.each(routes)('%s %s', (method, path, op) => {
    it('answers below 500, names the bad field of every 400 and stores nothing on a 4xx', async () => {
      const { server, knex } = await startSeededBackend({ databases });
      // A drill to void and supersede.
      const recorded = await request(server)
        .post(`${BASE}/entities/component/default/payments-api/drills`)
        .send(seedBody('', 'seed'));
      const drillId: string = recorded.body.id ?? 'none';
      const parameters = (op.parameters ?? []).map(p => resolve<Parameter>(p));
      const pathParams = parameters.filter(p => p.in === 'path');
      const queryParams = parameters.filter(p => p.in === 'query');
      const known = new Set([
        ...parameters.map(p => p.name),
        '(body)',
        '(path)',
        '(root)',
        // A required field the body left out is named, though not sent.
        ...(op.requestBody ? Object.keys(seedBody(path, drillId)) : []),
      ]);

      const pathValue = (name: string) =>
        fc.oneof(
          {
            weight: 6,
            arbitrary: fc.constantFrom(...(PATH_VALUES[name] ?? [drillId])),
          },
          { weight: 1, arbitrary: nasty.map(encodeURIComponent) },
          {
            weight: 1,
            arbitrary: fc.constantFrom('%ZZ', '%00', '%2F', '%E0%A4%A'),
          },
        );
      const requests = fc.record({
        path: fc.tuple(...pathParams.map(p => pathValue(p.name))),
        query: fc.oneof(
          // Without a query, a bad path or body alone decides the answer.
          { weight: 1, arbitrary: fc.constant<QueryPart[]>([]) },
          {
            weight: 2,
            arbitrary: fc.array<QueryPart>(
              fc.oneof(
                ...queryParams.map(p => ({
                  weight: 4,
                  arbitrary: queryPart(p.name, p.schema),
                })),
                {
                  weight: 1,
                  arbitrary: nasty.map(v => ({ name: 'colour', values: [v] })),
                },
              ),
              { maxLength: 4 },
            ),
          },
        ),
        body: op.requestBody ? bodyOf(path, drillId) : fc.constant(undefined),
      });

      await fc.assert(
        fc.asyncProperty(requests, async generated => {
          let url = `${BASE}${path}`;
          pathParams.forEach((p, i) => {
            url = url.replace(`{${p.name}}`, generated.path[i] || '%20');
          });
          const query = generated.query
            .flatMap(({ name, values }) =>
              values.map(
                v =>
                  `${encodeURIComponent(name)
                    .replace(/%5B/g, '[')
                    .replace(/%5D/g, ']')}=${encodeURIComponent(v)}`,
              ),
            )
            .join('&');
          if (query) url += `?${query}`;
          for (const { name } of generated.query) known.add(name.split('[')[0]);
          const body = generated.body as
            | { json: unknown }
            | { raw: string; type: string }
            | undefined;
          if (
            body &&
            'json' in body &&
            body.json &&
            typeof body.json === 'object'
          ) {
            for (const key of Object.keys(body.json)) known.add(key);
          }

          const before = await snapshotTables(knex);
          const call =
            request(server)[method.toLowerCase() as 'get' | 'post'](url);
          let response;
          if (body && 'raw' in body) {
            response = await call.set('Content-Type', body.type).send(body.raw);
          } else if (body) {
            response = await call
              .set('Content-Type', 'application/json')
              .send(JSON.stringify(body.json));
          } else {
            response = await call;
          }

          seen.cases += 1;
          seen.byStatus.set(
            response.status,
            (seen.byStatus.get(response.status) ?? 0) + 1,
          );
          if (response.status >= 500) seen.fiveHundreds += 1;
          const problems = problemsOf(response, known);
          if (response.status >= 400) {
            if ((await snapshotTables(knex)) !== before) {
              problems.push(`a ${response.status} stored something`);
            }
          }
          expect({ url, status: response.status, problems }).toEqual({
            url,
            status: response.status,
            problems: [],
          });
        }),
        { numRuns: RUNS, seed: SEED },
      );
    });
  });
});
