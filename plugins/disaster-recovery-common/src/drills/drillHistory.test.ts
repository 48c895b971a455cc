import { completeDrillEvidence } from '../__testUtils__/fixtures';
import type { DrillRecord } from './drillRecord';
import { drillHistory, type HistoryDrill } from './drillHistory';
import type { VeleroRestoreTest } from './veleroRestoreTests';

const drill = (
  endedAt: string,
  change: Partial<HistoryDrill> = {},
): HistoryDrill => ({
  kind: 'dr-drill',
  entityRefs: ['component:default/payments'],
  startedAt: '2025-06-01T09:00:00Z',
  endedAt,
  outcome: 'succeeded',
  achievedRtoMs: 3_600_000,
  achievedRpoMs: 900_000,
  evidence: completeDrillEvidence(),
  ...change,
});

const restoreTest = (
  completedAt: string | undefined,
  succeeded: boolean,
  change: Partial<VeleroRestoreTest> = {},
): VeleroRestoreTest => ({
  restore: { cluster: 'prod', namespace: 'velero', name: `r-${completedAt}` },
  backupName: 'hourly-1',
  because: 'another-namespace',
  countsAsTest: true,
  succeeded,
  phase: succeeded ? 'Completed' : 'PartiallyFailed',
  reasons: succeeded ? [] : ['it ended PartiallyFailed'],
  errors: 0,
  itemsRestored: 12,
  completedAt,
  durationMs: 600_000,
  restoredPointAgeMs: 900_000,
  ...change,
});

const linkTo = (test: VeleroRestoreTest): Partial<DrillRecord> => ({
  kind: 'restore-test',
  evidence: completeDrillEvidence({ veleroRestore: test.restore }),
});

