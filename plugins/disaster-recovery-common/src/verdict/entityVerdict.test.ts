import { CHECK_IDS } from '../checks/registry';
import type { Check, CheckStatus, EvidenceValue } from '../checks/types';
import type { EntityPolicy, Resolved } from '../policy';
import { DEFAULT_TIER_POLICIES } from '../policy';
import {
  checkNextActionOf,
  checksWorstFirst,
  entityVerdictOf,
  verdictInputOf,
  type EntityVerdictInput,
  type RecoveryTimeProof,
  type VerdictAnswer,
} from './entityVerdict';
import {
  CHECK_FIXES,
  CONTRIBUTED_CHECK_ACTION,
  UNKNOWN_CHECK_ACTION,
} from './nextActions';
import { VERDICT_REASON_PRIORITY } from './reasonPriority';

const HOUR = 3_600_000;
const RUNBOOK = 'https://runbooks.example.com/payments';
const NO_RECOVERY_POINT_CHECK =
  'No check judges a recovery point of this entity: no Velero backup or CloudNativePG database is mapped to it.';

function check(
  id: string,
  status: CheckStatus,
  values: Record<string, EvidenceValue> = {},
): Check {
  return {
    id,
    title: `Title of ${id}`,
    status,
    summary: `${id} is ${status}`,
    evidence: { refs: [], values },
  };
}

const resolved = <T>(value: T): Resolved<T> => ({
  ok: true,
  value,
  source: 'tier',
});
const missing = (reason: string): Resolved<never> => ({
  ok: false,
  problem: 'missing',
  reason,
});

type Policy = EntityVerdictInput['policy'];

function policy(overrides: Partial<Policy> = {}): Policy {
  return {
    tier: resolved(DEFAULT_TIER_POLICIES[1]),
    rpoMs: resolved(HOUR),
    rtoMs: resolved(4 * HOUR),
    runbookUrl: resolved(RUNBOOK),
    ...overrides,
  };
}

function verdictOf(checks: Check[], overrides: Partial<Policy> = {}) {
  return entityVerdictOf({
    checks,
    policy: policy(overrides),
    lastCleanBackupAt: '2025-06-11T11:00:00Z',
  });
}

describe('entityVerdictOf: recoverable within the RPO', () => {
  it.each<[string, Check[], VerdictAnswer, string | undefined, string]>([
    [
      'no recovery-point check applies',
      [],
      'unknown',
      undefined,
      NO_RECOVERY_POINT_CHECK,
    ],
    [
      'only other checks',
      [check('schedule-active', 'pass')],
      'unknown',
      undefined,
      NO_RECOVERY_POINT_CHECK,
    ],
    [
      'backup freshness passes',
      [check('backup-freshness', 'pass')],
      'yes',
      'backup-freshness',
      'backup-freshness is pass',
    ],
    [
      'backup freshness warns (close to the RPO, still within it)',
      [check('backup-freshness', 'warn')],
      'yes',
      'backup-freshness',
      'backup-freshness is warn',
    ],
    [
      'backup freshness fails',
      [check('backup-freshness', 'fail')],
      'no',
      'backup-freshness',
      'backup-freshness is fail',
    ],
    [
      'backup freshness is unknown',
      [check('backup-freshness', 'unknown')],
      'unknown',
      'backup-freshness',
      'backup-freshness is unknown',
    ],
    [
      'a PostgreSQL-only entity whose WAL age warns',
      [check('postgres-wal-age', 'warn')],
      'yes',
      'postgres-wal-age',
      'postgres-wal-age is warn',
    ],
    [
      'fresh backups but a WAL age nobody can judge',
      [check('backup-freshness', 'pass'), check('postgres-wal-age', 'unknown')],
      'unknown',
      'postgres-wal-age',
      'postgres-wal-age is unknown',
    ],
    [
      'fresh backups but WAL archiving stopped past the RPO',
      [check('backup-freshness', 'pass'), check('postgres-wal-age', 'fail')],
      'no',
      'postgres-wal-age',
      'postgres-wal-age is fail',
    ],
    [
      'one failure outweighs an unknown',
      [check('backup-freshness', 'unknown'), check('postgres-wal-age', 'fail')],
      'no',
      'postgres-wal-age',
      'postgres-wal-age is fail',
    ],
    [
      'a failing schedule does not decide the recovery point',
      [check('backup-freshness', 'pass'), check('schedule-active', 'fail')],
      'yes',
      'backup-freshness',
      'backup-freshness is pass',
    ],
  ])('%s → %s', (_case, checks, answer, checkId, reason) => {
    const { recoveryPoint } = verdictOf(checks);
    expect(recoveryPoint.answer).toBe(answer);
    expect(recoveryPoint.checkId).toBe(checkId);
    expect(recoveryPoint.reason).toBe(reason);
    expect(recoveryPoint.rpoMs).toBe(HOUR);
    expect(recoveryPoint.lastCleanPointAt).toBe('2025-06-11T11:00:00Z');
  });

  it('never answers yes on an RPO nobody can read', () => {
    const { recoveryPoint } = verdictOf([check('backup-freshness', 'pass')], {
      rpoMs: missing('No RPO: no tier declared.'),
    });
    expect(recoveryPoint).toMatchObject({
      answer: 'unknown',
      reason: 'No RPO: no tier declared.',
      rpoMs: undefined,
    });
  });
});

