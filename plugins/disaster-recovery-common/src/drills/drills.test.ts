import {
  backup,
  completeDrillEvidence,
  minutesAgo,
  NOW,
  restore,
  schedule,
} from '../__testUtils__/fixtures';
import type { ClusterFacts } from '../environments';
import type { PodVolumeBackupRecord } from '../records';
import { controlCharacterProblems } from './controlCharacters';
import { achievedRpoOf, derivedRpoOf } from './derivedRpo';
import { drillRecordSchema, type DrillRecord } from './drillRecord';
import { effectiveDrillOutcome } from './effectiveDrillOutcome';
import { parseDrillRecord } from './parseDrillRecord';
import {
  DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
  missingDrillEvidence,
  readDrillEvidenceRequirements,
} from './requiredEvidence';
import { restoreTargetWarnings } from './restoreTargetWindow';
import { findVeleroRestoreTests } from './veleroRestoreTests';

const YEAR_MS = 365 * 86_400_000;

/** A restore test with everything its kind needs. */
const drill: DrillRecord = {
  kind: 'restore-test',
  entityRefs: ['component:default/payments'],
  startedAt: '2025-06-10T09:00:00Z',
  endedAt: '2025-06-10T10:30:00Z',
  outcome: 'succeeded',
  achievedRtoMs: 5_400_000,
  achievedRpoMs: 600_000,
  evidence: completeDrillEvidence(),
};

describe('drillRecordSchema', () => {
  it('accepts a drill and defaults the manual steps', () => {
    const { manualStepsNotInRunbook, ...evidence } = drill.evidence;
    expect(drillRecordSchema.parse({ ...drill, evidence })).toEqual(drill);
  });

  it.each([
    ['an unknown kind', { kind: 'tabletop' }, 'kind'],
    ['no entity', { entityRefs: [] }, 'entityRefs'],
    [
      '51 entities',
      { entityRefs: Array.from({ length: 51 }, (_, i) => `component:x${i}`) },
      'entityRefs',
    ],
    ['a bad time', { startedAt: 'yesterday' }, 'startedAt'],
    ['an RTO of 0', { achievedRtoMs: 0 }, 'achievedRtoMs'],
    ['an RTO over a year', { achievedRtoMs: YEAR_MS + 1 }, 'achievedRtoMs'],
    ['a negative RPO', { achievedRpoMs: -1 }, 'achievedRpoMs'],
    ['an RPO over a year', { achievedRpoMs: YEAR_MS + 1 }, 'achievedRpoMs'],
    ['an unknown field', { colour: 'red' }, ''],
    ['a non-http runbook', { runbookUrl: 'file:///etc/passwd' }, 'runbookUrl'],
    [
      'notes of 2,001 characters',
      { evidence: { ...drill.evidence, notes: 'x'.repeat(2001) } },
      'evidence.notes',
    ],
    [
      '101 manual steps',
      {
        evidence: {
          ...drill.evidence,
          manualStepsNotInRunbook: Array.from({ length: 101 }, () => 'step'),
        },
      },
      'evidence.manualStepsNotInRunbook',
    ],
    [
      'a link that is not http',
      {
        evidence: {
          ...drill.evidence,
          links: [{ type: 'logs', url: 'ftp://logs.example.com/drill.log' }],
        },
      },
      'evidence.links.0.url',
    ],
  ])('rejects %s', (_case, change, path) => {
    const result = drillRecordSchema.safeParse({ ...drill, ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0].path.join('.')).toBe(path);
  });

  it.each([
    ['an RPO of 0 (nothing lost)', { achievedRpoMs: 0 }],
    [
      'an RTO and RPO of exactly a year',
      { achievedRtoMs: YEAR_MS, achievedRpoMs: YEAR_MS },
    ],
    [
      'notes of exactly 2,000 characters',
      { evidence: { ...drill.evidence, notes: 'x'.repeat(2000) } },
    ],
    [
      '50 entities',
      { entityRefs: Array.from({ length: 50 }, (_, i) => `component:x${i}`) },
    ],
  ])('accepts %s', (_case, change) => {
    expect(drillRecordSchema.safeParse({ ...drill, ...change }).success).toBe(
      true,
    );
  });
});

