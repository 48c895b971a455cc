import type { DrillRecord } from './drillRecord';
import { drillHistory } from './drillHistory';
import type { VeleroRestoreTest } from './veleroRestoreTests';

const drill = (endedAt: string, manualSteps: string[] = []): DrillRecord => ({
  kind: 'dr-drill',
  entityRefs: ['component:default/payments'],
  startedAt: '2025-06-01T09:00:00Z',
  endedAt,
  outcome: 'succeeded',
  achievedRtoMs: 3_600_000,
  evidence: { manualStepsNotInRunbook: manualSteps },
});

const restoreTest = (
  completedAt: string | undefined,
  succeeded: boolean,
): VeleroRestoreTest => ({
  restore: { cluster: 'prod', namespace: 'velero', name: `r-${completedAt}` },
  backupName: 'hourly-1',
  because: 'another-namespace',
  succeeded,
  phase: succeeded ? 'Completed' : 'PartiallyFailed',
  completedAt,
  durationMs: 600_000,
  restoredPointAgeMs: 900_000,
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
      achievedRtoMs: 600_000,
      achievedRpoMs: 900_000,
    });
  });

  it('counts a recorded drill by its effective outcome', () => {
    const [entry] = drillHistory(
      [drill('2025-06-03T10:00:00Z', ['restarted the operator by hand'])],
      [],
    );
    expect(entry).toMatchObject({ succeeded: false, achievedRtoMs: 3_600_000 });
    expect(entry.reasons[0]).toContain('restarted the operator by hand');
  });
});