const metValues = {
  metRto: true,
  metRpo: true,
  rtoDrillKind: 'dr-drill',
  rtoDrillEndedAt: '2025-06-01T10:00:00.000Z',
  rtoDrillAchievedRtoMs: HOUR,
};

describe('entityVerdictOf: RTO proven', () => {
  it.each<
    [string, Check[], Partial<Policy>, VerdictAnswer, RecoveryTimeProof, string]
  >([
    [
      'no drill-objectives check',
      [],
      {},
      'unknown',
      'unknown',
      'Drill objectives were not judged for this entity.',
    ],
    [
      'no drill policy without a tier',
      [check('drill-objectives', 'unknown')],
      { tier: missing('No tier declared.') },
      'unknown',
      'unknown',
      'drill-objectives is unknown',
    ],
    [
      'an unreadable RTO target',
      [check('drill-objectives', 'unknown', { ...metValues, metRto: null })],
      { rtoMs: missing('disaster-recovery/rto "soon" is not a duration.') },
      'unknown',
      'unknown',
      'disaster-recovery/rto "soon" is not a duration.',
    ],
    [
      'met by a drill',
      [check('drill-objectives', 'pass', metValues)],
      {},
      'yes',
      'met',
      'A drill achieved an RTO of 1 h against the 4 h target.',
    ],
    [
      'met, with the RPO not measured (the check itself is unknown)',
      [check('drill-objectives', 'unknown', { ...metValues, metRpo: null })],
      {},
      'yes',
      'met',
      'A drill achieved an RTO of 1 h against the 4 h target.',
    ],
    [
      'met, on a posture evaluated before the check named its drill',
      [check('drill-objectives', 'pass', { metRto: true, metRpo: true })],
      {},
      'yes',
      'met',
      'drill-objectives is pass',
    ],
    [
      'missed',
      [
        check('drill-objectives', 'fail', {
          ...metValues,
          metRto: false,
          rtoDrillAchievedRtoMs: 5 * HOUR,
        }),
      ],
      {},
      'no',
      'missed',
      'drill-objectives is fail',
    ],
    [
      'met, but the RPO missed',
      [check('drill-objectives', 'fail', { ...metValues, metRpo: false })],
      {},
      'yes',
      'met',
      'A drill achieved an RTO of 1 h against the 4 h target.',
    ],
    [
      'no drill measured it',
      [check('drill-objectives', 'unknown')],
      {},
      'no',
      'not-measured',
      'drill-objectives is unknown',
    ],
    [
      'only the RPO measured',
      [
        check('drill-objectives', 'unknown', {
          metRto: null,
          metRpo: true,
          rtoDrillKind: null,
          rtoDrillEndedAt: null,
          rtoDrillAchievedRtoMs: null,
        }),
      ],
      {},
      'no',
      'not-measured',
      'drill-objectives is unknown',
    ],
  ])('%s → %s (%s)', (_case, checks, overrides, answer, proof, reason) => {
    const { recoveryTime } = verdictOf(checks, overrides);
    expect(recoveryTime).toMatchObject({ answer, proof, reason });
  });

  it('names the drill that met or missed the RTO', () => {
    expect(
      verdictOf([check('drill-objectives', 'pass', metValues)]).recoveryTime,
    ).toMatchObject({
      rtoMs: 4 * HOUR,
      drill: {
        kind: 'dr-drill',
        endedAt: '2025-06-01T10:00:00.000Z',
        achievedRtoMs: HOUR,
      },
    });
    expect(
      verdictOf([
        check('drill-objectives', 'fail', {
          ...metValues,
          metRto: false,
          rtoDrillKind: 'failover-drill',
          rtoDrillAchievedRtoMs: 5 * HOUR,
        }),
      ]).recoveryTime.drill,
    ).toEqual({
      kind: 'failover-drill',
      endedAt: '2025-06-01T10:00:00.000Z',
      achievedRtoMs: 5 * HOUR,
    });
  });
});