describe('parseDrillRecord', () => {
  const now = new Date('2025-06-10T12:00:00Z');
  const fiveMinutesOn = '2025-06-10T12:05:00Z';
  const justAfter = '2025-06-10T12:05:01Z';

  it.each<[string, Partial<DrillRecord>, string[]]>([
    ['a plausible drill', {}, []],
    [
      'a start one second before the year 2000',
      { startedAt: '1999-12-31T23:59:59Z' },
      ['startedAt: is before the year 2000'],
    ],
    [
      'a start exactly at the year 2000',
      { startedAt: '2000-01-01T00:00:00Z' },
      [],
    ],
    ['an end exactly 5 minutes from now', { endedAt: fiveMinutesOn }, []],
    [
      'an end 5 minutes and a second from now',
      { endedAt: justAfter },
      ['endedAt: is more than 5 minutes in the future'],
    ],
    [
      'a drill in the year 9999',
      { startedAt: '9999-01-01T00:00:00Z', endedAt: '9999-01-02T00:00:00Z' },
      [
        'startedAt: is more than 5 minutes in the future',
        'endedAt: is more than 5 minutes in the future',
      ],
    ],
    [
      'an end before the start',
      { endedAt: '2025-06-10T08:59:59Z' },
      ['endedAt: is before startedAt'],
    ],
    ['an end equal to the start', { endedAt: '2025-06-10T09:00:00Z' }, []],
    [
      'a backup created in the future',
      {
        evidence: completeDrillEvidence({
          backup: { name: 'b', createdAt: justAfter },
        }),
      },
      ['evidence.backup.createdAt: is more than 5 minutes in the future'],
    ],
    [
      'a restore target before 2000',
      {
        evidence: completeDrillEvidence({
          restoreTargetTime: '1970-01-01T00:00:00Z',
        }),
      },
      ['evidence.restoreTargetTime: is before the year 2000'],
    ],
    [
      'a last archived WAL in the future',
      {
        evidence: completeDrillEvidence({
          database: { lastArchivedWalAt: justAfter },
        }),
      },
      [
        'evidence.database.lastArchivedWalAt: is more than 5 minutes in the future',
      ],
    ],
    [
      'a NUL in the notes',
      { evidence: completeDrillEvidence({ notes: 'ok\u0000' }) },
      [
        'evidence.notes: contains the control character U+0000, which is not allowed',
      ],
    ],
    [
      'a right-to-left override in a health check name',
      {
        evidence: completeDrillEvidence({
          healthChecks: [{ name: 'pods \u202Eydaer', passed: true }],
        }),
      },
      [
        'evidence.healthChecks.0.name: contains the control character U+202E, which is not allowed',
      ],
    ],
    [
      'a first-strong isolate in a manual step',
      {
        evidence: completeDrillEvidence({
          manualStepsNotInRunbook: ['\u2068restarted'],
        }),
      },
      [
        'evidence.manualStepsNotInRunbook.0: contains the control character U+2068, which is not allowed',
      ],
    ],
    [
      'tabs and newlines in the notes',
      { evidence: completeDrillEvidence({ notes: 'line 1\n\tline 2' }) },
      [],
    ],
  ])('%s', (_case, change, problems) => {
    const parsed = parseDrillRecord({ ...drill, ...change }, now);
    expect(
      parsed.ok ? [] : parsed.problems.map(p => `${p.field}: ${p.message}`),
    ).toEqual(problems);
  });

  it('names control characters and shape problems together', () => {
    const parsed = parseDrillRecord(
      { ...drill, kind: 'picnic', performedBy: 'user:default/\u0007bell' },
      now,
    );
    expect(parsed.ok ? [] : parsed.problems.map(p => p.field)).toEqual([
      'performedBy',
      'kind',
    ]);
  });
});

describe('controlCharacterProblems', () => {
  it.each([
    ['a carriage return', '\r', 'U+000D'],
    ['DEL', '\u007F', 'U+007F'],
    ['a C1 control', '\u0085', 'U+0085'],
    ['left-to-right embedding', '\u202A', 'U+202A'],
    ['pop directional isolate', '\u2069', 'U+2069'],
  ])('refuses %s', (_case, character, name) => {
    expect(controlCharacterProblems({ a: [`x${character}`] })).toEqual([
      {
        field: 'a.0',
        message: `contains the control character ${name}, which is not allowed`,
      },
    ]);
  });

  it.each([
    ['tab and newline', 'a\tb\nc'],
    ['emoji and accents', 'café ☕ 🚀'],
    ['a zero-width joiner', 'a\u200Db'],
  ])('accepts %s', (_case, text) => {
    expect(controlCharacterProblems(text)).toEqual([]);
  });
});

