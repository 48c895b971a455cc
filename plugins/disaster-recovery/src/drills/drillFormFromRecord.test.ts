import type { RecordedDrill } from '@dr-posture/plugin-disaster-recovery-common';
import { drillRecordFromForm } from './drillForm';
import { drillFormFromRecord } from './drillFormFromRecord';

const ENTITY = 'component:default/payments';

const recorded: RecordedDrill = {
  id: 'drill-1',
  kind: 'restore-test',
  entityRefs: [ENTITY, 'component:default/ledger'],
  startedAt: '2025-06-10T08:00:00.000Z',
  endedAt: '2025-06-10T10:30:15.000Z',
  outcome: 'succeeded',
  achievedRtoMs: 9_000_000,
  achievedRpoMs: 0,
  coversWholeService: true,
  runbookUrl: 'https://runbooks.example/payments',
  performedBy: 'group:default/team-payments',
  evidence: {
    backup: { name: 'nightly', createdAt: '2025-06-10T00:00:00.000Z' },
    restoreTargetTime: '2025-06-10T01:00:00.000Z',
    veleroRestore: { cluster: 'dr-eu', namespace: 'velero', name: 'r1' },
    database: {
      cluster: { cluster: 'dr-eu', namespace: 'payments', name: 'pg' },
      checkpoint: '0/3000060',
      walEnd: '000000010000000000000003',
      lastArchivedWalAt: '2025-06-10T00:59:00.000Z',
    },
    namespaceInventory: [
      { namespace: 'payments', expectedObjects: 12, restoredObjects: 12 },
    ],
    healthChecks: [{ name: 'pods ready', passed: true }],
    applicationHealthChecks: [
      { name: 'checkout', passed: false, details: 'HTTP 500' },
    ],
    reconciliation: { passed: true },
    objectVersionCheck: { passed: true, details: 'images match' },
    manualStepsNotInRunbook: ['rotate password'],
    links: [
      { type: 'runbook-change', url: 'https://git.example/pr/1', title: 'PR' },
    ],
    notes: 'Fine.',
  },
  recordedBy: 'user:default/alice',
  recordedAt: '2025-06-10T11:00:00.000Z',
  state: 'active',
  effectiveOutcome: { outcome: 'failed', reasons: [], missingEvidence: [] },
  warnings: [],
};

describe('drillFormFromRecord', () => {
  it.each(['UTC', 'Europe/Berlin', 'Asia/Kolkata'])(
    'fills the form so that it records the same drill again (%s)',
    timeZone => {
      const values = drillFormFromRecord(recorded, ENTITY, timeZone);
      const {
        id,
        recordedBy,
        recordedAt,
        state,
        effectiveOutcome,
        warnings,
        ...drill
      } = recorded;

      expect(values.otherEntityRefs).toEqual(['component:default/ledger']);
      expect(
        drillRecordFromForm(values, ENTITY, new Date('2025-06-11T00:00:00Z')),
      ).toEqual({ drill });
    },
  );

  it('shows the times in the chosen zone', () => {
    expect(
      drillFormFromRecord(recorded, ENTITY, 'Europe/Berlin'),
    ).toMatchObject({
      startedAt: '2025-06-10T10:00',
      endedAt: '2025-06-10T12:30:15',
    });
  });
});