describe('drillHistory', () => {
  it('merges recorded drills and detected restores newest first, unfinished last', () => {
    const history = drillHistory(
      [drill('2025-06-03T10:00:00Z'), drill('2025-06-01T10:00:00Z')],
      [
        restoreTest(undefined, false),
        restoreTest('2025-06-02T10:00:00Z', false),
      ],
    );
    expect(history.map(e => [e.source, e.endedAt])).toEqual([
      ['recorded', '2025-06-03T10:00:00Z'],
      ['velero', '2025-06-02T10:00:00Z'],
      ['recorded', '2025-06-01T10:00:00Z'],
      ['velero', undefined],
    ]);
    expect(history[1]).toMatchObject({
      kind: 'restore-test',
      succeeded: false,
      reasons: ['it ended PartiallyFailed'],
      restoreDurationMs: 600_000,
    });
  });

  it('never takes a restore’s duration for an achieved RTO', () => {
    const [entry] = drillHistory(
      [],
      [restoreTest('2025-06-02T10:00:00Z', true)],
    );
    expect(entry.achievedRtoMs).toBeUndefined();
    expect(entry.restoreDurationMs).toBe(600_000);
  });

  it('counts a recorded drill by its effective outcome', () => {
    const [entry] = drillHistory(
      [
        drill('2025-06-03T10:00:00Z', {
          evidence: completeDrillEvidence({
            manualStepsNotInRunbook: ['restarted the operator by hand'],
          }),
        }),
      ],
      [],
    );
    expect(entry).toMatchObject({
      succeeded: false,
      outcome: 'failed',
      achievedRtoMs: 3_600_000,
    });
    expect(entry.reasons[0]).toContain('restarted the operator by hand');
  });

  it.each<[string, Partial<HistoryDrill>, object]>([
    [
      'active',
      {},
      { state: 'active', counts: true, succeeded: true, reasons: [] },
    ],
    [
      'voided',
      {
        voided: {
          at: '2025-06-04T00:00:00Z',
          by: 'user:default/ana',
          reason: 'recorded for the wrong service',
        },
      },
      {
        state: 'voided',
        counts: false,
        succeeded: false,
        reasons: ['it was voided: recorded for the wrong service'],
      },
    ],
    [
      'superseded',
      { supersededBy: 'd-2' },
      {
        state: 'superseded',
        counts: false,
        succeeded: false,
        reasons: ['it was superseded by a corrected record'],
      },
    ],
    [
      'incomplete',
      { achievedRtoMs: undefined },
      {
        state: 'active',
        counts: true,
        succeeded: false,
        outcome: 'incomplete',
        missingEvidence: ['achievedRto'],
      },
    ],
  ])('shows a %s drill', (_case, change, expected) => {
    const [entry] = drillHistory([drill('2025-06-03T10:00:00Z', change)], []);
    expect(entry).toMatchObject(expected);
  });

  it.each<[string, string, boolean, string[]]>([
    ['ending at now', '2025-06-10T12:00:00.000Z', true, []],
    [
      'ending a second after now',
      '2025-06-10T12:00:01.000Z',
      false,
      ['it is dated in the future (ending 2025-06-10T12:00:01.000Z)'],
    ],
  ])('counts a drill %s', (_case, endedAt, counts, reasons) => {
    const [entry] = drillHistory([drill(endedAt)], [], {
      now: new Date('2025-06-10T12:00:00Z'),
    });
    expect(entry).toMatchObject({ counts, reasons });
  });

  it('derives the achieved RPO when none was recorded', () => {
    const [entry] = drillHistory(
      [drill('2025-06-03T10:00:00Z', { achievedRpoMs: undefined })],
      [],
    );
    expect(entry.achievedRpoMs).toBe(300_000);
  });

  it('shows the Velero restore a drill ran as part of it, and not on its own', () => {
    const test = restoreTest('2025-06-02T10:00:00Z', true);
    const history = drillHistory(
      [drill('2025-06-02T11:00:00Z', linkTo(test))],
      [test],
    );
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      source: 'recorded',
      succeeded: true,
      achievedRtoMs: 3_600_000,
      restoreDurationMs: 600_000,
      restoreTest: test,
    });
  });

  it('completes a restore that does not say what it restored with the recorded inventory', () => {
    const test = restoreTest('2025-06-02T10:00:00Z', false, {
      phase: 'Completed',
      itemsRestored: undefined,
      reasons: ['its status does not say how many items it restored'],
    });
    const [entry] = drillHistory(
      [drill('2025-06-02T11:00:00Z', linkTo(test))],
      [test],
    );
    expect(entry.succeeded).toBe(true);
  });

  it.each<[string, Partial<VeleroRestoreTest>, string]>([
    [
      'failed',
      { phase: 'PartiallyFailed' },
      'its Velero restore ended PartiallyFailed',
    ],
    [
      'completed with errors',
      { phase: 'Completed', errors: 3 },
      'its Velero restore completed with 3 errors',
    ],
    [
      'restored PVCs without data',
      {
        phase: 'Completed',
        countsAsTest: false,
        reasons: [
          'it restored PVCs without their pods from a file-system backup',
        ],
      },
      'it restored PVCs without their pods from a file-system backup',
    ],
  ])('fails a drill whose Velero restore %s', (_case, change, reason) => {
    const test = restoreTest('2025-06-02T10:00:00Z', false, change);
    const [entry] = drillHistory(
      [drill('2025-06-02T11:00:00Z', linkTo(test))],
      [test],
    );
    expect(entry).toMatchObject({ succeeded: false, outcome: 'failed' });
    expect(entry.reasons).toContain(reason);
  });

  it('lets a restore count on its own again once the drill that ran it is voided', () => {
    const test = restoreTest('2025-06-02T10:00:00Z', true);
    const history = drillHistory(
      [
        drill('2025-06-02T11:00:00Z', {
          ...linkTo(test),
          voided: {
            at: '2025-06-03T00:00:00Z',
            by: 'user:default/a',
            reason: 'typo',
          },
        }),
      ],
      [test],
    );
    expect(history.map(e => [e.source, e.counts])).toEqual([
      ['recorded', false],
      ['velero', true],
    ]);
  });

  it('shows a restore into production with its warning, never counting it', () => {
    const [entry] = drillHistory(
      [],
      [
        restoreTest('2025-06-02T10:00:00Z', false, {
          because: 'restore-into-production',
          countsAsTest: false,
          warning: 'restored into production',
        }),
      ],
    );
    expect(entry).toMatchObject({
      counts: false,
      succeeded: false,
      warnings: ['restored into production'],
    });
  });
});