describe('effectiveDrillOutcome', () => {
  it.each<[string, Partial<DrillRecord>, string, string[]]>([
    ['a complete success', {}, 'succeeded', []],
    [
      'a reported failure',
      { outcome: 'failed' },
      'failed',
      ['it was reported as failed'],
    ],
    [
      'a success with a manual step not in the runbook',
      {
        evidence: completeDrillEvidence({
          manualStepsNotInRunbook: ['re-created the DNS record'],
        }),
      },
      'failed',
      ['1 manual step was not in the runbook (re-created the DNS record)'],
    ],
    [
      'a failed health check',
      {
        evidence: completeDrillEvidence({
          healthChecks: [{ name: 'checkout', passed: false }],
        }),
      },
      'failed',
      ['health check "checkout" failed'],
    ],
    [
      'a failed application health check',
      {
        evidence: completeDrillEvidence({
          applicationHealthChecks: [{ name: 'sign-in', passed: false }],
        }),
      },
      'failed',
      ['application health check "sign-in" failed'],
    ],
    [
      'a failed reconciliation',
      {
        evidence: completeDrillEvidence({ reconciliation: { passed: false } }),
      },
      'failed',
      ['reconciliation failed'],
    ],
    [
      'a failed version check',
      {
        evidence: completeDrillEvidence({
          objectVersionCheck: { passed: false },
        }),
      },
      'failed',
      ['the object version check failed'],
    ],
    [
      'missing objects',
      {
        evidence: completeDrillEvidence({
          namespaceInventory: [
            { namespace: 'payments', expectedObjects: 40, restoredObjects: 38 },
          ],
        }),
      },
      'failed',
      ['namespace payments came back with 38 of 40 objects'],
    ],
    [
      'no evidence at all',
      {
        achievedRtoMs: undefined,
        achievedRpoMs: undefined,
        evidence: { manualStepsNotInRunbook: [] },
      },
      'incomplete',
      [
        'it lacks required evidence: the backup used (name and creation time); the restore target time; the restored namespace inventory; health checks; the achieved RTO; the achieved RPO (recorded, or a restore target with the backup or WAL it was restored from)',
      ],
    ],
    [
      'no health checks',
      { evidence: completeDrillEvidence({ healthChecks: [] }) },
      'incomplete',
      ['it lacks required evidence: health checks'],
    ],
    [
      'no recorded RPO, but one derived from the evidence',
      { achievedRpoMs: undefined },
      'succeeded',
      [],
    ],
    [
      'a failure that also lacks evidence',
      { outcome: 'failed', achievedRtoMs: undefined },
      'failed',
      ['it was reported as failed'],
    ],
  ])('%s → %s', (_case, change, outcome, reasons) => {
    expect(effectiveDrillOutcome({ ...drill, ...change })).toMatchObject({
      outcome,
      reasons,
    });
  });

  it('takes the required evidence from the configuration', () => {
    const bare: DrillRecord = {
      ...drill,
      achievedRtoMs: undefined,
      achievedRpoMs: undefined,
      evidence: { manualStepsNotInRunbook: [] },
    };
    expect(
      effectiveDrillOutcome(bare, {
        ...DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
        'restore-test': [],
      }),
    ).toEqual({ outcome: 'succeeded', reasons: [], missingEvidence: [] });
  });
});

describe('missingDrillEvidence', () => {
  const bare = (kind: DrillRecord['kind']): DrillRecord => ({
    ...drill,
    kind,
    achievedRtoMs: undefined,
    achievedRpoMs: undefined,
    evidence: { manualStepsNotInRunbook: [] },
  });

  it.each<[DrillRecord['kind'], string[]]>([
    [
      'restore-test',
      [
        'backup',
        'restoreTargetTime',
        'namespaceInventory',
        'healthChecks',
        'achievedRto',
        'achievedRpo',
      ],
    ],
    [
      'dr-drill',
      [
        'backup',
        'restoreTargetTime',
        'namespaceInventory',
        'healthChecks',
        'achievedRto',
        'achievedRpo',
        'applicationHealthChecks',
        'reconciliation',
      ],
    ],
    [
      'full-dr-test',
      [
        'backup',
        'restoreTargetTime',
        'namespaceInventory',
        'healthChecks',
        'achievedRto',
        'achievedRpo',
        'applicationHealthChecks',
        'reconciliation',
      ],
    ],
    [
      'failover-drill',
      [
        'namespaceInventory',
        'healthChecks',
        'achievedRto',
        'achievedRpo',
        'applicationHealthChecks',
        'reconciliation',
      ],
    ],
  ])('a bare %s lacks %j', (kind, missing) => {
    expect(missingDrillEvidence(bare(kind))).toEqual(missing);
  });

  it('a complete drill of every kind lacks nothing', () => {
    for (const kind of Object.keys(DEFAULT_DRILL_EVIDENCE_REQUIREMENTS)) {
      expect(
        missingDrillEvidence({ ...drill, kind: kind as DrillRecord['kind'] }),
      ).toEqual([]);
    }
  });
});

