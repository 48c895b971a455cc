import { drillRecordFromForm, missingEvidenceInForm } from './drillForm';
import {
  emptyDrillForm,
  newHealthCheck,
  type DrillFormValues,
} from './drillFormValues';

const ENTITY = 'component:default/payments';
const NOW = new Date('2025-06-10T14:00:00Z');

function form(overrides: Partial<DrillFormValues>): DrillFormValues {
  return {
    ...emptyDrillForm('UTC'),
    startedAt: '2025-06-10T10:00',
    endedAt: '2025-06-10T12:30',
    ...overrides,
  };
}

function fieldErrors(values: DrillFormValues) {
  const result = drillRecordFromForm(values, ENTITY, NOW);
  return 'errors' in result ? result.errors.fields : {};
}

describe('drillRecordFromForm', () => {
  it('builds a drill with the page entity first, times in UTC and durations in milliseconds', () => {
    const result = drillRecordFromForm(
      form({
        kind: 'dr-drill',
        timeZone: 'Europe/Berlin',
        otherEntityRefs: ['component:default/ledger', ENTITY],
        performedBy: 'group:default/team-payments',
        achievedRto: '2h30m',
        achievedRpo: '10m',
        backupName: 'payments-nightly',
        backupCreatedAt: '2025-06-10T02:00',
        healthChecks: [
          { name: 'pods ready', result: 'passed', details: '' },
          { name: 'forgotten', result: 'not-checked', details: '' },
        ],
        applicationHealthChecks: [
          { name: 'checkout', result: 'failed', details: 'HTTP 500' },
        ],
        reconciliation: { result: 'failed', details: '3 rows missing' },
        manualStepsNotInRunbook: 'rotate password\n\n',
        links: [
          { type: 'ticket', url: 'https://tickets.example/DR-1', title: '' },
          { type: 'logs', url: ' ', title: ' ' },
        ],
        veleroRestore: 'dr-eu/velero/payments-restore',
      }),
      ENTITY,
      NOW,
    );

    expect(result).toEqual({
      drill: {
        kind: 'dr-drill',
        entityRefs: [ENTITY, 'component:default/ledger'],
        // Berlin is UTC+2 in June.
        startedAt: '2025-06-10T08:00:00.000Z',
        endedAt: '2025-06-10T10:30:00.000Z',
        outcome: 'succeeded',
        achievedRtoMs: 9_000_000,
        achievedRpoMs: 600_000,
        performedBy: 'group:default/team-payments',
        evidence: {
          backup: {
            name: 'payments-nightly',
            createdAt: '2025-06-10T00:00:00.000Z',
          },
          veleroRestore: {
            cluster: 'dr-eu',
            namespace: 'velero',
            name: 'payments-restore',
          },
          healthChecks: [{ name: 'pods ready', passed: true }],
          applicationHealthChecks: [
            { name: 'checkout', passed: false, details: 'HTTP 500' },
          ],
          reconciliation: { passed: false, details: '3 rows missing' },
          manualStepsNotInRunbook: ['rotate password'],
          links: [{ type: 'ticket', url: 'https://tickets.example/DR-1' }],
        },
      },
    });
  });

  it('records no verification and no health check nobody judged', () => {
    const result = drillRecordFromForm(
      form({ healthChecks: [{ ...newHealthCheck(), name: 'pods ready' }] }),
      ENTITY,
      NOW,
    );

    expect(result).toEqual({
      drill: expect.objectContaining({
        evidence: { manualStepsNotInRunbook: [] },
      }),
    });
  });

  it('marks a whole-service restore only for a restore test', () => {
    const build = (kind: DrillFormValues['kind']) =>
      drillRecordFromForm(
        form({ kind, coversWholeService: true }),
        ENTITY,
        NOW,
      );

    expect(build('restore-test')).toEqual({
      drill: expect.objectContaining({ coversWholeService: true }),
    });
    expect(build('dr-drill')).toEqual({
      drill: expect.not.objectContaining({ coversWholeService: true }),
    });
  });

  it.each<[string, Partial<DrillFormValues>, Record<string, string>]>([
    ['no start', { startedAt: '' }, { startedAt: 'Started is required' }],
    [
      'an end before the start',
      { startedAt: '2025-06-10T12:00', endedAt: '2025-06-10T11:00' },
      { endedAt: 'Ended is before startedAt' },
    ],
    ['an end exactly 5 minutes ahead', { endedAt: '2025-06-10T14:05' }, {}],
    [
      'an end 5 minutes and 1 second ahead',
      { endedAt: '2025-06-10T14:05:01' },
      { endedAt: 'Ended is more than 5 minutes in the future' },
    ],
    [
      'a start before 2000',
      { startedAt: '1999-12-31T23:59' },
      { startedAt: 'Started is before the year 2000' },
    ],
    [
      'an unreadable duration',
      { achievedRto: 'two hours' },
      { achievedRtoMs: 'Write a duration such as 45m, 2h or 1h30m' },
    ],
    [
      'an RTO of zero',
      { achievedRto: '0' },
      { achievedRtoMs: expect.stringMatching(/^Too small/) },
    ],
    ['an RTO of exactly a year', { achievedRto: '365d' }, {}],
    [
      'an RTO of a year and a millisecond',
      { achievedRto: '365d1ms' },
      { achievedRtoMs: expect.stringMatching(/^Too big/) },
    ],
    [
      'a runbook that is no web link',
      { runbookUrl: 'ftp://runbooks' },
      { runbookUrl: expect.any(String) },
    ],
    [
      'a backup without its creation time',
      { backupName: 'payments-nightly' },
      { 'evidence.backup.createdAt': expect.any(String) },
    ],
    [
      'a Velero restore not written as cluster/namespace/name',
      { veleroRestore: 'payments-restore' },
      { 'evidence.veleroRestore': 'Write it as cluster/namespace/name' },
    ],
    [
      'a judged health check without a name',
      {
        healthChecks: [
          newHealthCheck(),
          { name: '', result: 'passed', details: '' },
        ],
      },
      { 'evidence.healthChecks': 'Health check 2: needs a name' },
    ],
    [
      'a namespace count that is no whole number',
      {
        namespaceInventory: [
          { namespace: 'shop', expectedObjects: '12', restoredObjects: 'x' },
        ],
      },
      {
        'evidence.namespaceInventory':
          'Namespace 1: objects restored must be a whole number',
      },
    ],
    [
      'a link without a URL',
      { links: [{ type: 'logs', url: '', title: 'recording' }] },
      { 'evidence.links': 'Link 1: needs a URL' },
    ],
    [
      'a NUL character in the notes',
      { notes: 'fine\u0000' },
      {
        'evidence.notes':
          'Notes contains the control character U+0000, which is not allowed',
      },
    ],
  ])('puts %s on its field', (_, overrides, expected) => {
    expect(fieldErrors(form(overrides))).toEqual(expected);
  });

  it.each([
    [2000, {}],
    [2001, { 'evidence.notes': expect.stringMatching(/^Too big/) }],
  ])('takes notes of %i characters: %o', (length, expected) => {
    expect(fieldErrors(form({ notes: 'x'.repeat(length) }))).toEqual(expected);
  });

  it.each([
    [100, {}],
    [
      101,
      { 'evidence.manualStepsNotInRunbook': expect.stringMatching(/^Too big/) },
    ],
  ])('takes %i manual steps: %o', (count, expected) => {
    const steps = Array.from({ length: count }, (_, i) => `step ${i}`);
    expect(
      fieldErrors(form({ manualStepsNotInRunbook: steps.join('\n') })),
    ).toEqual(expected);
  });

  it('names the form row of a recorded check that is too long, not its place among the recorded ones', () => {
    const errors = fieldErrors(
      form({
        healthChecks: [
          { ...newHealthCheck(), name: 'not judged' },
          { name: 'pods', result: 'passed', details: 'x'.repeat(2001) },
        ],
      }),
    );

    expect(errors['evidence.healthChecks']).toMatch(
      /^Health check 2 details: Too big/,
    );
  });

  it.each([
    [49, {}],
    [50, { entityRefs: expect.stringMatching(/^Too big/) }],
  ])('takes %i other entities: %o', (count, expected) => {
    const others = Array.from(
      { length: count },
      (_, i) => `component:default/service-${i}`,
    );
    expect(fieldErrors(form({ otherEntityRefs: others }))).toEqual(expected);
  });
});

describe('missingEvidenceInForm', () => {
  it('lists what a succeeded restore test lacks, judged checks only', () => {
    expect(
      missingEvidenceInForm(
        form({
          backupName: 'nightly',
          backupCreatedAt: '2025-06-10T02:00',
          healthChecks: [{ ...newHealthCheck(), name: 'pods ready' }],
        }),
        ENTITY,
      ),
    ).toEqual([
      'restoreTargetTime',
      'namespaceInventory',
      'healthChecks',
      'achievedRto',
      'achievedRpo',
    ]);
  });

  it('counts an RPO derived from the restore target and the backup', () => {
    expect(
      missingEvidenceInForm(
        form({
          backupName: 'nightly',
          backupCreatedAt: '2025-06-10T02:00',
          restoreTargetTime: '2025-06-10T02:00',
        }),
        ENTITY,
      ),
    ).not.toContain('achievedRpo');
  });

  it('asks nothing of a drill reported as failed', () => {
    expect(missingEvidenceInForm(form({ outcome: 'failed' }), ENTITY)).toEqual(
      [],
    );
  });
});
