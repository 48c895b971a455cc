import { createServiceFactory } from '@backstage/backend-plugin-api';
import {
  notificationService,
  type NotificationSendOptions,
} from '@backstage/plugin-notifications-node';
import {
  signalsServiceRef,
  type SignalPayload,
} from '@backstage/plugin-signals-node';
import type { JsonObject } from '@backstage/types';
import request from 'supertest';
import { PAYMENTS, startBackend } from '../../__testUtils__/apiBackend';
import { completeDrill } from '../../__testUtils__/drills';

jest.setTimeout(60_000);

/** A DR drill of payments-api with the evidence its kind needs. */
const drill = completeDrill();

async function startRecording(config?: JsonObject) {
  const sent: NotificationSendOptions[] = [];
  const signals: SignalPayload[] = [];
  const server = await startBackend({
    config: config ? { disasterRecovery: config } : undefined,
    services: [
      createServiceFactory({
        service: notificationService,
        deps: {},
        factory: () => ({
          send: async (notification: NotificationSendOptions) => {
            sent.push(notification);
          },
        }),
      }),
      createServiceFactory({
        service: signalsServiceRef,
        deps: {},
        factory: () => ({
          publish: async (signal: SignalPayload) => {
            signals.push(signal);
          },
        }),
      }),
    ],
  });
  return { server, sent, signals };
}

describe('posture notifications', () => {
  it('tells the owner once of a check that fails, and of its recovery, never of a first evaluation or a repeat', async () => {
    const { server, sent, signals } = await startRecording();
    // The first evaluation of every entity tells nobody anything.
    expect(sent).toEqual([]);
    await server.evaluate();
    expect(sent).toEqual([]);

    const recorded = await request(server)
      .post(`${PAYMENTS}/drills`)
      .send(drill)
      .expect(201);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'group:default/team-a' },
      payload: {
        // Both drill checks the DR drill satisfies, in one notification.
        title: 'payments-api: 2 checks recovered',
        severity: 'low',
        topic: 'Disaster recovery',
        scope: 'disaster-recovery:component:default/payments-api',
        link: '/catalog/default/component/payments-api/disaster-recovery',
        metadata: { checks: ['restore-test:recovered', 'dr-drill:recovered'] },
      },
    });

    await request(server)
      .post(`${PAYMENTS}/drills/${recorded.body.id}/void`)
      .send({ reason: 'The restore went to the production namespace' })
      .expect(200);
    expect(sent).toHaveLength(2);
    expect(sent[1]).toMatchObject({
      recipients: { type: 'entity', entityRef: 'group:default/team-a' },
      payload: {
        title: 'payments-api: 2 checks failing',
        // payments-api is tier 1, the first in the restore order.
        severity: 'critical',
        scope: 'disaster-recovery:component:default/payments-api',
      },
    });
    expect(sent[1].payload.description).toContain(
      'DR drill within policy fails: ',
    );

    // The same failure evaluated again is no news.
    await server.evaluate();
    await server.evaluate();
    expect(sent).toHaveLength(2);

    // Open pages were told of each change (the first evaluation too: the
    // page waiting for it shows it), and of nothing else.
    expect(
      signals
        .filter(
          s =>
            s.channel ===
            'disaster-recovery:posture:component:default/payments-api',
        )
        .map(s => s.recipients),
    ).toEqual([
      { type: 'broadcast' },
      { type: 'broadcast' },
      { type: 'broadcast' },
    ]);
    expect(
      signals.filter(s => s.channel === 'disaster-recovery:posture'),
    ).toHaveLength(3);

    const history = await request(server)
      .get(`${PAYMENTS}/posture-history`)
      .expect(200);
    // The history holds each change; drill-objectives changed too, but
    // not to or from a failure, so it notified nobody.
    const changed = history.body.items.map(
      (item: { checks: Array<{ id: string; status?: string }> }) =>
        Object.fromEntries(item.checks.map(c => [c.id, c.status])),
    );
    expect(changed).toEqual([
      {
        'restore-test': 'fail',
        'dr-drill': 'fail',
        'drill-objectives': expect.any(String),
      },
      {
        'restore-test': 'pass',
        'dr-drill': 'pass',
        'drill-objectives': expect.any(String),
      },
      // The first evaluation lists every check.
      expect.objectContaining({
        'dr-drill': 'fail',
        'backup-freshness': expect.any(String),
      }),
    ]);
    server.close();
  });

  it('tells nobody when switched off, or for the tiers and checks left out', async () => {
    for (const config of [
      { notifications: { enabled: false } },
      { notifications: { tiers: ['2', '3'] } },
      { notifications: { checks: ['backup-freshness'] } },
    ]) {
      const { server, sent } = await startRecording(config);
      await request(server).post(`${PAYMENTS}/drills`).send(drill).expect(201);
      expect(sent).toEqual([]);
      server.close();
    }
  });
});