describe('readDrillEvidenceRequirements', () => {
  it('gives the defaults without config', () => {
    expect(readDrillEvidenceRequirements(undefined)).toEqual(
      DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
    );
  });

  it('replaces the kinds configured and keeps the others', () => {
    const read = readDrillEvidenceRequirements({
      'failover-drill': ['healthChecks', 'achievedRto'],
    });
    expect(read['failover-drill']).toEqual(['healthChecks', 'achievedRto']);
    expect(read['dr-drill']).toEqual(
      DEFAULT_DRILL_EVIDENCE_REQUIREMENTS['dr-drill'],
    );
  });

  it.each([
    [
      { 'dr-drill': ['photos'] },
      'disasterRecovery.drills.requiredEvidence.dr-drill.0',
    ],
    [{ tabletop: [] }, 'disasterRecovery.drills.requiredEvidence'],
  ])('names the bad key of %j', (value, key) => {
    expect(() => readDrillEvidenceRequirements(value)).toThrow(key);
  });
});

describe('derivedRpoOf', () => {
  it.each([
    ['no restore target', { restoreTargetTime: undefined }, undefined],
    [
      'a backup 5 minutes before the target',
      {},
      { ms: 300_000, from: 'backup' },
    ],
    [
      'a backup exactly at the target',
      { restoreTargetTime: '2025-06-01T08:55:00.000Z' },
      { ms: 0, from: 'backup' },
    ],
    [
      'a backup a second after the target',
      { restoreTargetTime: '2025-06-01T08:54:59.000Z' },
      undefined,
    ],
    [
      'a last archived WAL 2 minutes before the target',
      { database: { lastArchivedWalAt: '2025-06-01T08:58:00.000Z' } },
      { ms: 120_000, from: 'wal' },
    ],
    [
      'a last archived WAL after the target, falling back to the backup',
      { database: { lastArchivedWalAt: '2025-06-01T09:00:01.000Z' } },
      { ms: 300_000, from: 'backup' },
    ],
  ])('%s', (_case, change, expected) => {
    expect(
      derivedRpoOf({ ...drill, evidence: completeDrillEvidence(change) }),
    ).toEqual(expected);
  });
});

describe('achievedRpoOf', () => {
  it.each<[string, number | undefined, string | undefined, number | undefined]>(
    [
      ['recorded, no restore target', 600_000, undefined, 600_000],
      [
        'recorded, larger than the evidence proves',
        7_200_000,
        '2025-06-01T09:00:00.000Z',
        7_200_000,
      ],
      [
        'recorded, smaller than the evidence proves',
        60_000,
        '2025-06-01T09:00:00.000Z',
        300_000,
      ],
      ['derived only', undefined, '2025-06-01T09:00:00.000Z', 300_000],
      ['neither', undefined, undefined, undefined],
    ],
  )('%s', (_case, achievedRpoMs, restoreTargetTime, expected) => {
    expect(
      achievedRpoOf({
        ...drill,
        achievedRpoMs,
        evidence: completeDrillEvidence({ restoreTargetTime }),
      }),
    ).toBe(expected);
  });
});

