import { component } from '../__testUtils__/fixtures';
import { DEFAULT_TIER_POLICIES } from './defaultTierPolicies';
import { resolveEntityPolicy } from './resolveEntityPolicy';
import { readTierPolicies } from './tierPoliciesConfig';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('readTierPolicies', () => {
  it('falls back to the default tiers without config', () => {
    expect(readTierPolicies(undefined)).toEqual(DEFAULT_TIER_POLICIES);
  });

  it('merges a configured default tier with its defaults and keeps the configured order', () => {
    const tiers = readTierPolicies([{ id: 2, rpo: '30m' }, { id: '1' }]);
    expect(tiers.map(t => t.id)).toEqual(['2', '1']);
    expect(tiers[0]).toMatchObject({
      id: '2',
      rpoMs: 30 * MINUTE,
      rtoMs: 4 * HOUR,
      drillIntervalMs: 90 * DAY,
    });
    expect(tiers[1]).toEqual(DEFAULT_TIER_POLICIES[0]);
  });

  it.each([
    ['1', 7, 90, 365, 90],
    ['2', 30, 90, 365, 90],
    ['3', 90, 90, 365, 90],
  ])(
    "gives tier %s the guides' cadences: restore test every %i days, DR drill %i, full DR test %i, failover drill %i",
    (id, restoreTest, drill, fullTest, failover) => {
      expect(DEFAULT_TIER_POLICIES.find(t => t.id === id)).toMatchObject({
        restoreTestIntervalMs: restoreTest * DAY,
        drillIntervalMs: drill * DAY,
        fullDrTestIntervalMs: fullTest * DAY,
        failoverDrillIntervalMs: failover * DAY,
      });
    },
  );

  it('reads every cadence per tier, keeping the defaults left out', () => {
    const [tier] = readTierPolicies([
      { id: '3', restoreTestEvery: '14d', failoverDrillEvery: '30d' },
    ]);
    expect(tier).toMatchObject({
      restoreTestIntervalMs: 14 * DAY,
      drillIntervalMs: 90 * DAY,
      fullDrTestIntervalMs: 365 * DAY,
      failoverDrillIntervalMs: 30 * DAY,
    });
    expect(() =>
      readTierPolicies([{ id: '3', failoverDrillEvery: 'quarterly' }]),
    ).toThrow('disasterRecovery.tiers[0].failoverDrillEvery');
  });

  it('accepts a custom tier that gives its objectives', () => {
    expect(
      readTierPolicies([
        { id: 'gold', rpo: '5m', rto: '1h', restoreTestEvery: '1d' },
      ]),
    ).toEqual([
      {
        id: 'gold',
        title: 'Tier gold',
        rpoMs: 5 * MINUTE,
        rtoMs: HOUR,
        restoreTestIntervalMs: DAY,
        drillIntervalMs: undefined,
        fullDrTestIntervalMs: undefined,
        retentionMs: 30 * DAY,
        kubernetesRetentionMs: {
          hourlyMs: 48 * HOUR,
          dailyMs: 7 * DAY,
          weeklyMs: 30 * DAY,
        },
        baseBackupIntervalMs: DAY,
        minimumCopies: 3,
        minimumOffsiteCopies: 1,
      },
    ]);
  });

  it('reads per-component retention and the base backup interval, keeping the defaults left out', () => {
    const [tier] = readTierPolicies([
      {
        id: '2',
        retention: { hourly: '72h', postgres: '14d' },
        baseBackupEvery: '12h',
      },
    ]);
    expect(tier).toMatchObject({
      retentionMs: 14 * DAY,
      kubernetesRetentionMs: {
        hourlyMs: 72 * HOUR,
        dailyMs: 7 * DAY,
        weeklyMs: 30 * DAY,
      },
      baseBackupIntervalMs: 12 * HOUR,
    });
  });

  it('reads one retention duration as the weekly and PostgreSQL retention', () => {
    const [tier] = readTierPolicies([{ id: '2', retention: '45d' }]);
    expect(tier).toMatchObject({
      retentionMs: 45 * DAY,
      kubernetesRetentionMs: {
        hourlyMs: 48 * HOUR,
        dailyMs: 7 * DAY,
        weeklyMs: 45 * DAY,
      },
    });
  });

  it.each([
    [
      [{ id: '1', retention: '30 days' }],
      'disasterRecovery.tiers[0].retention',
    ],
    [
      [{ id: '1', retention: { monthly: '1y' } }],
      'disasterRecovery.tiers[0].retention',
    ],
    [
      [{ id: '1', baseBackupEvery: 'daily' }],
      'disasterRecovery.tiers[0].baseBackupEvery: "daily" is not a positive duration',
    ],
    [
      [{ id: '1', rpo: '15x' }],
      'disasterRecovery.tiers[0].rpo: "15x" is not a positive duration',
    ],
    [
      [{ id: '1', rto: '0' }],
      'disasterRecovery.tiers[0].rto: "0" is not a positive duration',
    ],
    [
      [{ id: 'gold', rto: '1h' }],
      'disasterRecovery.tiers[0].rpo: is required for tier "gold"',
    ],
    [
      [{ id: '1' }, { id: '1' }],
      'disasterRecovery.tiers[1].id: tier "1" is configured more than once',
    ],
    [[{ id: '1', copies: 0 }], 'disasterRecovery.tiers[0].copies'],
    [[{ id: '1', rpoo: '1h' }], 'disasterRecovery.tiers[0]'],
    [{ id: '1' }, 'disasterRecovery.tiers:'],
  ])('rejects %j naming the key', (value, message) => {
    expect(() => readTierPolicies(value)).toThrow(message);
  });
});

