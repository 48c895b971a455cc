import {
  drillFormErrorsFromMessage,
  drillRecordFromForm,
  emptyDrillForm,
  type DrillFormValues,
} from './drillForm';

const ENTITY = 'component:default/payments';

function form(overrides: Partial<DrillFormValues>): DrillFormValues {
  return {
    ...emptyDrillForm(),
    startedAt: '2025-06-10T10:00',
    endedAt: '2025-06-10T12:30',
    ...overrides,
  };
}

describe('drillRecordFromForm', () => {
  it('builds a drill with the page entity first and durations in milliseconds', () => {
    const result = drillRecordFromForm(
      form({
        kind: 'dr-drill',
        otherEntityRefs: 'component:default/ledger\n\n',
        achievedRto: '2h30m',
        achievedRpo: '10m',
        backupName: 'payments-nightly',
        backupCreatedAt: '2025-06-10T02:00',
        healthChecks: [{ name: 'checkout', passed: true, details: '' }],
        reconciliation: { result: 'failed', details: '3 rows missing' },
        manualStepsNotInRunbook: 'rotate password\n',
      }),
      ENTITY,
    );

    expect(result).toEqual({
      drill: {
        kind: 'dr-drill',
        entityRefs: [ENTITY, 'component:default/ledger'],
        startedAt: new Date('2025-06-10T10:00').toISOString(),
        endedAt: new Date('2025-06-10T12:30').toISOString(),
        outcome: 'succeeded',
        achievedRtoMs: 9_000_000,
        achievedRpoMs: 600_000,
        evidence: {
          backup: {
            name: 'payments-nightly',
            createdAt: new Date('2025-06-10T02:00').toISOString(),
          },
          healthChecks: [{ name: 'checkout', passed: true }],
          reconciliation: { passed: false, details: '3 rows missing' },
          manualStepsNotInRunbook: ['rotate password'],
        },
      },
    });
  });

  it('puts schema problems on their fields', () => {
    const result = drillRecordFromForm(
      form({
        startedAt: '',
        endedAt: '2025-06-10T09:00',
        runbookUrl: 'ftp://runbooks',
        backupName: 'payments-nightly',
        healthChecks: [{ name: '', passed: false, details: '' }],
      }),
      ENTITY,
    );

    expect(result).toEqual({
      errors: {
        fields: {
          startedAt: expect.any(String),
          runbookUrl: expect.any(String),
          'evidence.backup.createdAt': expect.any(String),
          'evidence.healthChecks': expect.any(String),
        },
        general: [],
      },
    });
  });

  it('reports an end before the start on the end', () => {
    const result = drillRecordFromForm(
      form({ startedAt: '2025-06-10T12:00', endedAt: '2025-06-10T11:00' }),
      ENTITY,
    );

    expect(result).toEqual({
      errors: {
        fields: { endedAt: 'endedAt is before startedAt' },
        general: [],
      },
    });
  });

  it('rejects a duration it cannot read', () => {
    const result = drillRecordFromForm(
      form({ achievedRto: 'two hours' }),
      ENTITY,
    );

    expect(result).toEqual({
      errors: {
        fields: { achievedRtoMs: 'Write a duration such as 45m, 2h or 1h30m' },
        general: [],
      },
    });
  });
});

describe('drillFormErrorsFromMessage', () => {
  it('spreads a backend message over the fields it names', () => {
    expect(
      drillFormErrorsFromMessage(
        'Invalid drill: evidence.backup.createdAt: Invalid ISO datetime; endedAt: endedAt is before startedAt; evidence.healthChecks[0].name: Too small',
      ),
    ).toEqual({
      fields: {
        'evidence.backup.createdAt': 'Invalid ISO datetime',
        endedAt: 'endedAt is before startedAt',
        'evidence.healthChecks': 'Too small',
      },
      general: [],
    });
  });

  it('keeps what names no field', () => {
    expect(drillFormErrorsFromMessage('Request body is not JSON')).toEqual({
      fields: {},
      general: ['Request body is not JSON'],
    });
  });
});