describe('findVeleroRestoreTests', () => {
  const clusters = new Map<string, ClusterFacts>([
    ['prod', { name: 'prod', role: 'production' }],
    ['dr', { name: 'dr', role: 'standby' }],
    ['scratch', { name: 'scratch', role: 'development' }],
  ]);
  const pvb: PodVolumeBackupRecord = {
    cluster: 'prod',
    uid: 'pvb',
    labels: {},
    lastSeenAt: NOW.toISOString(),
    namespace: 'velero',
    name: 'payments-hourly-pvb',
    backupName: 'payments-hourly-20250611115000',
    podNamespace: 'payments',
    podName: 'payments-0',
    volume: 'data',
    phase: 'Completed',
  };
  const pvcsOnly = { includedResources: ['persistentvolumeclaims'] };

  it.each<
    [
      string,
      Parameters<typeof restore>[0],
      Parameters<typeof backup>[0],
      {
        because?: string;
        countsAsTest?: boolean;
        succeeded?: boolean;
        reasons?: string[];
      },
    ]
  >([
    [
      'into another namespace',
      {},
      {},
      {
        because: 'another-namespace',
        countsAsTest: true,
        succeeded: true,
        reasons: [],
      },
    ],
    [
      'over the source namespace on the production cluster',
      { namespaceMapping: {} },
      {},
      {
        because: 'restore-into-production',
        countsAsTest: false,
        succeeded: false,
        reasons: [
          'it restored into production, not into an isolated namespace',
        ],
      },
    ],
    [
      'over the source namespace on production, labelled as a drill',
      { namespaceMapping: {}, labels: { 'disaster-recovery/drill': 'true' } },
      {},
      { because: 'restore-into-production', countsAsTest: false },
    ],
    [
      'into the original namespace of another production cluster',
      { cluster: 'prod', namespaceMapping: {} },
      { cluster: 'prod-us' },
      { because: 'restore-into-production', countsAsTest: false },
    ],
    [
      'mapping one namespace and restoring another in place on production',
      {
        includedNamespaces: ['payments', 'payments-config'],
        namespaceMapping: { payments: 'payments-restore-test' },
      },
      {},
      { because: 'restore-into-production', countsAsTest: false },
    ],
    [
      'over the source on a development cluster, labelled as a drill',
      {
        cluster: 'scratch',
        namespaceMapping: {},
        labels: { 'disaster-recovery/drill': 'true' },
      },
      { cluster: 'scratch' },
      { because: 'drill-label', countsAsTest: true, succeeded: true },
    ],
    [
      'over the source on a development cluster, unlabelled',
      { cluster: 'scratch', namespaceMapping: {} },
      { cluster: 'scratch' },
      {},
    ],
    [
      'over the source on a cluster of unknown role, labelled as a drill',
      {
        cluster: 'elsewhere',
        namespaceMapping: {},
        labels: { 'disaster-recovery/drill': 'true' },
      },
      { cluster: 'elsewhere' },
      {},
    ],
    [
      'in the DR cluster',
      { cluster: 'dr', namespaceMapping: {} },
      {},
      { because: 'another-cluster', countsAsTest: true, succeeded: true },
    ],
    [
      'partially failed',
      { phase: 'PartiallyFailed', failureReason: 'timed out' },
      {},
      {
        countsAsTest: true,
        succeeded: false,
        reasons: ['it ended PartiallyFailed (timed out)'],
      },
    ],
    [
      'completed with errors',
      { errors: 2 },
      {},
      {
        countsAsTest: true,
        succeeded: false,
        reasons: ['it completed with 2 errors'],
      },
    ],
    [
      'completed, restoring nothing',
      { itemsRestored: 0 },
      {},
      {
        countsAsTest: true,
        succeeded: false,
        reasons: ['it restored no items'],
      },
    ],
    [
      'completed, restoring one item',
      { itemsRestored: 1 },
      {},
      { succeeded: true },
    ],
    [
      'completed without a progress',
      { itemsRestored: undefined },
      {},
      {
        succeeded: false,
        reasons: ['its status does not say how many items it restored'],
      },
    ],
    [
      'of PVCs without pods from a backup with default file-system backup',
      pvcsOnly,
      { defaultVolumesToFsBackup: true },
      {
        because: 'another-namespace',
        countsAsTest: false,
        succeeded: false,
        reasons: [
          'it restored PVCs without their pods from a file-system backup, so no volume data came back (Velero writes that data from an init container of each restored pod)',
        ],
      },
    ],
    [
      'of PVCs without pods from a snapshot backup',
      pvcsOnly,
      {},
      { countsAsTest: true, succeeded: true },
    ],
    [
      'of PVCs and pods from a file-system backup',
      { includedResources: ['pvc', 'pods', 'deployments'] },
      { defaultVolumesToFsBackup: true },
      { countsAsTest: true, succeeded: true },
    ],
    [
      'of everything but pods from a file-system backup',
      { excludedResources: ['pods'] },
      { defaultVolumesToFsBackup: true },
      { countsAsTest: false },
    ],
    ['still running', { phase: 'InProgress' }, {}, {}],
    [
      'of a backup that does not cover the entity',
      { backupName: 'orders-1' },
      {},
      {},
    ],
  ])('a restore %s', (_case, restoreChange, backupChange, expected) => {
    const [test] = findVeleroRestoreTests(
      [restore(restoreChange)],
      [backup(backupChange)],
      [],
      { clusters },
    );
    expect(test ?? {}).toMatchObject(expected);
  });

  it('reads file-system backup from the backup’s PodVolumeBackups', () => {
    const [test] = findVeleroRestoreTests([restore(pvcsOnly)], [backup()], [], {
      clusters,
      podVolumeBackups: [pvb],
    });
    expect(test).toMatchObject({ countsAsTest: false, succeeded: false });
  });

  it('warns of a restore into production, naming it', () => {
    const [test] = findVeleroRestoreTests(
      [restore({ namespaceMapping: {} })],
      [backup()],
      [],
      { clusters },
    );
    expect(test.warning).toBe(
      'Velero restore prod/velero/payments-restore-test restored backup payments-hourly-20250611115000 into its original namespace on production cluster prod. It is not a restore test; if it was not an incident recovery, check what it overwrote.',
    );
  });

  it('does not count PVCs restored without pods from a backup that is gone', () => {
    const [test] = findVeleroRestoreTests(
      [
        restore({
          ...pvcsOnly,
          cluster: 'dr',
          backupName: 'payments-hourly-20250604060000',
        }),
      ],
      [],
      [schedule()],
      { clusters },
    );
    expect(test).toMatchObject({ countsAsTest: false });
    expect(test.reasons[0]).toContain('is not known');
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
    const tests = findVeleroRestoreTests([record], [], [schedule()], {
      clusters,
    });
    expect(tests[0]?.because).toBe(because);
    expect(tests[0]?.restoredPointAgeMs).toBeUndefined();
  });

  it('measures the restore duration and the age of the restored point', () => {
    const [test] = findVeleroRestoreTests(
      [restore({ startedAt: minutesAgo(8), completedAt: minutesAgo(2) })],
      [backup({ completedAt: minutesAgo(68) })],
    );
    expect(test.durationMs).toBe(6 * 60_000);
    expect(test.restoredPointAgeMs).toBe(60 * 60_000);
  });
});

