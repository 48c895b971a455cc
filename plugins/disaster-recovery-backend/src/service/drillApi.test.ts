import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { JsonObject } from '@backstage/types';
import {
  AuthorizeResult,
  type AuthorizePermissionRequest,
} from '@backstage/plugin-permission-common';
import { DEFAULT_DRILL_EVIDENCE_REQUIREMENTS } from '@dr-posture/plugin-disaster-recovery-common';
import request from 'supertest';
import {
  BASE,
  entities,
  expectFieldsNamed,
  MALLORY,
  PAYMENTS,
  SECRET,
  startBackend,
  userOf,
} from '../__testUtils__/apiBackend';
import { completeDrill } from '../__testUtils__/drills';

jest.setTimeout(30_000);

const MINUTE = 60_000;
const ago = (minutes: number) =>
  new Date(Date.now() - minutes * MINUTE).toISOString();

/** The caller of requests without an Authorization header. */
const MOCK_USER = 'user:default/mock';
const BEN = 'user:default/ben';
const ADMIN = 'user:default/admin';
const LEDGER = 'component:default/ledger-db';
const as = (user: string) => mockCredentials.user.header(user);

/**
 * Permissions as the permission backend answers them for a policy that
 * gives `disaster-recovery.drill.create` to owners only: the policy returns
 * a conditional decision (the catalog's `isEntityOwner` rule), which the
 * permission backend resolves against the catalog entity named by
 * `resourceRef`, so the plugin sees ALLOW or DENY per entity. Only
 * `user:default/admin` holds `disaster-recovery.drill.admin`.
 */
function ownersOnly() {
  const memberOf: Record<string, string[]> = {
    [MOCK_USER]: ['group:default/team-a'],
    [BEN]: ['group:default/team-a'],
    [MALLORY]: ['group:default/team-a'],
    [ADMIN]: [],
  };
  const decide = (
    permission: AuthorizePermissionRequest,
    user: string | undefined,
  ) => {
    if (permission.permission.name === 'disaster-recovery.drill.admin') {
      return user === ADMIN ? AuthorizeResult.ALLOW : AuthorizeResult.DENY;
    }
    if (permission.permission.name !== 'disaster-recovery.drill.create') {
      return AuthorizeResult.ALLOW;
    }
    const ref = (permission as { resourceRef?: string }).resourceRef;
    const entity = entities.find(
      e =>
        stringifyEntityRef(e).toLocaleLowerCase('en-US') ===
        ref?.toLocaleLowerCase('en-US'),
    );
    const owners = (entity?.relations ?? [])
      .filter(r => r.type === 'ownedBy')
      .map(r => r.targetRef);
    const claims = memberOf[user ?? ''] ?? [];
    return owners.some(owner => claims.includes(owner))
      ? AuthorizeResult.ALLOW
      : AuthorizeResult.DENY;
  };
  return mockServices.permissions.mock({
    authorize: async (requests, options) =>
      requests.map(r => ({
        result: decide(
          r as AuthorizePermissionRequest,
          userOf(options?.credentials),
        ),
      })) as any,
  });
}

/** An auditor keeping every event and how it ended. */
function recordingAuditor() {
  const events: Array<{
    eventId: string;
    meta?: unknown;
    outcome?: 'success' | 'fail';
    outcomeMeta?: unknown;
    error?: string;
  }> = [];
  const auditor = mockServices.auditor.mock({
    createEvent: async options => {
      const event: (typeof events)[number] = {
        eventId: options.eventId,
        meta: options.meta,
      };
      events.push(event);
      return {
        success: async result => {
          event.outcome = 'success';
          event.outcomeMeta = result?.meta;
        },
        fail: async result => {
          event.outcome = 'fail';
          event.error = result.error.message;
        },
      };
    },
  });
  return { events, factory: auditor.factory };
}

async function startDrillBackend(config?: JsonObject) {
  const permissions = ownersOnly();
  const auditor = recordingAuditor();
  const server = await startBackend({
    permissions: permissions.factory,
    auditor: auditor.factory,
    config,
  });
  return { server, permissions, events: auditor.events };
}