describe('resolveEntityPolicy', () => {
  it.each([
    [
      'tier 1 defaults',
      {},
      { tier: '1', rpo: 15 * MINUTE, rpoSource: 'tier', rto: 2 * HOUR },
    ],
    [
      'an RPO override',
      { 'disaster-recovery/rpo': '5m' },
      { tier: '1', rpo: 5 * MINUTE, rpoSource: 'annotation', rto: 2 * HOUR },
    ],
    [
      'a Go-style RTO override',
      { 'disaster-recovery/rto': '1h30m' },
      { tier: '1', rpo: 15 * MINUTE, rpoSource: 'tier', rto: 90 * MINUTE },
    ],
  ])('%s', (_case, annotations, expected) => {
    const policy = resolveEntityPolicy(
      component({ 'disaster-recovery/tier': '1', ...annotations }),
      DEFAULT_TIER_POLICIES,
    );
    expect(policy.tier.ok && policy.tier.value.id).toBe(expected.tier);
    expect(policy.rpoMs).toEqual({
      ok: true,
      value: expected.rpo,
      source: expected.rpoSource,
    });
    expect(policy.rtoMs.ok && policy.rtoMs.value).toBe(expected.rto);
  });

  it.each([
    [
      'a malformed RPO',
      { 'disaster-recovery/rpo': 'soon' },
      'rpoMs',
      'invalid',
      'disaster-recovery/rpo is "soon", not a positive duration',
    ],
    [
      'an unknown tier',
      { 'disaster-recovery/tier': '7' },
      'tier',
      'invalid',
      'disaster-recovery/tier is "7", which is not a configured tier ("1", "2", "3")',
    ],
    [
      'an unknown tier (RTO follows)',
      { 'disaster-recovery/tier': '7' },
      'rtoMs',
      'invalid',
      'No RTO: disaster-recovery/tier is "7"',
    ],
    [
      'no tier',
      { 'disaster-recovery/tier': ' ' },
      'tier',
      'missing',
      'No disaster-recovery/tier annotation',
    ],
    [
      'an unknown pattern',
      { 'disaster-recovery/pattern': 'warm' },
      'pattern',
      'invalid',
      'not one of cloud-native, hot-warm, hot-cold, hot-hot',
    ],
    [
      'no pattern',
      {},
      'pattern',
      'missing',
      'No disaster-recovery/pattern annotation',
    ],
    [
      'a runbook that is not a URL',
      { 'disaster-recovery/runbook': 'wiki page' },
      'runbookUrl',
      'invalid',
      'not a URL',
    ],
    [
      'a non-http runbook',
      { 'disaster-recovery/runbook': 'ftp://x/y' },
      'runbookUrl',
      'invalid',
      'not an http(s) URL',
    ],
  ] as const)(
    '%s is unresolved with the reason',
    (_case, annotations, field, problem, reason) => {
      const resolved = resolveEntityPolicy(
        component(annotations),
        DEFAULT_TIER_POLICIES,
      )[field];
      expect(resolved.ok).toBe(false);
      expect(resolved).toMatchObject({ problem });
      expect(!resolved.ok && resolved.reason).toContain(reason);
    },
  );
});