describe('entityVerdictOf: top reason', () => {
  it.each<[string, Check[], string | undefined]>([
    ['every check passes', [check('backup-freshness', 'pass')], undefined],
    [
      'a failure before a warning, whatever the priority',
      [check('backup-freshness', 'warn'), check('runbook', 'fail')],
      'runbook',
    ],
    [
      'a warning before an unknown',
      [
        check('backup-freshness', 'unknown'),
        check('probes-and-resources', 'warn'),
      ],
      'probes-and-resources',
    ],
    [
      'the recovery point before the schedules',
      [check('schedule-active', 'fail'), check('backup-freshness', 'fail')],
      'backup-freshness',
    ],
    [
      'an undeclared tier before everything it keeps from being judged',
      [check('backup-freshness', 'fail'), check('tier-declared', 'fail')],
      'tier-declared',
    ],
    [
      'the RTO proof before the copies',
      [check('copies-3-2-1', 'fail'), check('drill-objectives', 'fail')],
      'drill-objectives',
    ],
    [
      'built-in checks before contributed ones',
      [check('acme-encryption', 'fail'), check('runbook', 'fail')],
      'runbook',
    ],
    [
      'contributed checks in report order',
      [
        check('runbook', 'pass'),
        check('acme-encryption', 'fail'),
        check('acme-immutability', 'fail'),
      ],
      'acme-encryption',
    ],
  ])('%s → %s', (_case, checks, expected) => {
    const verdict = verdictOf(checks);
    expect(verdict.topReason?.id).toBe(expected);
    expect(verdict.nextAction?.checkId).toBe(expected);
  });

  it('carries the check as the posture says it', () => {
    expect(verdictOf([check('storage-location', 'warn')]).topReason).toEqual({
      id: 'storage-location',
      title: 'Title of storage-location',
      status: 'warn',
      summary: 'storage-location is warn',
    });
  });

  it('orders every check worst first, then by priority, passes last', () => {
    expect(
      checksWorstFirst([
        check('runbook', 'pass'),
        check('acme-encryption', 'warn'),
        check('schedule-active', 'unknown'),
        check('retention', 'warn'),
        check('backup-freshness', 'pass'),
        check('storage-location', 'fail'),
        check('tier-declared', 'unknown'),
      ]).map(c => `${c.id}:${c.status}`),
    ).toEqual([
      'storage-location:fail',
      'retention:warn',
      'acme-encryption:warn',
      'tier-declared:unknown',
      'schedule-active:unknown',
      'backup-freshness:pass',
      'runbook:pass',
    ]);
  });

  it('ranks every built-in check exactly once', () => {
    expect([...VERDICT_REASON_PRIORITY].sort()).toEqual([...CHECK_IDS].sort());
  });
});

describe('entityVerdictOf: next action', () => {
  it.each<[string, Check, string]>([
    [
      'a failing check: its fix',
      check('schedule-active', 'fail'),
      CHECK_FIXES['schedule-active'],
    ],
    [
      'a warning check: its fix',
      check('storage-location', 'warn'),
      CHECK_FIXES['storage-location'],
    ],
    [
      'an unknown check: supply what it lacks',
      check('backup-freshness', 'unknown'),
      UNKNOWN_CHECK_ACTION,
    ],
    [
      'drill objectives unknown until a drill measures them: its fix',
      check('drill-objectives', 'unknown'),
      CHECK_FIXES['drill-objectives'],
    ],
    [
      'a contributed check',
      check('acme-encryption', 'fail'),
      CONTRIBUTED_CHECK_ACTION,
    ],
    [
      'an unknown contributed check',
      check('acme-encryption', 'unknown'),
      UNKNOWN_CHECK_ACTION,
    ],
  ])('%s', (_case, top, text) => {
    expect(verdictOf([top]).nextAction).toEqual({
      checkId: top.id,
      text,
      runbookUrl: RUNBOOK,
    });
  });

  it('gives the same action for any check that does not pass', () => {
    expect(checkNextActionOf(check('retention', 'warn'), policy())).toEqual({
      checkId: 'retention',
      text: CHECK_FIXES.retention,
      runbookUrl: RUNBOOK,
    });
  });

  it('links no runbook the entity does not declare', () => {
    expect(
      verdictOf([check('runbook', 'fail')], {
        runbookUrl: missing('No runbook.'),
      }).nextAction,
    ).toEqual({ checkId: 'runbook', text: CHECK_FIXES.runbook });
  });
});

describe('entityVerdictOf: counts', () => {
  it('counts the checks of each status', () => {
    expect(
      verdictOf([
        check('backup-freshness', 'pass'),
        check('schedule-active', 'pass'),
        check('runbook', 'fail'),
        check('drill-objectives', 'unknown'),
      ]).counts,
    ).toEqual({ pass: 2, warn: 0, fail: 1, unknown: 1 });
  });
});

describe('verdictInputOf', () => {
  it('reads the checks, policy and recovery point of a posture response', () => {
    const checks = [check('backup-freshness', 'pass')];
    const entityPolicy = { ...policy(), pattern: missing('No pattern.') };
    expect(
      verdictInputOf({
        posture: {
          entityRef: 'component:default/payments',
          status: 'pass',
          checks,
        },
        policy: entityPolicy as EntityPolicy,
        summary: {
          entityRef: 'component:default/payments',
          kind: 'Component',
          namespace: 'default',
          name: 'payments',
          status: 'pass',
          failingChecks: [],
          lastCleanBackupAt: '2025-06-11T11:00:00Z',
          evaluatedAt: '2025-06-11T12:00:00Z',
        },
      }),
    ).toEqual({
      checks,
      policy: entityPolicy,
      lastCleanBackupAt: '2025-06-11T11:00:00Z',
    });
  });
});