async function record(
  server: Awaited<ReturnType<typeof startBackend>>,
  body: object = completeDrill(),
  user = MOCK_USER,
) {
  return request(server)
    .post(`${PAYMENTS}/drills`)
    .set('Authorization', as(user))
    .send(body);
}

describe('drills through the REST API', () => {
  describe('recording', () => {
    it('records a complete drill (201), audits it, and counts it for the posture', async () => {
      const { server, events } = await startDrillBackend();
      const created = await record(server);

      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({
        entityRefs: ['component:default/payments-api'],
        recordedBy: MOCK_USER,
        state: 'active',
        warnings: [],
        effectiveOutcome: {
          outcome: 'succeeded',
          reasons: [],
          missingEvidence: [],
        },
      });
      expect(events).toEqual([
        expect.objectContaining({
          eventId: 'drill-record',
          outcome: 'success',
          outcomeMeta: expect.objectContaining({
            drillId: created.body.id,
            actor: MOCK_USER,
            entityRefs: ['component:default/payments-api'],
            effectiveOutcome: 'succeeded',
          }),
        }),
      ]);
      const posture = await request(server).get(`${PAYMENTS}/posture`);
      expect(
        posture.body.posture.checks.find(
          (c: { id: string }) => c.id === 'dr-drill',
        ).status,
      ).toBe('pass');
    });

    it.each([
      [
        'a manual step not in the runbook',
        completeDrill({
          evidence: {
            ...completeDrill().evidence,
            manualStepsNotInRunbook: ['re-created the database secret by hand'],
          },
        }),
        'failed',
        [],
      ],
      [
        'no evidence at all',
        completeDrill({ evidence: {} }),
        'incomplete',
        [
          'backup',
          'restoreTargetTime',
          'namespaceInventory',
          'healthChecks',
          'applicationHealthChecks',
          'reconciliation',
        ],
      ],
      [
        'no achieved RTO',
        completeDrill({ achievedRtoMs: undefined }),
        'incomplete',
        ['achievedRto'],
      ],
    ])(
      'judges a drill with %s as %s, naming what is missing',
      async (_case, body, outcome, missing) => {
        const { server } = await startDrillBackend();
        const created = await record(server, body);
        expect(created.status).toBe(201);
        expect(created.body.effectiveOutcome.outcome).toBe(outcome);
        expect(created.body.effectiveOutcome.missingEvidence).toEqual(missing);
      },
    );

    it('judges with the required evidence of the config', async () => {
      const { server } = await startDrillBackend({
        disasterRecovery: {
          drills: { requiredEvidence: { 'dr-drill': ['achievedRto'] } },
        },
      });
      const created = await record(server, completeDrill({ evidence: {} }));
      expect(created.body.effectiveOutcome).toEqual({
        outcome: 'succeeded',
        reasons: [],
        missingEvidence: [],
      });
      const posture = await request(server).get(`${PAYMENTS}/posture`);
      expect(
        posture.body.posture.checks.find(
          (c: { id: string }) => c.id === 'dr-drill',
        ).status,
      ).toBe('pass');
      // The drill list says the requirements, so the UI judges alike.
      const list = await request(server).get(`${PAYMENTS}/drills`);
      expect(list.body.requiredEvidence['dr-drill']).toEqual(['achievedRto']);
      expect(list.body.requiredEvidence['restore-test']).toEqual(
        DEFAULT_DRILL_EVIDENCE_REQUIREMENTS['restore-test'],
      );
    });

    it('derives the achieved RPO from the restore target and the backup', async () => {
      const { server } = await startDrillBackend();
      const created = await record(
        server,
        completeDrill({ achievedRpoMs: undefined }),
      );
      expect(created.body.derivedRpo).toEqual({
        ms: 5 * MINUTE,
        from: 'backup',
      });
      expect(created.body.effectiveOutcome.outcome).toBe('succeeded');
    });

    it('flags a PostgreSQL restore target after the drill ended', async () => {
      const { server } = await startDrillBackend();
      const created = await record(
        server,
        completeDrill({
          evidence: {
            ...completeDrill().evidence,
            restoreTargetTime: ago(10),
            database: { walEnd: '0/3000060' },
          },
        }),
      );
      expect(created.status).toBe(201);
      expect(created.body.warnings).toEqual([
        expect.stringContaining('is after the drill ended'),
      ]);
    });
  });

  describe('400s naming the field', () => {
    it.each<[string, Record<string, unknown>, string[]]>([
      [
        'shape',
        { kind: 'picnic', startedAt: 'last tuesday' },
        [
          'kind: must be equal to one of the allowed values: restore-test, dr-drill',
          'startedAt: must match format "date-time"',
        ],
      ],
      [
        'nested fields',
        {
          achievedRtoMs: -1,
          evidence: { backup: { name: '' }, surprise: true },
        },
        [
          'achievedRtoMs: must be > 0',
          'evidence.backup.name: ',
          'evidence.backup.createdAt: is required',
          'evidence.surprise: is not a known field',
        ],
      ],
      ['an RTO of 0', { achievedRtoMs: 0 }, ['achievedRtoMs: must be > 0']],
      [
        'an RTO over a year',
        { achievedRtoMs: 365 * 86_400_000 + 1 },
        ['achievedRtoMs: must be <= 31536000000'],
      ],
      [
        'an RPO over a year',
        { achievedRpoMs: 365 * 86_400_000 + 1 },
        ['achievedRpoMs: must be <= 31536000000'],
      ],
      [
        'a start before the year 2000',
        { startedAt: '1999-12-31T23:59:59Z' },
        ['startedAt: is before the year 2000'],
      ],
      [
        'an end in the future',
        // An hour ahead: the table is built long before a loaded machine runs it.
        { endedAt: new Date(Date.now() + 60 * MINUTE).toISOString() },
        ['endedAt: is more than 5 minutes in the future'],
      ],
      [
        'a drill in the year 9999',
        { startedAt: '9999-01-01T00:00:00Z', endedAt: '9999-01-01T01:00:00Z' },
        [
          'startedAt: is more than 5 minutes in the future',
          'endedAt: is more than 5 minutes in the future',
        ],
      ],
      [
        'an end before the start',
        { endedAt: ago(121) },
        ['endedAt: is before startedAt'],
      ],
      [
        'a backup created in the future',
        {
          evidence: {
            ...completeDrill().evidence,
            backup: { name: 'b', createdAt: '2999-01-01T00:00:00Z' },
          },
        },
        ['evidence.backup.createdAt: is more than 5 minutes in the future'],
      ],
      [
        'notes of 2,001 characters',
        { evidence: { notes: 'x'.repeat(2001) } },
        ['evidence.notes: must NOT have more than 2000 characters'],
      ],
      [
        '101 health checks',
        {
          evidence: {
            healthChecks: Array.from({ length: 101 }, (_, i) => ({
              name: `check ${i}`,
              passed: true,
            })),
          },
        },
        ['evidence.healthChecks: must NOT have more than 100 items'],
      ],
      [
        '51 entity refs',
        {
          entityRefs: Array.from({ length: 51 }, (_, i) => `component:x${i}`),
        },
        ['entityRefs: must NOT have more than 50 items'],
      ],
      [
        '50 entity refs besides the entity of the path',
        {
          entityRefs: Array.from({ length: 50 }, (_, i) => `component:x${i}`),
        },
        [
          'entityRefs: names 51 entities with the entity of the path; at most 50',
        ],
      ],
      [
        'a NUL in the notes',
        { evidence: { notes: 'restored\u0000' } },
        [
          'evidence.notes: contains the control character U+0000, which is not allowed',
        ],
      ],
      [
        'a right-to-left override in a health check',
        {
          evidence: {
            healthChecks: [{ name: 'checkout \u202Edeliaf', passed: true }],
          },
        },
        [
          'evidence.healthChecks.0.name: contains the control character U+202E, which is not allowed',
        ],
      ],
      [
        'an entity ref that does not parse',
        { entityRefs: ['payments'] },
        [
          'entityRefs.0: "payments" is not an entity ref such as component:default/payments',
        ],
      ],
      [
        'an entity that does not exist',
        { entityRefs: ['component:default/nope'] },
        [
          'entityRefs.0: no entity component:default/nope that you can read is in the catalog',
        ],
      ],
      [
        'a performer that does not exist',
        { performedBy: 'user:default/nobody' },
        [
          'performedBy: no entity user:default/nobody that you can read is in the catalog',
        ],
      ],
      [
        'a field the client may not set',
        { recordedBy: 'user:default/someone-else' },
        ['recordedBy: is not a known field'],
      ],
    ])('for %s', async (_case, change, fields) => {
      const { server, events } = await startDrillBackend();
      const response = await record(server, { ...completeDrill(), ...change });
      expect(response.status).toBe(400);
      expect(response.body.error.name).toBe('InputError');
      expect(response.body.error.message).toMatch(/^Invalid request: /);
      expectFieldsNamed(response.body.error.message, fields);
      // Nothing stored, and the attempt audited as failed once it reached the handler.
      expect(
        (await request(server).get(`${PAYMENTS}/drills`)).body.items,
      ).toEqual([]);
      expect(events.every(e => e.outcome === 'fail')).toBe(true);
    });
  });

  describe('per-entity permission', () => {
    it('allows an owner of every entity named, asking per entity', async () => {
      const { server, permissions } = await startDrillBackend();
      const created = await record(
        server,
        completeDrill({
          entityRefs: ['Component:default/Secret-Service'],
          performedBy: 'user:default/mallory',
        }),
      );
      expect(created.status).toBe(201);
      expect(created.body.entityRefs).toEqual([
        'component:default/payments-api',
        'component:default/secret-service',
      ]);
      expect(created.body.performedBy).toBe('user:default/mallory');
      const [requests] = permissions.authorize.mock.calls.at(-1)!;
      expect(requests).toEqual([
        expect.objectContaining({
          permission: expect.objectContaining({
            name: 'disaster-recovery.drill.create',
            resourceType: 'catalog-entity',
          }),
          resourceRef: 'component:default/payments-api',
        }),
        expect.objectContaining({
          resourceRef: 'component:default/secret-service',
        }),
      ]);
    });

    it('answers 403 naming the entity a conditional decision denies, storing nothing', async () => {
      const { server, events } = await startDrillBackend();
      const denied = await record(
        server,
        completeDrill({ entityRefs: [LEDGER] }),
      );
      expect(denied.status).toBe(403);
      expect(denied.body.error.message).toBe(
        `Recording a drill for ${LEDGER} needs the disaster-recovery.drill.create permission on it`,
      );
      expect(
        (await request(server).get(`${PAYMENTS}/drills`)).body.items,
      ).toEqual([]);
      expect(events).toEqual([
        expect.objectContaining({ eventId: 'drill-record', outcome: 'fail' }),
      ]);
    });

    it('answers 403 for an entity of the path the caller does not own', async () => {
      const { server } = await startDrillBackend();
      const denied = await request(server)
        .post(`${BASE}/entities/component/default/ledger-db/drills`)
        .send(completeDrill());
      expect(denied.status).toBe(403);
    });

    it('answers 400 for an entity ref the caller cannot read, as for one that does not exist', async () => {
      const { server } = await startDrillBackend();
      const hidden = await record(
        server,
        completeDrill({ entityRefs: ['component:default/secret-service'] }),
        MALLORY,
      );
      expect(hidden.status).toBe(400);
      expect(hidden.body.error.message).toBe(
        'Invalid request: entityRefs.0: no entity component:default/secret-service that you can read is in the catalog',
      );
    });

    it('answers 404 for an entity of the path the caller cannot read', async () => {
      const { server } = await startDrillBackend();
      const auth = as(MALLORY);
      for (const call of [
        request(server).get(`${SECRET}/drills`).set('Authorization', auth),
        request(server)
          .post(`${SECRET}/drills`)
          .set('Authorization', auth)
          .send(completeDrill()),
      ]) {
        expect((await call).status).toBe(404);
      }
    });
  });

  describe('the drill list', () => {
    it('pages newest first with a cursor bound to the entity', async () => {
      const { server } = await startDrillBackend();
      for (const endedAt of [300, 200, 100]) {
        expect(
          (
            await record(
              server,
              completeDrill({
                startedAt: ago(endedAt + 30),
                endedAt: ago(endedAt),
              }),
            )
          ).status,
        ).toBe(201);
      }
      const first = await request(server).get(`${PAYMENTS}/drills?limit=2`);
      expect(first.status).toBe(200);
      expect(
        first.body.items.map((d: { endedAt: string }) => d.endedAt),
      ).toEqual([expect.any(String), expect.any(String)]);
      const second = await request(server).get(
        `${PAYMENTS}/drills?limit=2&cursor=${first.body.nextCursor}`,
      );
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeUndefined();
      const ends = [...first.body.items, ...second.body.items].map(
        (d: { endedAt: string }) => Date.parse(d.endedAt),
      );
      expect(ends).toEqual([...ends].sort((a, b) => b - a));
      expect(second.body.restoreTests).toEqual(first.body.restoreTests);

      const elsewhere = await request(server).get(
        `${BASE}/entities/component/default/ledger-db/drills?cursor=${first.body.nextCursor}`,
      );
      expect(elsewhere.status).toBe(400);
      const forged = await request(server).get(`${PAYMENTS}/drills?cursor=abc`);
      expect(forged.status).toBe(400);
      const tooMany = await request(server).get(`${PAYMENTS}/drills?limit=101`);
      expect(tooMany.status).toBe(400);
      expectFieldsNamed(tooMany.body.error.message, ['limit: ']);
    });

    it('shows each drill with only the entities the caller can read', async () => {
      const { server } = await startDrillBackend();
      await record(
        server,
        completeDrill({ entityRefs: ['component:default/secret-service'] }),
      );
      const mine = await request(server).get(`${PAYMENTS}/drills`);
      expect(mine.body.items[0].entityRefs).toEqual([
        'component:default/payments-api',
        'component:default/secret-service',
      ]);
      const mallorys = await request(server)
        .get(`${PAYMENTS}/drills`)
        .set('Authorization', as(MALLORY));
      expect(mallorys.body.items[0].entityRefs).toEqual([
        'component:default/payments-api',
      ]);
    });
  });

  describe('voiding', () => {
    it('voids a drill with a reason: it stays in the history, audited, and no longer counts', async () => {
      const { server, events } = await startDrillBackend();
      const created = await record(server);
      const voided = await request(server)
        .post(`${PAYMENTS}/drills/${created.body.id}/void`)
        .send({ reason: 'recorded for the wrong service' });

      expect(voided.status).toBe(200);
      expect(voided.body).toMatchObject({
        id: created.body.id,
        state: 'voided',
        voided: { by: MOCK_USER, reason: 'recorded for the wrong service' },
      });
      const listed = await request(server).get(`${PAYMENTS}/drills`);
      expect(listed.body.items.map((d: { state: string }) => d.state)).toEqual([
        'voided',
      ]);
      const posture = await request(server).get(`${PAYMENTS}/posture`);
      expect(
        posture.body.posture.checks.find(
          (c: { id: string }) => c.id === 'dr-drill',
        ).status,
      ).toBe('fail');
      expect(events.at(-1)).toMatchObject({
        eventId: 'drill-void',
        outcome: 'success',
        outcomeMeta: {
          drillId: created.body.id,
          actor: MOCK_USER,
          change: 'state active -> voided',
          reason: 'recorded for the wrong service',
        },
      });

      const again = await request(server)
        .post(`${PAYMENTS}/drills/${created.body.id}/void`)
        .send({ reason: 'twice' });
      expect(again.status).toBe(409);
    });

    it('refuses someone else who does not hold drill.admin (403)', async () => {
      const { server } = await startDrillBackend();
      const created = await record(server);
      const response = await request(server)
        .post(`${PAYMENTS}/drills/${created.body.id}/void`)
        .set('Authorization', as(BEN))
        .send({ reason: 'duplicate' });
      expect(response.status).toBe(403);
      expect(response.body.error.message).toBe(
        `Only whoever recorded drill ${created.body.id} (${MOCK_USER}) or a holder of the disaster-recovery.drill.admin permission may void it`,
      );
    });

    it('lets a holder of drill.admin void a drill someone else recorded', async () => {
      const { server } = await startDrillBackend();
      const created = await record(server);
      const response = await request(server)
        .post(`${PAYMENTS}/drills/${created.body.id}/void`)
        .set('Authorization', as(ADMIN))
        .send({ reason: 'duplicate' });
      expect(response.status).toBe(200);
      expect(response.body.voided.by).toBe(ADMIN);
    });

    it.each<[string, object, string]>([
      ['no reason', {}, 'reason: is required'],
      [
        'an empty reason',
        { reason: '' },
        'reason: must NOT have fewer than 1 characters',
      ],
      [
        'a reason with a NUL',
        { reason: 'oops\u0000' },
        'reason: contains the control character U+0000, which is not allowed',
      ],
      [
        'a reason of 2,001 characters',
        { reason: 'x'.repeat(2001) },
        'reason: must NOT have more than 2000 characters',
      ],
    ])('answers 400 for %s', async (_case, body, message) => {
      const { server } = await startDrillBackend();
      const created = await record(server);
      const response = await request(server)
        .post(`${PAYMENTS}/drills/${created.body.id}/void`)
        .send(body);
      expect(response.status).toBe(400);
      expect(response.body.error.message).toContain(message);
      const [listed] = (await request(server).get(`${PAYMENTS}/drills`)).body
        .items;
      expect(listed.state).toBe('active');
    });

    it('answers 404 for an unknown drill and for a drill of another entity', async () => {
      const { server } = await startDrillBackend();
      const created = await record(server);
      for (const path of [
        `${PAYMENTS}/drills/00000000-0000-0000-0000-000000000000/void`,
        `${SECRET}/drills/${created.body.id}/void`,
      ]) {
        const response = await request(server).post(path).send({ reason: 'x' });
        expect(response.status).toBe(404);
      }
    });
  });

  describe('superseding', () => {
    it('records a corrected drill that replaces the old one, which stays superseded', async () => {
      const { server, events } = await startDrillBackend();
      const drill = completeDrill();
      const created = await record(server, {
        ...drill,
        achievedRtoMs: 5 * 3_600_000,
      });
      const corrected = await request(server)
        .post(`${PAYMENTS}/drills/${created.body.id}/supersede`)
        .send({ ...drill, achievedRtoMs: 50 * MINUTE });

      expect(corrected.status).toBe(201);
      expect(corrected.body).toMatchObject({
        supersedes: created.body.id,
        state: 'active',
        achievedRtoMs: 50 * MINUTE,
      });
      const listed = await request(server).get(`${PAYMENTS}/drills`);
      const old = listed.body.items.find(
        (d: { id: string }) => d.id === created.body.id,
      );
      expect(old).toMatchObject({
        state: 'superseded',
        supersededBy: corrected.body.id,
        achievedRtoMs: 5 * 3_600_000,
      });
      expect(events.at(-1)).toMatchObject({
        eventId: 'drill-supersede',
        outcome: 'success',
        outcomeMeta: {
          drillId: corrected.body.id,
          supersedes: created.body.id,
          actor: MOCK_USER,
          changedFields: ['achievedRtoMs'],
        },
      });

      const twice = await request(server)
        .post(`${PAYMENTS}/drills/${created.body.id}/supersede`)
        .send(completeDrill());
      expect(twice.status).toBe(409);
    });

    it.each<[string, string, object, number]>([
      ['someone else without drill.admin', BEN, completeDrill(), 403],
      [
        'an invalid correction',
        MOCK_USER,
        completeDrill({ endedAt: ago(500) }),
        400,
      ],
      [
        'a correction naming an entity the caller does not own',
        MOCK_USER,
        completeDrill({ entityRefs: [LEDGER] }),
        403,
      ],
    ])(
      'refuses %s (%s) and keeps the old drill active',
      async (_case, user, body, status) => {
        const { server } = await startDrillBackend();
        const created = await record(server);
        const response = await request(server)
          .post(`${PAYMENTS}/drills/${created.body.id}/supersede`)
          .set('Authorization', as(user))
          .send(body);
        expect(response.status).toBe(status);
        const listed = await request(server).get(`${PAYMENTS}/drills`);
        expect(
          listed.body.items.map((d: { state: string }) => d.state),
        ).toEqual(['active']);
      },
    );
  });
});
