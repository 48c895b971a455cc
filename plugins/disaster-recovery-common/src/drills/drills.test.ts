import {
  backup,
  minutesAgo,
  restore,
  schedule,
} from '../__testUtils__/fixtures';
import { drillRecordSchema, type DrillRecord } from './drillRecord';
import { effectiveDrillOutcome } from './effectiveDrillOutcome';
import { findVeleroRestoreTests } from './veleroRestoreTests';

const drill: DrillRecord = {
  kind: 'restore-test',
  entityRefs: ['component:default/payments'],
  startedAt: '2025-06-10T09:00:00Z',
  endedAt: '2025-06-10T10:30:00Z',
  outcome: 'succeeded',
  achievedRtoMs: 5_400_000,
  evidence: { manualStepsNotInRunbook: [] },
};

describe('drillRecordSchema', () => {
  it('accepts a drill and defaults the manual steps', () => {
    const { evidence, ...rest } = drill;
    expect(drillRecordSchema.parse({ ...rest, evidence: {} })).toEqual(drill);
  });

  it.each([
    ['an unknown kind', { kind: 'tabletop' }, 'kind'],
    ['no entity', { entityRefs: [] }, 'entityRefs'],
    ['a bad time', { startedAt: 'yesterday' }, 'startedAt'],
    ['an end before the start', { endedAt: '2025-06-10T08:00:00Z' }, 'endedAt'],
    ['a negative RTO', { achievedRtoMs: -1 }, 'achievedRtoMs'],
    ['an unknown field', { colour: 'red' }, ''],
    ['a non-http runbook', { runbookUrl: 'file:///etc/passwd' }, 'runbookUrl'],
  ])('rejects %s', (_case, change, path) => {
    const result = drillRecordSchema.safeParse({ ...drill, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join('.')).toBe(path);
  });
});

describe('effectiveDrillOutcome', () => {
  it.each([
    ['a clean success', {}, 'succeeded', []],
    [
      'a reported failure',
      { outcome: 'failed' as const },
      'failed',
      ['it was reported as failed'],
    ],
    [
      'a success with a manual step not in the runbook',
      { evidence: { manualStepsNotInRunbook: ['re-created the DNS record'] } },
      'failed',
      ['1 manual step was not in the runbook (re-created the DNS record)'],
    ],
    [
      'a failed health check',
      {
        evidence: {
          manualStepsNotInRunbook: [],
          healthChecks: [{ name: 'checkout', passed: false }],
        },
      },
      'failed',
      ['health check "checkout" failed'],
    ],
    [
      'a failed reconciliation',
      {
        evidence: {
          manualStepsNotInRunbook: [],
          reconciliation: { passed: false },
        },
      },
      'failed',
      ['reconciliation failed'],
    ],
    [
      'a failed version check',
      {
        evidence: {
          manualStepsNotInRunbook: [],
          objectVersionCheck: { passed: false },
        },
      },
      'failed',
      ['the object version check failed'],
    ],
    [
      'missing objects',
      {
        evidence: {
          manualStepsNotInRunbook: [],
          namespaceInventory: [
            { namespace: 'payments', expectedObjects: 40, restoredObjects: 38 },
          ],
        },
      },
      'failed',
      ['namespace payments came back with 38 of 40 objects'],
    ],
  ])('%s → %s', (_case, change, outcome, reasons) => {
    expect(effectiveDrillOutcome({ ...drill, ...change })).toEqual({
      outcome,
      reasons,
    });
  });
});

describe('findVeleroRestoreTests', () => {
  it.each([
    ['into another namespace', restore(), 'another-namespace', true],
    [
      'over the source namespace',
      restore({ namespaceMapping: {} }),
      undefined,
      undefined,
    ],
    [
      'over the source, labelled as a drill',
      restore({
        namespaceMapping: {},
        labels: { 'disaster-recovery/drill': 'true' },
      }),
      'drill-label',
      true,
    ],
    [
      'in the DR cluster',
      restore({ cluster: 'dr', namespaceMapping: {} }),
      'another-cluster',
      true,
    ],
    [
      'partially failed',
      restore({ phase: 'PartiallyFailed' }),
      'another-namespace',
      false,
    ],
    ['still running', restore({ phase: 'InProgress' }), undefined, undefined],
    [
      'of a backup that does not cover the entity',
      restore({ backupName: 'orders-1' }),
      undefined,
      undefined,
    ],
  ])('a restore %s', (_case, record, because, succeeded) => {
    const tests = findVeleroRestoreTests([record], [backup()]);
    expect(tests[0]?.because).toBe(because);
    expect(tests[0]?.succeeded).toBe(succeeded);
  });

  it.each([
    ['named after a covering schedule', {}, 'another-cluster'],
    [
      'restored by schedule name',
      {
        backupName: 'payments-hourly-20250604060000',
        scheduleName: 'payments-hourly',
      },
      'another-cluster',
    ],
    [
      'of another schedule',
      { backupName: 'orders-hourly-20250604060000' },
      undefined,
    ],
    [
      'not named like a scheduled backup',
      { backupName: 'payments-hourly-manual' },
      undefined,
    ],
  ])('a restore of an expired backup %s', (_case, change, because) => {
    const record = restore({
      cluster: 'dr',
      namespaceMapping: {},
      backupName: 'payments-hourly-20250604060000',
      ...change,
    });
    const tests = findVeleroRestoreTests([record], [], [schedule()]);
    expect(tests[0]?.because).toBe(because);
    expect(tests[0]?.restoredPointAgeMs).toBeUndefined();
  });

  it('measures the restore and the age of the restored point', () => {
    const [test] = findVeleroRestoreTests(
      [restore({ startedAt: minutesAgo(8), completedAt: minutesAgo(2) })],
      [backup({ completedAt: minutesAgo(68) })],
    );
    expect(test.durationMs).toBe(6 * 60_000);
    expect(test.restoredPointAgeMs).toBe(60 * 60_000);
  });
});