describe('restoreTargetWarnings', () => {
  const db = { cluster: 'prod', namespace: 'payments', name: 'payments-db' };
  const other = { cluster: 'prod', namespace: 'payments', name: 'audit-db' };
  const windows = [
    { ref: db, firstRecoverabilityPoint: '2025-06-01T09:00:00.000Z' },
    { ref: other, firstRecoverabilityPoint: '2025-06-05T00:00:00.000Z' },
  ];
  const pitr = (
    restoreTargetTime: string,
    database: DrillRecord['evidence']['database'] = { cluster: db },
  ): DrillRecord => ({
    ...drill,
    evidence: completeDrillEvidence({ restoreTargetTime, database }),
  });

  it.each<[string, DrillRecord, string[]]>([
    ['a target inside the window', pitr('2025-06-02T00:00:00.000Z'), []],
    [
      'a target exactly at the first recoverability point',
      pitr('2025-06-01T09:00:00.000Z'),
      [],
    ],
    [
      'a target a second before the first recoverability point',
      pitr('2025-06-01T08:59:59.000Z'),
      [
        "The restore target 2025-06-01T08:59:59.000Z is before the first recoverability point 2025-06-01T09:00:00.000Z of prod/payments/payments-db (as collected when the drill was recorded): it was outside the database's recovery window, so the restore cannot have reached it.",
      ],
    ],
    [
      'a target exactly at the end of the drill',
      pitr('2025-06-10T10:30:00.000Z'),
      [],
    ],
    [
      'a target a second after the end of the drill',
      pitr('2025-06-10T10:30:01.000Z'),
      [
        "The restore target 2025-06-10T10:30:01.000Z is after the drill ended (2025-06-10T10:30:00Z), beyond any WAL archived by then: it was outside the database's recovery window.",
      ],
    ],
    [
      'a drill naming no database, against every window of the entity',
      pitr('2025-06-02T00:00:00.000Z', { walEnd: '0/3000000' }),
      [expect.stringContaining('of prod/payments/audit-db')],
    ],
    [
      'a drill without database evidence',
      {
        ...drill,
        evidence: completeDrillEvidence({
          restoreTargetTime: '1999-01-01T00:00:00Z',
        }),
      },
      [],
    ],
  ])('%s', (_case, record, warnings) => {
    expect(restoreTargetWarnings(record, windows)).toEqual(warnings);
  });
});
