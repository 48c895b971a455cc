import {
  DEFAULT_TIER_POLICIES,
  type CheckStatus,
  type EntityPostureSummary,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { RecordedPostureChange } from '../../database/DatabasePostureHistoryStore';
import {
  postureNotification,
  type NotificationOptions,
} from './postureNotification';

const ON: NotificationOptions = { enabled: true };

function change(
  checks: Array<[string, CheckStatus | undefined, CheckStatus | undefined]>,
  summary: Partial<EntityPostureSummary> | undefined = {},
): RecordedPostureChange {
  return {
    entityRef: 'component:default/payments-api',
    revision: 2,
    at: 0,
    checks: checks.map(([id, previousStatus, status]) => ({
      id,
      title: `Check ${id}`,
      previousStatus,
      status,
      summary: `${id} says so.`,
    })),
    summary: summary && {
      entityRef: 'component:default/payments-api',
      kind: 'Component',
      namespace: 'default',
      name: 'payments-api',
      owner: 'group:default/team-a',
      tier: '1',
      status: 'fail',
      failingChecks: [],
      evaluatedAt: new Date(0).toISOString(),
      ...summary,
    },
  };
}

describe('postureNotification', () => {
  it.each<
    [string, RecordedPostureChange, string | undefined, string | undefined]
  >([
    [
      'a failure of a tier 1 entity',
      change([['schedule-active', 'pass', 'fail']]),
      'critical',
      'payments-api: Check schedule-active fails',
    ],
    [
      'a failure of a tier 2 entity',
      change([['schedule-active', 'pass', 'fail']], { tier: '2' }),
      'high',
      'payments-api: Check schedule-active fails',
    ],
    [
      'a failure of a tier 3 entity',
      change([['schedule-active', 'pass', 'fail']], { tier: '3' }),
      'normal',
      'payments-api: Check schedule-active fails',
    ],
    [
      'a failure of an entity of an unknown tier',
      change([['schedule-active', 'pass', 'fail']], { tier: 'gold' }),
      'normal',
      'payments-api: Check schedule-active fails',
    ],
    [
      'an RPO about to be breached, tier 1',
      change([['backup-freshness', 'pass', 'warn']]),
      'high',
      'payments-api: Check backup-freshness warns: the RPO is about to be breached',
    ],
    [
      'a recovery',
      change([['schedule-active', 'fail', 'pass']]),
      'low',
      'payments-api: Check schedule-active recovered',
    ],
    [
      'the worst of several, in one notification',
      change(
        [
          ['schedule-active', 'fail', 'pass'],
          ['retention', 'pass', 'fail'],
          ['storage-location', 'warn', 'fail'],
        ],
        { title: 'Payments' },
      ),
      'critical',
      'Payments: 1 check recovered, 2 failing',
    ],
    [
      'a repeat',
      change([['schedule-active', 'fail', 'fail']]),
      undefined,
      undefined,
    ],
    [
      'a first verdict',
      change([['schedule-active', undefined, 'fail']]),
      undefined,
      undefined,
    ],
    [
      'a change that alerts nobody',
      change([['schedule-active', 'pass', 'warn']]),
      undefined,
      undefined,
    ],
    [
      'an entity without an owner',
      change([['schedule-active', 'pass', 'fail']], { owner: undefined }),
      undefined,
      undefined,
    ],
    [
      'an entity that left',
      change([['schedule-active', 'fail', undefined]], undefined),
      undefined,
      undefined,
    ],
  ])('%s', (_name, input, severity, title) => {
    const sent = postureNotification(input, DEFAULT_TIER_POLICIES, ON);
    expect(sent?.payload.severity).toBe(severity);
    expect(sent?.payload.title).toBe(title);
  });

  it('follows the configured tiers and checks, and can be switched off', () => {
    const failing = change([['schedule-active', 'pass', 'fail']]);
    const untiered = change([['schedule-active', 'pass', 'fail']], {
      tier: undefined,
    });
    const policies = DEFAULT_TIER_POLICIES;
    expect(
      postureNotification(failing, policies, { enabled: false }),
    ).toBeUndefined();
    expect(
      postureNotification(failing, policies, { enabled: true, tiers: ['2'] }),
    ).toBeUndefined();
    expect(
      postureNotification(failing, policies, { enabled: true, tiers: ['1'] }),
    ).toBeDefined();
    expect(
      postureNotification(untiered, policies, {
        enabled: true,
        tiers: ['none'],
      }),
    ).toBeDefined();
    expect(
      postureNotification(failing, policies, {
        enabled: true,
        checks: ['retention'],
      }),
    ).toBeUndefined();
    expect(
      postureNotification(failing, policies, {
        enabled: true,
        checks: ['schedule-active'],
      })?.payload,
    ).toMatchObject({
      description: 'Check schedule-active fails: schedule-active says so.',
      scope: 'disaster-recovery:component:default/payments-api',
      link: '/catalog/default/component/payments-api/disaster-recovery',
    });
  });
});
