import {
  backup,
  completeDrillEvidence,
  component,
  deployment,
  disruptionBudget,
  minutesAgo,
  node,
  NOW,
  objectStore,
  podStatus,
  postgresBackup,
  postgresCluster,
  postgresScheduledBackup,
  restore,
  schedule,
  secondsAgo,
  storageLocation,
  workload,
} from '../__testUtils__/fixtures';
import type { CheckId, CheckStatus } from '../checks/types';
import { CHECK_DEFINITIONS } from '../checks/registry';
import type { DrillRecord } from '../drills';
import { DEFAULT_TIER_POLICIES } from '../policy';
import type { PostgresScheduledBackupRecord } from '../records';
import type { BuiltInPostureRecords } from '../recordKinds';
import {
  evaluateEntityPosture,
  type EntityPostureInput,
} from './evaluateEntityPosture';

const DAY_MINUTES = 24 * 60;

const offsiteSchedule = schedule({
  name: 'payments-offsite',
  template: {
    includedNamespaces: ['payments'],
    excludedNamespaces: [],
    storageLocation: 'offsite',
  },
});
const offsiteLocation = storageLocation({
  name: 'offsite',
  provider: 'gcp',
  bucket: 'dr-copies',
  region: 'europe-west1',
  isDefault: false,
});

const drDrill: DrillRecord = {
  kind: 'dr-drill',
  entityRefs: ['component:default/payments'],
  startedAt: minutesAgo(10 * DAY_MINUTES + 120),
  endedAt: minutesAgo(10 * DAY_MINUTES),
  outcome: 'succeeded',
  achievedRtoMs: 60 * 60_000,
  achievedRpoMs: 10 * 60_000,
  evidence: completeDrillEvidence(),
};

/** The hot-warm service's quarterly promotion of its standby. */
const failover: DrillRecord = {
  ...drDrill,
  kind: 'failover-drill',
  startedAt: minutesAgo(20 * DAY_MINUTES + 60),
  endedAt: minutesAgo(20 * DAY_MINUTES),
};

/** Its yearly full DR test. */
const fullTest: DrillRecord = {
  ...drDrill,
  kind: 'full-dr-test',
  startedAt: minutesAgo(200 * DAY_MINUTES + 300),
  endedAt: minutesAgo(200 * DAY_MINUTES),
};

/** A tier 2 service (RPO 1 h, RTO 4 h) in good shape. */
function healthy(): EntityPostureInput & {
  records: Required<BuiltInPostureRecords>;
} {
  return {
    entity: component({
      'disaster-recovery/pattern': 'hot-warm',
      'disaster-recovery/runbook': 'https://runbooks.example.com/payments',
    }),
    policies: DEFAULT_TIER_POLICIES,
    records: {
      workloads: [
        workload(),
        workload({
          name: 'payments-8e1a',
          uid: 'pod-2',
          pod: podStatus({ nodeName: 'node-b' }),
        }),
        workload({ kind: 'PersistentVolumeClaim', name: 'payments-data' }),
      ],
      workloadControllers: [
        deployment(),
        deployment({ cluster: 'standby', uid: 'standby-deployment' }),
      ],
      disruptionBudgets: [disruptionBudget()],
      autoscalers: [],
      nodes: [node('node-a', 'eu-west-1a'), node('node-b', 'eu-west-1b')],
      certificates: [],
      schedules: [schedule(), offsiteSchedule],
      backups: [
        backup(),
        backup({
          name: 'payments-offsite-1',
          scheduleName: 'payments-offsite',
          storageLocation: 'offsite',
        }),
      ],
      restores: [],
      storageLocations: [storageLocation(), offsiteLocation],
      volumeSnapshotLocations: [],
      podVolumeBackups: [],
      // The off-site schedule moves the volume data to its bucket.
      dataUploads: [
        {
          cluster: 'prod',
          namespace: 'velero',
          name: 'payments-offsite-1-du',
          uid: 'du-offsite',
          labels: { 'velero.io/backup-name': 'payments-offsite-1' },
          lastSeenAt: NOW.toISOString(),
          backupName: 'payments-offsite-1',
          sourceNamespace: 'payments',
          sourcePVC: 'payments-data',
          phase: 'Completed',
        },
      ],
      postgresClusters: [],
      objectStores: [],
      postgresBackups: [],
      postgresScheduledBackups: [],
    },
    drills: [drDrill, failover, fullTest],
    clusters: [
      {
        name: 'prod',
        role: 'production',
        provider: 'aws',
        region: 'eu-west-1',
      },
      {
        name: 'standby',
        role: 'standby',
        standbyFor: 'prod',
        provider: 'aws',
        region: 'us-east-1',
      },
    ],
    now: NOW,
  };
}

type Change = (input: ReturnType<typeof healthy>) => void;

function evaluate(change: Change = () => {}) {
  const input = healthy();
  change(input);
  return evaluateEntityPosture(input);
}

function checkOf(id: CheckId, change: Change) {
  const found = evaluate(change).checks.find(c => c.id === id);
  if (!found) throw new Error(`no ${id} check`);
  return found;
}

function outcomeOf(id: CheckId, change: Change) {
  const { status, summary } = checkOf(id, change);
  return { status, summary };
}

function outcome(status: CheckStatus, summary: string) {
  return { status, summary: expect.stringContaining(summary) };
}

describe('evaluateEntityPosture', () => {
  it('passes every check of a healthy tier 2 service', () => {
    const posture = evaluate();
    expect(posture.entityRef).toBe('component:default/payments');
    expect(
      posture.checks
        .filter(c => c.status !== 'pass')
        .map(c => `${c.id}: ${c.summary}`),
    ).toEqual([]);
    expect(posture.status).toBe('pass');
    // No databases; a monthly restore test, and a hot-warm failover drill.
    expect(posture.checks.map(c => c.id)).toEqual([
      'tier-declared',
      'backup-freshness',
      'schedule-active',
      'schedule-cadence',
      'schedule-on-time',
      'retention',
      'storage-location',
      'copies-3-2-1',
      'restore-test',
      'dr-drill',
      'full-dr-test',
      'failover-drill',
      'drill-objectives',
      'replicas',
      'placement',
      'probes-and-resources',
      'disruption-budget',
      'pod-stability',
      'standby-readiness',
      'ha-pattern',
      'runbook',
      'workload-coverage',
    ]);
    expect(JSON.parse(JSON.stringify(posture))).toEqual(posture);
  });

  it('is unknown, never pass, with no data at all', () => {
    const posture = evaluate(input => {
      input.records = {
        ...input.records,
        workloads: [],
        schedules: [],
        backups: [],
        storageLocations: [],
      };
      input.drills = [];
    });
    expect(posture.status).toBe('fail');
    const statuses = Object.fromEntries(
      posture.checks.map(c => [c.id, c.status]),
    );
    expect(statuses).toMatchObject({
      'backup-freshness': 'unknown',
      'schedule-active': 'unknown',
      'schedule-cadence': 'unknown',
      'schedule-on-time': 'unknown',
      retention: 'unknown',
      'storage-location': 'unknown',
      'drill-objectives': 'unknown',
      'workload-coverage': 'unknown',
      'dr-drill': 'fail',
    });
  });

  it('makes the checks that need a malformed annotation unknown, with the reason, and does not throw', () => {
    const posture = evaluate(input => {
      input.entity = component({
        'disaster-recovery/rpo': 'an hour',
        'disaster-recovery/pattern': 'hot-warm',
        'disaster-recovery/runbook': 'https://x.example.com',
      });
    });
    const byId = Object.fromEntries(posture.checks.map(c => [c.id, c]));
    for (const id of [
      'backup-freshness',
      'schedule-cadence',
      'ha-pattern',
    ] as const) {
      expect(byId[id].status).toBe('unknown');
      expect(byId[id].summary).toContain('disaster-recovery/rpo is "an hour"');
    }
    expect(byId['schedule-active'].status).toBe('pass');
  });
});

describe('backup freshness', () => {
  const archivingStopped =
    (secondsSinceStop: number): Change =>
    i => {
      i.records.backups = [backup({ completedAt: minutesAgo(5) })];
      i.records.postgresClusters = [
        postgresCluster({
          conditions: [
            {
              type: 'ContinuousArchiving',
              status: 'False',
              lastTransitionTime: secondsAgo(secondsSinceStop),
            },
          ],
        }),
      ];
    };

  it.each<[string, Change, CheckStatus, string]>([
    [
      'fresh backups while WAL archiving has failed for exactly the RPO',
      archivingStopped(3600),
      'warn',
      'WAL archiving of database prod/payments/payments-db has failed since',
    ],
    [
      'fresh backups while WAL archiving has failed for one second over the RPO',
      archivingStopped(3601),
      'fail',
      'so nothing it wrote in the last 1 h can be recovered: 1 s past the 1 h RPO, though the last clean backup was 5 min ago.',
    ],
    [
      'fresh backups while WAL archiving failed within 75 % of the RPO',
      archivingStopped(45 * 60),
      'pass',
      'Last clean backup 5 min ago is within the 1 h RPO.',
    ],
  ])('%s', (_case, change, status, summary) => {
    expect(outcomeOf('backup-freshness', change)).toEqual(
      outcome(status, summary),
    );
  });

  it.each<[string, Change, CheckStatus, string]>([
    [
      'a clean backup exactly at 75 % of the RPO',
      i => {
        i.records.backups = [backup({ completedAt: minutesAgo(45) })];
      },
      'pass',
      'Last clean backup 45 min ago is within the 1 h RPO.',
    ],
    [
      'a clean backup one second past 75 % of the RPO, nothing running',
      i => {
        i.records.backups = [backup({ completedAt: secondsAgo(45 * 60 + 1) })];
      },
      'warn',
      'Last clean backup 45 min 1 s ago is past 75 % of the 1 h RPO (45 min) and no backup is running that would refresh it; the RPO is breached in 14 min 59 s.',
    ],
    [
      'a clean backup past 75 % of the RPO while the next one runs',
      i => {
        i.records.backups = [
          backup({ completedAt: minutesAgo(50), startedAt: minutesAgo(52) }),
          backup({
            name: 'running',
            phase: 'InProgress',
            startedAt: minutesAgo(2),
            completedAt: undefined,
          }),
        ];
      },
      'pass',
      'Last clean backup 50 min ago is within the 1 h RPO.',
    ],
    [
      'a clean backup exactly at the RPO',
      i => {
        i.records.backups = [backup({ completedAt: minutesAgo(60) })];
      },
      'warn',
      'Last clean backup 1 h ago is past 75 % of the 1 h RPO',
    ],
    [
      'a clean backup past a configured 90 % share',
      i => {
        i.options = { freshnessWarnShare: 0.9 };
        i.records.backups = [backup({ completedAt: secondsAgo(54 * 60 + 1) })];
      },
      'warn',
      'past 90 % of the 1 h RPO (54 min)',
    ],
    [
      'a clean backup exactly at a configured 90 % share',
      i => {
        i.options = { freshnessWarnShare: 0.9 };
        i.records.backups = [backup({ completedAt: minutesAgo(54) })];
      },
      'pass',
      'Last clean backup 54 min ago is within the 1 h RPO.',
    ],
    [
      'a clean backup one second over the RPO',
      i => {
        i.records.backups = [backup({ completedAt: secondsAgo(3601) })];
      },
      'fail',
      'Last clean backup 1 h ago is 1 s older than the 1 h RPO.',
    ],
    [
      'a clean backup 3 h 10 min old',
      i => {
        i.records.backups = [backup({ completedAt: minutesAgo(190) })];
      },
      'fail',
      'Last clean backup 3 h 10 min ago is 2 h 10 min older than the 1 h RPO.',
    ],
    [
      'a PartiallyFailed latest backup after a clean one',
      i => {
        i.records.backups = [
          backup({
            name: 'b2',
            phase: 'PartiallyFailed',
            errors: 3,
            completedAt: minutesAgo(5),
          }),
          backup({ completedAt: minutesAgo(35) }),
        ];
      },
      'fail',
      "Schedule prod/velero/payments-hourly's latest run prod/velero/b2 partially failed (3 errors), so it is not a clean recovery point; the last clean backup was 35 min ago.",
    ],
    [
      "one schedule's latest run failed while another schedule succeeded",
      i => {
        i.records.backups = [
          backup({
            name: 'offsite-2',
            scheduleName: 'payments-offsite',
            phase: 'Failed',
            failureReason: 'bucket gone',
            completedAt: minutesAgo(30),
          }),
          backup({ completedAt: minutesAgo(5) }),
        ];
      },
      'fail',
      "Schedule prod/velero/payments-offsite's latest run prod/velero/offsite-2 failed (bucket gone), so it is not a clean recovery point; the last clean backup was 5 min ago.",
    ],
    [
      'a schedule whose latest run failed validation, an older run clean',
      i => {
        i.records.backups = [
          backup({ completedAt: minutesAgo(5) }),
          backup({
            name: 'offsite-2',
            scheduleName: 'payments-offsite',
            phase: 'FailedValidation',
            completedAt: minutesAgo(26 * 60),
          }),
          backup({
            name: 'offsite-1',
            scheduleName: 'payments-offsite',
            completedAt: minutesAgo(27 * 60),
          }),
        ];
      },
      'fail',
      'prod/velero/offsite-2 failed validation, so it is not a clean recovery point',
    ],
    [
      'a failure older than 24 h followed by a clean run',
      i => {
        i.records.backups = [
          backup({ completedAt: minutesAgo(5) }),
          backup({
            name: 'old-failure',
            phase: 'Failed',
            completedAt: minutesAgo(25 * 60),
          }),
        ];
      },
      'pass',
      'Last clean backup 5 min ago is within the 1 h RPO.',
    ],
    [
      'only PartiallyFailed backups',
      i => {
        i.records.backups = [backup({ phase: 'PartiallyFailed', errors: 1 })];
      },
      'fail',
      'partially failed (1 error), so it is not a clean recovery point; no completed backup holding its volume data covers it.',
    ],
    [
      'a Failed latest backup after a fresh clean one',
      i => {
        i.records.backups = [
          backup({
            name: 'b2',
            phase: 'Failed',
            failureReason: 'bucket gone',
            completedAt: minutesAgo(1),
          }),
          backup(),
        ];
      },
      'fail',
      'prod/velero/b2 failed (bucket gone), so it is not a clean recovery point; the last clean backup was 10 min ago.',
    ],
    [
      'an earlier failure of the day is named after the failed latest run',
      i => {
        i.records.backups = [
          backup({
            name: 'b3',
            phase: 'Failed',
            failureReason: 'bucket gone',
            completedAt: minutesAgo(1),
          }),
          backup({ completedAt: minutesAgo(20) }),
          backup({
            name: 'b1',
            phase: 'PartiallyFailed',
            errors: 2,
            completedAt: minutesAgo(40),
          }),
        ];
      },
      'fail',
      'the last clean backup was 20 min ago. One earlier failure in the last 24 h: prod/velero/b1 partially failed (2 errors).',
    ],
    [
      'a schedule failing every run names its latest run and counts the earlier failures',
      i => {
        i.records.backups = [
          ...[1, 2, 3, 4, 5].map(n =>
            backup({
              name: `f${n}`,
              phase: 'Failed',
              failureReason: 'timeout',
              completedAt: minutesAgo(n),
            }),
          ),
          backup({ completedAt: minutesAgo(30) }),
        ];
      },
      'fail',
      'prod/velero/f1 failed (timeout), so it is not a clean recovery point; the last clean backup was 30 min ago. 4 earlier failures in the last 24 h, the newest prod/velero/f2 failed (timeout).',
    ],
    [
      'an expired clean backup',
      i => {
        i.records.backups = [backup({ expiresAt: minutesAgo(1) })];
      },
      'fail',
      'No clean (Completed, unexpired) backup',
    ],
    [
      'backups still running only',
      i => {
        i.records.backups = [backup({ phase: 'InProgress' })];
      },
      'fail',
      'No finished Velero backup covers this entity',
    ],
    [
      'a stale cluster',
      i => {
        i.clusterHealth = [
          {
            name: 'prod',
            configured: true,
            lastSuccessAt: minutesAgo(45),
            staleSince: minutesAgo(30),
          },
        ];
      },
      'unknown',
      `Not trusted as current: cluster prod has not been collected since ${minutesAgo(
        45,
      )}`,
    ],
  ])('%s', (_case, change, status, summary) => {
    expect(outcomeOf('backup-freshness', change)).toEqual(
      outcome(status, summary),
    );
  });
});

describe('stale clusters', () => {
  const staleSince =
    (cluster: string): Change =>
    i => {
      i.clusterHealth = [
        {
          name: cluster,
          configured: true,
          lastSuccessAt: minutesAgo(45),
          staleSince: minutesAgo(30),
        },
      ];
    };

  it('makes every passing check that read the stale cluster unknown, workload coverage included', () => {
    const posture = evaluate(staleSince('prod'));
    const readsNoRecords = new Set<string>(
      CHECK_DEFINITIONS.filter(d => d.environmentIndependent).map(d => d.id),
    );
    expect(
      posture.checks
        .filter(c => c.status === 'pass')
        .every(c => readsNoRecords.has(c.id)),
    ).toBe(true);
    const coverage = posture.checks.find(c => c.id === 'workload-coverage');
    expect(coverage).toMatchObject({
      status: 'unknown',
      summary: expect.stringContaining(
        'Not trusted as current: cluster prod has not been collected since',
      ),
    });
  });

  it('says so of a stale cluster never collected completely', () => {
    const posture = evaluate(i => {
      i.clusterHealth = [
        { name: 'prod', configured: true, staleSince: minutesAgo(30) },
      ];
    });
    expect(
      posture.checks.find(c => c.id === 'workload-coverage')?.summary,
    ).toContain(
      'Not trusted as current: cluster prod has never been collected completely.',
    );
  });

  it('trusts checks that read only other clusters', () => {
    expect(evaluate(staleSince('elsewhere')).status).toBe('pass');
  });
});

describe('backup freshness of volume data', () => {
  const pvcName = 'payments-data';
  const mountingPod = workload({
    volumes: [{ name: 'data', claimName: pvcName }],
  });
  const noSnapshots = { attempted: 0, completed: 0 };
  const dataUpload = (phase: string) => ({
    cluster: 'prod',
    namespace: 'velero',
    name: 'du-1',
    uid: 'du-1',
    labels: { 'velero.io/backup-name': 'payments-hourly-20250611115000' },
    lastSeenAt: NOW.toISOString(),
    backupName: 'payments-hourly-20250611115000',
    sourceNamespace: 'payments',
    sourcePVC: pvcName,
    phase,
  });
  const podVolumeBackup = (phase: string) => ({
    cluster: 'prod',
    namespace: 'velero',
    name: 'pvb-1',
    uid: 'pvb-1',
    labels: { 'velero.io/backup-name': 'payments-hourly-20250611115000' },
    lastSeenAt: NOW.toISOString(),
    backupName: 'payments-hourly-20250611115000',
    podNamespace: 'payments',
    podName: mountingPod.name,
    volume: 'data',
    phase,
  });

  /** A backup without snapshots whose volume data is only in the given per-volume work. */
  const uploaded =
    (phase: string): Change =>
    i => {
      i.records.backups = [backup({ volumeSnapshots: noSnapshots })];
      i.records.dataUploads = [dataUpload(phase)];
    };
  const fsBackedUp =
    (phase: string): Change =>
    i => {
      i.records.workloads = [mountingPod, i.records.workloads[1]];
      i.records.backups = [backup({ volumeSnapshots: noSnapshots })];
      i.records.podVolumeBackups = [podVolumeBackup(phase)];
    };

  it.each<[string, Change, CheckStatus, string]>([
    [
      'a backup that took no snapshot, file-system backup or upload',
      i => {
        i.records.backups = [backup({ volumeSnapshots: noSnapshots })];
      },
      'fail',
      "No clean backup holds this entity's volume data, so its only recovery point is of manifests.",
    ],
    [
      'a backup collected before snapshot counts were kept',
      i => {
        i.records.backups = [backup({ volumeSnapshots: undefined })];
      },
      'unknown',
      'collected before volume snapshot counts were kept',
    ],
    [
      'a completed data-mover upload of the PVC',
      uploaded('Completed'),
      'pass',
      'Last clean backup 10 min ago is within the 1 h RPO.',
    ],
    [
      'a data-mover upload still in progress',
      uploaded('InProgress'),
      'fail',
      'holds manifests only: payments/payments-data was not captured',
    ],
    [
      'a completed file-system backup of a pod mounting the PVC',
      fsBackedUp('Completed'),
      'pass',
      'Last clean backup 10 min ago is within the 1 h RPO.',
    ],
    [
      'a failed file-system backup of the pod',
      fsBackedUp('Failed'),
      'fail',
      "No clean backup holds this entity's volume data",
    ],
    [
      'a backup whose resource filters leave out PVCs',
      i => {
        i.records.backups = [
          backup({ includedResources: ['deployments', 'pods'] }),
        ];
      },
      'fail',
      "No clean backup holds this entity's volume data",
    ],
    [
      'a newer manifests-only backup after a data-bearing one within the RPO',
      i => {
        i.records.backups = [
          backup({
            name: 'manifests',
            volumeSnapshots: noSnapshots,
            completedAt: minutesAgo(5),
          }),
          backup({ completedAt: minutesAgo(30) }),
        ];
      },
      'pass',
      'Last clean backup 30 min ago is within the 1 h RPO. prod/velero/manifests is newer but holds manifests only',
    ],
    [
      'a newer manifests-only backup after a data-bearing one over the RPO',
      i => {
        i.records.backups = [
          backup({
            name: 'manifests',
            volumeSnapshots: noSnapshots,
            completedAt: minutesAgo(5),
          }),
          backup({ completedAt: minutesAgo(61) }),
        ];
      },
      'fail',
      'Last clean backup 1 h 1 min ago is 1 min older than the 1 h RPO. prod/velero/manifests is newer but holds manifests only',
    ],
    [
      "an entity whose only PVC is its CloudNativePG database's, and a manifests-only backup",
      i => {
        i.records.workloads = [
          workload(),
          workload({
            kind: 'PersistentVolumeClaim',
            name: 'payments-db-1',
            labels: {
              'backstage.io/kubernetes-id': 'payments',
              'cnpg.io/cluster': 'payments-db',
            },
          }),
        ];
        i.records.postgresClusters = [postgresCluster()];
        i.records.backups = [backup({ volumeSnapshots: noSnapshots })];
      },
      'pass',
      'Last clean backup 10 min ago is within the 1 h RPO.',
    ],
    [
      'an entity without PVCs and a manifests-only backup',
      i => {
        i.records.workloads = [workload()];
        i.records.backups = [backup({ volumeSnapshots: noSnapshots })];
      },
      'pass',
      'Last clean backup 10 min ago is within the 1 h RPO.',
    ],
  ])('%s', (_case, change, status, summary) => {
    expect(outcomeOf('backup-freshness', change)).toEqual(
      outcome(status, summary),
    );
  });

  const manifestsOnly: Change = i => {
    i.records.backups = i.records.backups.map(b => ({
      ...b,
      volumeSnapshots: noSnapshots,
    }));
    i.records.dataUploads = [];
  };

  it.each<[string, CheckId, Change, CheckStatus, string]>([
    [
      'cadence when every schedule backs up manifests only',
      'schedule-cadence',
      manifestsOnly,
      'fail',
      "No active schedule captures this entity's volume data: prod/velero/payments-hourly, prod/velero/payments-offsite back up manifests only",
    ],
    [
      'cadence of a schedule without backups yet whose template turns snapshots off',
      'schedule-cadence',
      i => {
        i.records.backups = [];
        i.records.schedules = [
          schedule({
            template: { ...schedule().template, snapshotVolumes: false },
          }),
        ];
      },
      'fail',
      "No active schedule captures this entity's volume data: prod/velero/payments-hourly backs up manifests only",
    ],
    [
      'cadence of a schedule without backups yet that backs up pod volumes by default',
      'schedule-cadence',
      i => {
        i.records.backups = [];
        i.records.schedules = [
          schedule({
            template: {
              ...schedule().template,
              snapshotVolumes: false,
              defaultVolumesToFsBackup: true,
            },
          }),
        ];
      },
      'pass',
      'within the 1 h RPO',
    ],
    [
      'retention when only manifests are kept',
      'retention',
      manifestsOnly,
      'fail',
      "no clean Velero backup kept holds this entity's volume data (only manifests are kept)",
    ],
  ])('%s', (_case, id, change, status, summary) => {
    expect(outcomeOf(id, change)).toEqual(outcome(status, summary));
  });
});

describe('schedules', () => {
  it.each<[string, Change, CheckStatus, string]>([
    [
      'one of two schedules paused',
      i => {
        i.records.schedules = [schedule({ paused: true }), offsiteSchedule];
      },
      'warn',
      '1 schedule of 2 covering this entity is paused or suspended: prod/velero/payments-hourly.',
    ],
    [
      'every schedule paused',
      i => {
        i.records.schedules = [schedule({ paused: true })];
      },
      'fail',
      'Every schedule covering this entity is paused or suspended',
    ],
    [
      'no schedule',
      i => {
        i.records.schedules = [];
      },
      'fail',
      'No Velero Schedule or CloudNativePG ScheduledBackup covers this entity.',
    ],
    [
      'a schedule Velero rejected',
      i => {
        i.records.schedules = [schedule({ phase: 'FailedValidation' })];
      },
      'fail',
      'Velero rejected prod/velero/payments-hourly',
    ],
    [
      'a named schedule that does not exist',
      i => {
        i.entity = component({
          'disaster-recovery/velero-schedules': 'prod/velero/nightly',
        });
      },
      'fail',
      'names prod/velero/nightly, which does not exist.',
    ],
  ])('active: %s', (_case, change, status, summary) => {
    expect(outcomeOf('schedule-active', change)).toEqual(
      outcome(status, summary),
    );
  });

  it.each<[string, string, CheckStatus, string]>([
    [
      'every 30 minutes',
      '*/30 * * * *',
      'pass',
      'runs at least every 30 min, within the 1 h RPO.',
    ],
    [
      'hourly, exactly the RPO',
      '0 * * * *',
      'warn',
      'exactly the 1 h RPO, leaving no time for the backup itself.',
    ],
    [
      'daily, longer than the RPO',
      '0 2 * * *',
      'fail',
      'runs at least every 1 day, 23 h longer than the 1 h RPO.',
    ],
    ['@every 45m', '@every 45m', 'pass', 'runs at least every 45 min'],
    [
      'CRON_TZ daily',
      'CRON_TZ=Europe/Berlin 0 2 * * *',
      'fail',
      'in Europe/Berlin) runs at least every 1 day',
    ],
    ['unreadable', '0 0 * * * *', 'unknown', 'Velero schedules have 5 fields'],
  ])('cadence: %s', (_case, cron, status, summary) => {
    expect(
      outcomeOf('schedule-cadence', i => {
        i.records.schedules = [schedule({ schedule: cron })];
      }),
    ).toEqual(outcome(status, summary));
  });

  // Hourly at :00; NOW is 12:00, so the 11:00 run is due and the 12:00 run not yet.
  it.each<[string, string | undefined, string, CheckStatus, string]>([
    [
      'ran at the last expected run',
      minutesAgo(60),
      '0 * * * *',
      'pass',
      'has started a backup since its last expected run',
    ],
    [
      'at :30, missed 11:30 but still within the grace',
      minutesAgo(90),
      '30 * * * *',
      'pass',
      'allowing 1 h of grace',
    ],
    [
      'missed 11:00 by exactly the grace',
      minutesAgo(120),
      '0 * * * *',
      'pass',
      'allowing 1 h of grace',
    ],
    [
      'missed 11:00 by the grace and a second',
      minutesAgo(121),
      '0 * * * *',
      'fail',
      'should have run at 2025-06-11T10:00:00.000Z',
    ],
    ['never ran', undefined, '0 * * * *', 'fail', 'but it has never run'],
    [
      '@every 30m, last run 90 min ago: due 1 h ago, exactly the grace',
      minutesAgo(90),
      '@every 30m',
      'pass',
      'allowing 1 h of grace',
    ],
    [
      '@every 30m, last run 91 min ago',
      minutesAgo(91),
      '@every 30m',
      'fail',
      'should have run at 2025-06-11T10:59:00.000Z, 1 h 1 min ago',
    ],
  ])('on time: %s', (_case, lastBackupAt, cron, status, summary) => {
    expect(
      outcomeOf('schedule-on-time', i => {
        i.records.schedules = [schedule({ schedule: cron, lastBackupAt })];
        i.records.backups = [];
      }),
    ).toEqual(outcome(status, summary));
  });

  it('names the hung backup that stops an overdue schedule, as Velero skips runs while one is in progress', () => {
    const result = outcomeOf('schedule-on-time', i => {
      i.records.schedules = [
        schedule({ schedule: '0 * * * *', lastBackupAt: minutesAgo(300) }),
      ];
      i.records.backups = [
        backup({
          name: 'payments-hourly-20250611070000',
          phase: 'InProgress',
          startedAt: minutesAgo(300),
          completedAt: undefined,
        }),
      ];
    });
    expect(result.status).toBe('fail');
    expect(result.summary).toContain(
      'Its backup prod/velero/payments-hourly-20250611070000 is still in progress after 5 h, and Velero starts no run of a schedule while one is',
    );
  });

  it('judges a suspended CloudNativePG ScheduledBackup as paused', () => {
    const scheduled: PostgresScheduledBackupRecord = {
      cluster: 'prod',
      namespace: 'payments',
      name: 'payments-db-daily',
      uid: 'u',
      labels: {},
      lastSeenAt: NOW.toISOString(),
      clusterName: 'payments-db',
      schedule: '0 0 0 * * *',
      suspended: true,
    };
    expect(
      outcomeOf('schedule-active', i => {
        i.records.postgresClusters = [postgresCluster()];
        i.records.postgresScheduledBackups = [scheduled];
      }),
    ).toEqual(outcome('warn', 'prod/payments/payments-db-daily'));
  });

  it('fails a CloudNativePG ScheduledBackup whose schedule CloudNativePG cannot read', () => {
    expect(
      outcomeOf('schedule-active', i => {
        i.records.schedules = [];
        i.records.postgresClusters = [postgresCluster()];
        i.records.postgresScheduledBackups = [
          postgresScheduledBackup({
            schedule: 'CRON_TZ=Europe/Berlin 0 0 2 * * *',
          }),
        ];
      }),
    ).toEqual(
      outcome(
        'fail',
        'CloudNativePG cannot read the schedule of prod/payments/payments-db-daily ("CRON_TZ=Europe/Berlin 0 0 2 * * *"), so it runs no backups.',
      ),
    );
  });

  it('counts no schedule Velero has not validated yet as running', () => {
    const unvalidated: Change = i => {
      i.records.schedules = [schedule({ phase: undefined })];
    };
    expect(outcomeOf('schedule-active', unvalidated)).toEqual(
      outcome(
        'unknown',
        'Velero has not validated prod/velero/payments-hourly yet (its status.phase is not Enabled)',
      ),
    );
    expect(outcomeOf('schedule-cadence', unvalidated).status).toBe('unknown');
    expect(outcomeOf('workload-coverage', unvalidated).status).toBe('fail');
    // Beside one on time, it still keeps schedule-on-time from passing.
    expect(
      outcomeOf('schedule-on-time', i => {
        i.records.schedules = [
          schedule(),
          schedule({ name: 'payments-new', uid: 'new', phase: undefined }),
        ];
      }),
    ).toEqual(
      outcome(
        'unknown',
        'Velero has not validated prod/velero/payments-new yet, so whether every schedule starts its backups on time is not known.',
      ),
    );
  });

  it('counts no schedule Velero refused towards cadence or workload coverage', () => {
    const refused: Change = i => {
      i.records.schedules = [schedule({ phase: 'FailedValidation' })];
    };
    expect(outcomeOf('schedule-cadence', refused)).toEqual(
      outcome(
        'unknown',
        'No active Velero schedule that Velero accepted covers this entity, so there is no cadence to judge.',
      ),
    );
    expect(outcomeOf('workload-coverage', refused).status).toBe('fail');
  });
});

/** A payments schedule with the given name, TTL and pause state. */
function ttlSchedule(
  name: string,
  ttl: string | undefined,
  cron = '*/30 * * * *',
  paused = false,
) {
  return schedule({
    name,
    schedule: cron,
    paused,
    template: { includedNamespaces: ['payments'], excludedNamespaces: [], ttl },
  });
}

const HOUR_MS = 3_600_000;

describe('retention', () => {
  const only =
    (...schedules: ReturnType<typeof ttlSchedule>[]): Change =>
    i => {
      i.records.schedules = schedules;
    };
  // A weekly schedule kept 30 days, so that a case judges its own schedule.
  const weekly = ttlSchedule('payments-weekly', '720h', '0 3 * * 0');
  it.each<[string, Change, CheckStatus, string]>([
    [
      'an hourly schedule kept exactly 48 h',
      only(ttlSchedule('payments-hourly', '48h0m0s'), weekly),
      'pass',
      'prod/velero/payments-hourly keeps backups for 2 days (48h0m0s), at least the 2 days the Tier 2 policy requires for an hourly schedule;',
    ],
    [
      'an hourly schedule kept one second less than 48 h',
      only(ttlSchedule('payments-hourly', '47h59m59s'), weekly),
      'fail',
      'less than the 2 days the Tier 2 policy requires for an hourly schedule; set ttl to at least 48h0m0s.',
    ],
    [
      'a daily schedule kept exactly 7 days',
      only(ttlSchedule('payments-daily', '168h', '0 2 * * *'), weekly),
      'pass',
      'at least the 7 days the Tier 2 policy requires for a daily schedule',
    ],
    [
      'hourly 48 h and daily 7 days but nothing kept 30 days',
      only(
        ttlSchedule('payments-hourly', '48h0m0s'),
        ttlSchedule('payments-daily', '168h0m0s', '0 2 * * *'),
      ),
      'fail',
      'the longest-kept schedule, prod/velero/payments-daily, keeps backups for 7 days, so nothing older can be restored; the Tier 2 policy keeps weekly backups for 30 days: add a weekly schedule with ttl 720h0m0s or lengthen a TTL.',
    ],
    [
      'an hourly schedule kept exactly 30 days reaches back far enough',
      only(ttlSchedule('payments-hourly', '720h0m0s')),
      'pass',
      'prod/velero/payments-hourly keeps backups for 30 days (720h0m0s)',
    ],
    [
      'the longest-kept schedule one second short of 30 days',
      only(
        ttlSchedule('payments-hourly', '48h0m0s'),
        ttlSchedule('payments-daily', '719h59m59s', '0 2 * * *'),
      ),
      'fail',
      'the longest-kept schedule, prod/velero/payments-daily, keeps backups for 29 days 23 h',
    ],
    [
      'a daily schedule kept 48 h',
      only(ttlSchedule('payments-daily', '48h', '0 2 * * *')),
      'fail',
      'prod/velero/payments-daily keeps backups for 2 days (48h), 5 days less than the 7 days the Tier 2 policy requires for a daily schedule; set ttl to at least 168h0m0s',
    ],
    [
      'a schedule every 24 h and 1 s is judged as weekly',
      only(ttlSchedule('payments-slow', '168h', '@every 24h0m1s')),
      'fail',
      'less than the 30 days the Tier 2 policy requires for a weekly or rarer schedule',
    ],
    [
      'a weekly schedule kept 720 h',
      only(ttlSchedule('payments-weekly', '720h', '0 3 * * 0')),
      'pass',
      'at least the 30 days the Tier 2 policy requires for a weekly or rarer schedule',
    ],
    [
      'a weekly schedule kept one second less than 30 days',
      only(ttlSchedule('payments-weekly', '719h59m59s', '0 3 * * 0')),
      'fail',
      'set ttl to at least 720h0m0s',
    ],
    [
      'grandfather-father-son: hourly 48 h, daily 7 days, weekly 30 days',
      only(
        ttlSchedule('payments-hourly', '48h0m0s'),
        ttlSchedule('payments-daily', '168h0m0s', '0 2 * * *'),
        ttlSchedule('payments-weekly', '720h0m0s', '0 3 * * 0'),
      ),
      'pass',
      'prod/velero/payments-weekly keeps backups for 30 days (720h0m0s)',
    ],
    [
      'a TTL of 30d, which Velero cannot read, next to a good schedule',
      only(
        ttlSchedule('payments-hourly', '720h0m0s'),
        ttlSchedule('payments-weekly', '30d', '0 3 * * 0'),
      ),
      'fail',
      'prod/velero/payments-weekly has ttl "30d", which Velero cannot read (time: unknown unit "d" in duration "30d"; Go durations have no days: write 720h0m0s).',
    ],
    [
      'a negative TTL keeps nothing',
      only(ttlSchedule('payments-hourly', '-1h')),
      'fail',
      'so Velero deletes its backups at once and nothing is kept',
    ],
    [
      "a zero TTL takes Velero's 30-day default",
      only(ttlSchedule('payments-weekly', '0s', '0 3 * * 0')),
      'pass',
      'keeps backups for 30 days (0s)',
    ],
    [
      "no TTL takes Velero's 30-day default",
      only(ttlSchedule('payments-weekly', undefined, '0 3 * * 0')),
      'pass',
      'keeps backups for 30 days (720h0m0s)',
    ],
    [
      'an unreadable schedule must meet the longest retention',
      only(ttlSchedule('payments-odd', '168h', '0 2 * *')),
      'fail',
      'the 30 days the Tier 2 policy requires for a schedule whose cadence cannot be read',
    ],
    [
      'a paused long-lived schedule does not count',
      only(
        ttlSchedule('payments-hourly', '24h'),
        ttlSchedule('payments-weekly', '720h', '0 3 * * 0', true),
      ),
      'fail',
      'prod/velero/payments-hourly keeps backups for 1 day (24h)',
    ],
    [
      'only backups, with no active schedule, must last 30 days',
      i => {
        i.records.schedules = [];
        i.records.backups = [backup({ ttl: '168h0m0s' })];
      },
      'fail',
      'the 30 days the Tier 2 policy requires for backups no active schedule replaces',
    ],
    [
      'nothing kept: every backup expired',
      i => {
        i.records.backups = i.records.backups.map(b => ({
          ...b,
          expiresAt: minutesAgo(1),
        }));
      },
      'fail',
      'no clean (Completed, unexpired) Velero backup of this entity is kept at all',
    ],
    [
      'every item that does not pass is named',
      only(
        ttlSchedule('payments-hourly', '24h'),
        ttlSchedule('payments-weekly', '30d', '0 3 * * 0'),
      ),
      'fail',
      'prod/velero/payments-hourly keeps backups for 1 day (24h), 1 day less',
    ],
  ])('Velero: %s', (_case, change, status, summary) => {
    expect(outcomeOf('retention', change)).toEqual(outcome(status, summary));
  });

  it('names every schedule that does not pass', () => {
    const { summary } = checkOf(
      'retention',
      only(
        ttlSchedule('payments-hourly', '24h'),
        ttlSchedule('payments-weekly', '30d', '0 3 * * 0'),
      ),
    );
    expect(summary).toContain('prod/velero/payments-hourly keeps backups');
    expect(summary).toContain('prod/velero/payments-weekly has ttl "30d"');
  });

  it.each<
    [
      string,
      Partial<Parameters<typeof postgresCluster>[0]>,
      CheckStatus,
      string,
    ]
  >([
    [
      'a 30d policy, exactly the requirement',
      { retentionPolicy: '30d' },
      'pass',
      'prod/payments/payments-db keeps backups for 30 days (30d), at least the 30 days the Tier 2 policy requires for PostgreSQL',
    ],
    [
      '29d, a day short',
      { retentionPolicy: '29d' },
      'fail',
      'keeps backups for 29 days (29d), 1 day less than the 30 days',
    ],
    ['4w, 28 days', { retentionPolicy: '4w' }, 'fail', '2 days less'],
    [
      '1m, which barman counts as 31 days',
      { retentionPolicy: '1m' },
      'pass',
      'keeps backups for 31 days (1m)',
    ],
    [
      'no retention policy',
      { retentionPolicy: undefined },
      'warn',
      'has no retention policy, so its backups and WAL are kept until someone deletes them and never pruned; set retentionPolicy to at least 30d',
    ],
    [
      'a policy CloudNativePG cannot read',
      { retentionPolicy: '30 days' },
      'fail',
      'has retentionPolicy "30 days", which CloudNativePG cannot read',
    ],
    [
      'a leading zero CloudNativePG refuses',
      { retentionPolicy: '030d' },
      'fail',
      'which CloudNativePG cannot read',
    ],
    [
      'no backup configured at all',
      {
        retentionPolicy: undefined,
        backupConfiguration: { volumeSnapshot: false },
      },
      'fail',
      'has no backup configured (no barmanObjectStore, volume snapshots or barman-cloud plugin), so nothing is kept',
    ],
  ])('PostgreSQL: %s', (_case, overrides, status, summary) => {
    expect(
      outcomeOf('retention', i => {
        i.records.postgresClusters = [postgresCluster(overrides)];
      }),
    ).toEqual(outcome(status, summary));
  });

  it('reads the retention from the barman-cloud ObjectStore, unknown when it was not collected', () => {
    const plugin = {
      retentionPolicy: undefined,
      backupConfiguration: { volumeSnapshot: false },
      pluginObjectStore: { name: 'store', serverName: 'payments-db' },
    };
    expect(
      outcomeOf('retention', i => {
        i.records.postgresClusters = [postgresCluster(plugin)];
        i.records.objectStores = [objectStore({ retentionPolicy: '60d' })];
      }),
    ).toEqual(outcome('pass', 'prod/payments/store keeps backups for 60 days'));
    expect(
      outcomeOf('retention', i => {
        i.records.postgresClusters = [postgresCluster(plugin)];
      }),
    ).toEqual(outcome('unknown', 'which was not collected'));
  });

  it('judges against the configured per-component retention', () => {
    const { status, summary } = checkOf('retention', i => {
      i.policies = DEFAULT_TIER_POLICIES.map(tier => ({
        ...tier,
        kubernetesRetentionMs: {
          ...tier.kubernetesRetentionMs,
          hourlyMs: 72 * HOUR_MS,
        },
      }));
      i.records.schedules = [ttlSchedule('payments-hourly', '48h')];
    });
    expect(status).toBe('fail');
    expect(summary).toContain('1 day less than the 3 days');
  });
});

describe('storage', () => {
  it.each<[string, Change, CheckStatus, string]>([
    [
      'Unavailable',
      i => {
        i.records.storageLocations = [
          storageLocation({ phase: 'Unavailable', message: 'access denied' }),
          offsiteLocation,
        ];
      },
      'fail',
      'prod/velero/default is Unavailable (access denied)',
    ],
    [
      'no phase reported',
      i => {
        i.records.storageLocations = [
          storageLocation({ phase: undefined }),
          offsiteLocation,
        ];
      },
      'unknown',
      'prod/velero/default reports no status, so Velero has not judged whether it can be written',
    ],
    [
      'validated exactly 1 h ago',
      i => {
        i.records.storageLocations = [
          storageLocation({ lastValidatedAt: minutesAgo(60) }),
          offsiteLocation,
        ];
      },
      'pass',
      'prod/velero/default is Available, validated 1 h ago',
    ],
    [
      'validated 1 h and 1 s ago',
      i => {
        i.records.storageLocations = [
          storageLocation({ lastValidatedAt: secondsAgo(3601) }),
          offsiteLocation,
        ];
      },
      'warn',
      'more than 1 h: check that the Velero server runs and can reach it',
    ],
    [
      'validated exactly 24 h ago',
      i => {
        i.records.storageLocations = [
          storageLocation({ lastValidatedAt: minutesAgo(24 * 60) }),
          offsiteLocation,
        ];
      },
      'warn',
      'last validated 1 day ago, more than 1 h',
    ],
    [
      'validated 24 h and 1 s ago',
      i => {
        i.records.storageLocations = [
          storageLocation({ lastValidatedAt: secondsAgo(24 * 3600 + 1) }),
          offsiteLocation,
        ];
      },
      'fail',
      'is Available but was last validated 1 day ago, more than 1 day: check that the Velero server runs',
    ],
    [
      'validated 2 h ago',
      i => {
        i.records.storageLocations = [
          storageLocation({ lastValidatedAt: minutesAgo(120) }),
          offsiteLocation,
        ];
      },
      'warn',
      'last validated 2 h ago, more than 1 h',
    ],
    [
      'missing',
      i => {
        i.records.storageLocations = [offsiteLocation];
      },
      'fail',
      'prod/velero/default does not exist',
    ],
  ])('location %s', (_case, change, status, summary) => {
    expect(outcomeOf('storage-location', change)).toEqual(
      outcome(status, summary),
    );
  });

  it('names every location that does not pass, worst first', () => {
    expect(
      outcomeOf('storage-location', i => {
        i.records.storageLocations = [
          storageLocation({ lastValidatedAt: minutesAgo(120) }),
          { ...offsiteLocation, phase: undefined },
        ];
        i.records.schedules = [
          ...i.records.schedules,
          schedule({
            name: 'payments-archive',
            template: {
              includedNamespaces: ['payments'],
              excludedNamespaces: [],
              storageLocation: 'archive',
            },
          }),
        ];
      }),
    ).toEqual({
      status: 'fail',
      summary:
        'prod/velero/archive does not exist: create it or point the schedule at one that does; prod/velero/default is Available but was last validated 2 h ago, more than 1 h: check that the Velero server runs and can reach it; prod/velero/offsite reports no status, so Velero has not judged whether it can be written.',
    });
  });

  it('takes its thresholds from the options', () => {
    const { status } = checkOf('storage-location', i => {
      i.options = {
        storageValidationMaxAgeMs: 5 * 60_000,
        storageValidationFailAgeMs: 10 * 60_000,
      };
      i.records.storageLocations = [
        storageLocation({ lastValidatedAt: minutesAgo(11) }),
        offsiteLocation,
      ];
    });
    expect(status).toBe('fail');
  });
});

describe('PostgreSQL', () => {
  const withCluster =
    (overrides: Parameters<typeof postgresCluster>[0]): Change =>
    i => {
      i.records.postgresClusters = [postgresCluster(overrides)];
    };
  const failingSince = (minutes: number) => [
    {
      type: 'ContinuousArchiving',
      status: 'False' as const,
      reason: 'ContinuousArchivingFailing',
      lastTransitionTime: minutesAgo(minutes),
    },
  ];

  it.each<[string, Change, CheckStatus, string]>([
    [
      'archiving',
      withCluster({}),
      'pass',
      'WAL archiving is working for prod/payments/payments-db.',
    ],
    [
      'failing',
      withCluster({ conditions: failingSince(20) }),
      'fail',
      'has failed to archive WAL since',
    ],
    [
      'no condition',
      withCluster({ conditions: [] }),
      'unknown',
      'reports no ContinuousArchiving status',
    ],
    [
      'a named cluster that does not exist',
      i => {
        i.entity = component({
          'disaster-recovery/postgres-clusters': 'prod/payments/ledger',
        });
      },
      'fail',
      'names prod/payments/ledger, which does not exist.',
    ],
  ])('WAL archiving: %s', (_case, change, status, summary) => {
    expect(outcomeOf('postgres-wal-archiving', change)).toEqual(
      outcome(status, summary),
    );
  });

  it.each<[string, Change, CheckStatus, string]>([
    [
      'ContinuousArchiving True',
      withCluster({}),
      'pass',
      'ContinuousArchiving is True, so WAL archiving is taken as current (the status has no last-archived-WAL time)',
    ],
    [
      'False for 20 min',
      withCluster({ conditions: failingSince(20) }),
      'warn',
      'the last archived WAL is at least 20 min old, still within the 1 h RPO but growing',
    ],
    [
      'False for exactly the RPO',
      withCluster({ conditions: failingSince(60) }),
      'warn',
      'at least 1 h old, still within the 1 h RPO',
    ],
    [
      'False for 3 h',
      withCluster({ conditions: failingSince(180) }),
      'fail',
      'at least 3 h old, 2 h over the 1 h RPO',
    ],
  ])('WAL age: %s', (_case, change, status, summary) => {
    expect(outcomeOf('postgres-wal-age', change)).toEqual(
      outcome(status, summary),
    );
  });

  it.each<[string, Change, CheckStatus, string]>([
    [
      '31 days of window',
      withCluster({}),
      'pass',
      'can be recovered to any point of the last 31 days (Cluster status), covering the 30 days retention.',
    ],
    [
      '10 days of window',
      withCluster({
        statusRecoveryWindow: {
          firstRecoverabilityPoint: minutesAgo(10 * DAY_MINUTES),
        },
      }),
      'fail',
      '20 days short of the 30 days retention',
    ],
    [
      'a young cluster',
      withCluster({
        createdAt: minutesAgo(10 * DAY_MINUTES),
        statusRecoveryWindow: {
          firstRecoverabilityPoint: minutesAgo(10 * DAY_MINUTES),
        },
      }),
      'warn',
      'the cluster is only 10 days old, so the window is still growing',
    ],
    [
      'no window reported',
      withCluster({ statusRecoveryWindow: {} }),
      'unknown',
      'reports no first recoverability point',
    ],
    [
      'the barman-cloud plugin window',
      i => {
        i.records.postgresClusters = [
          postgresCluster({
            statusRecoveryWindow: {},
            pluginObjectStore: { name: 'store', serverName: 'payments-db-v2' },
          }),
        ];
        i.records.objectStores = [
          {
            cluster: 'prod',
            namespace: 'payments',
            name: 'store',
            uid: 'u',
            labels: {},
            lastSeenAt: NOW.toISOString(),
            serverRecoveryWindows: {
              'payments-db-v2': {
                firstRecoverabilityPoint: minutesAgo(40 * DAY_MINUTES),
              },
            },
          },
        ];
      },
      'pass',
      'the last 40 days (ObjectStore store, server payments-db-v2)',
    ],
  ])('recovery window: %s', (_case, change, status, summary) => {
    expect(outcomeOf('postgres-recovery-window', change)).toEqual(
      outcome(status, summary),
    );
  });

  it('leaves the PostgreSQL checks out for an entity without databases', () => {
    expect(evaluate().checks.map(c => c.id)).not.toContain(
      'postgres-wal-archiving',
    );
  });

  it('counts database pods as protected by CloudNativePG, not as uncovered', () => {
    expect(
      outcomeOf('workload-coverage', i => {
        i.records.postgresClusters = [postgresCluster()];
        i.records.workloads = [
          workload(),
          workload({
            name: 'payments-db-1',
            labels: {
              'backstage.io/kubernetes-id': 'payments',
              'cnpg.io/cluster': 'payments-db',
            },
          }),
        ];
        i.records.schedules = [
          schedule({
            template: {
              includedNamespaces: ['payments'],
              excludedNamespaces: [],
              labelSelector: {
                matchExpressions: [
                  { key: 'cnpg.io/cluster', operator: 'DoesNotExist' },
                ],
              },
            },
          }),
        ];
      }),
    ).toEqual(outcome('pass', 'All 2 pods and PVCs'));
  });
});

describe('PostgreSQL base backups', () => {
  const HOUR_MINUTES = 60;
  /** A healthy database: a daily ScheduledBackup and a base backup 9 h 30 min ago. */
  const database =
    (
      change: (
        records: ReturnType<typeof healthy>['records'],
      ) => void = () => {},
    ): Change =>
    i => {
      i.records.postgresClusters = [postgresCluster()];
      i.records.postgresScheduledBackups = [postgresScheduledBackup()];
      i.records.postgresBackups = [postgresBackup()];
      change(i.records);
    };
  const completedAgo = (minutes: number) =>
    database(r => {
      r.postgresBackups = [postgresBackup({ stoppedAt: minutesAgo(minutes) })];
    });

  it.each<[string, Change, CheckStatus, string]>([
    [
      'a daily ScheduledBackup and a base backup 9 h 30 min ago',
      database(),
      'pass',
      'prod/payments/payments-db: the last completed base backup was 9 h 30 min ago, within the 1 day base backup policy.',
    ],
    [
      'a base backup exactly 1 day and the 1 h grace ago',
      completedAgo(25 * HOUR_MINUTES),
      'pass',
      'the last completed base backup was 1 day 1 h ago',
    ],
    [
      'a base backup 1 s more than 1 day and the grace ago',
      database(r => {
        r.postgresBackups = [
          postgresBackup({ stoppedAt: secondsAgo(25 * 3600 + 1) }),
        ];
      }),
      'fail',
      'more than the 1 day the policy allows plus 1 h grace',
    ],
    [
      'no backup configured at all',
      database(r => {
        r.postgresClusters = [
          postgresCluster({ backupConfiguration: { volumeSnapshot: false } }),
        ];
      }),
      'fail',
      'prod/payments/payments-db has no backup configured: no WAL archiving and no base backups, so it cannot be recovered at all',
    ],
    [
      'volume snapshots only',
      database(r => {
        r.postgresClusters = [
          postgresCluster({ backupConfiguration: { volumeSnapshot: true } }),
        ];
      }),
      'pass',
      'the last completed base backup was 9 h 30 min ago',
    ],
    [
      'the barman-cloud plugin',
      database(r => {
        r.postgresClusters = [
          postgresCluster({
            backupConfiguration: { volumeSnapshot: false },
            pluginObjectStore: { name: 'store', serverName: 'payments-db' },
          }),
        ];
      }),
      'pass',
      'within the 1 day base backup policy',
    ],
    [
      'the last success from the Cluster status',
      database(r => {
        r.postgresBackups = [];
        r.postgresClusters = [
          postgresCluster({
            statusRecoveryWindow: {
              firstRecoverabilityPoint: minutesAgo(31 * DAY_MINUTES),
              lastSuccessfulBackupAt: minutesAgo(60),
            },
          }),
        ];
      }),
      'pass',
      'the last completed base backup was 1 h ago',
    ],
    [
      'lastFailedBackup newer than lastSuccessfulBackup',
      database(r => {
        r.postgresBackups = [];
        r.postgresClusters = [
          postgresCluster({
            statusRecoveryWindow: {
              firstRecoverabilityPoint: minutesAgo(31 * DAY_MINUTES),
              lastSuccessfulBackupAt: minutesAgo(120),
              lastFailedBackupAt: minutesAgo(60),
            },
          }),
        ];
      }),
      'fail',
      `prod/payments/payments-db: a base backup failed at ${minutesAgo(
        60,
      )}, after the last successful one at ${minutesAgo(120)}`,
    ],
    [
      'a latest Backup that failed',
      database(r => {
        r.postgresBackups = [
          ...r.postgresBackups,
          postgresBackup({
            name: 'payments-db-daily-20250611110000',
            phase: 'failed',
            stoppedAt: minutesAgo(60),
            error: 'no space left on device',
          }),
        ];
      }),
      'fail',
      'the latest base backup prod/payments/payments-db-daily-20250611110000 failed (no space left on device)',
    ],
    [
      'a ScheduledBackup with CRON_TZ=',
      database(r => {
        r.postgresScheduledBackups = [
          postgresScheduledBackup({
            schedule: 'CRON_TZ=Europe/Berlin 0 0 2 * * *',
          }),
        ];
      }),
      'fail',
      'prod/payments/payments-db-daily ("CRON_TZ=Europe/Berlin 0 0 2 * * *") starts with CRON_TZ=, which CloudNativePG\'s cron library (robfig/cron v1) cannot read, so it never takes a backup',
    ],
    [
      'a suspended ScheduledBackup',
      database(r => {
        r.postgresScheduledBackups = [
          postgresScheduledBackup({ suspended: true }),
        ];
      }),
      'fail',
      'prod/payments/payments-db-daily is suspended, so no base backups are taken; resume it',
    ],
    [
      'no ScheduledBackup',
      database(r => {
        r.postgresScheduledBackups = [];
      }),
      'fail',
      'no ScheduledBackup takes base backups; add one that runs at least every 1 day',
    ],
    [
      'a weekly ScheduledBackup',
      database(r => {
        r.postgresScheduledBackups = [
          postgresScheduledBackup({ schedule: '0 0 2 * * 0' }),
        ];
      }),
      'fail',
      'runs only every 7 days, longer than the 1 day the policy requires between base backups',
    ],
    [
      'a ScheduledBackup every 24 h exactly',
      database(r => {
        r.postgresScheduledBackups = [
          postgresScheduledBackup({ schedule: '@every 24h' }),
        ];
      }),
      'pass',
      'within the 1 day base backup policy',
    ],
    [
      'a ScheduledBackup every 24 h and 1 s',
      database(r => {
        r.postgresScheduledBackups = [
          postgresScheduledBackup({ schedule: '@every 24h0m1s' }),
        ];
      }),
      'fail',
      'runs only every 1 day',
    ],
    [
      'a new ScheduledBackup before its first run',
      database(r => {
        r.postgresBackups = [];
        r.postgresScheduledBackups = [
          postgresScheduledBackup({ createdAt: minutesAgo(60) }),
        ];
      }),
      'warn',
      'prod/payments/payments-db has no completed base backup yet; its first is due by',
    ],
    [
      'an immediate ScheduledBackup that has not run within the grace',
      database(r => {
        r.postgresBackups = [];
        r.postgresScheduledBackups = [
          postgresScheduledBackup({
            createdAt: secondsAgo(3601),
            immediate: true,
          }),
        ];
      }),
      'fail',
      'prod/payments/payments-db has no completed base backup, so there is nothing to restore from',
    ],
    [
      'an immediate ScheduledBackup still within the grace',
      database(r => {
        r.postgresBackups = [];
        r.postgresScheduledBackups = [
          postgresScheduledBackup({
            createdAt: minutesAgo(60),
            immediate: true,
          }),
        ];
      }),
      'warn',
      'has no completed base backup yet',
    ],
    [
      'WAL archiving failing',
      database(r => {
        r.postgresClusters = [
          postgresCluster({
            conditions: [
              {
                type: 'ContinuousArchiving',
                status: 'False',
                lastTransitionTime: minutesAgo(180),
              },
            ],
          }),
        ];
      }),
      'fail',
      `WAL archiving has failed since ${minutesAgo(
        180,
      )}, so the database can be recovered only up to then`,
    ],
  ])('%s', (_case, change, status, summary) => {
    expect(outcomeOf('postgres-base-backup', change)).toEqual(
      outcome(status, summary),
    );
  });

  it('takes the base backup interval from the tier policy', () => {
    const { status } = checkOf('postgres-base-backup', i => {
      database()(i);
      i.policies = DEFAULT_TIER_POLICIES.map(tier => ({
        ...tier,
        baseBackupIntervalMs: 6 * HOUR_MS,
      }));
    });
    expect(status).toBe('fail');
  });

  it.each<[string, string | undefined, string]>([
    ['archiving works', undefined, minutesAgo(10)],
    ['archiving stopped 3 h ago', minutesAgo(180), minutesAgo(180)],
    [
      'archiving stopped after the last clean backup',
      minutesAgo(5),
      minutesAgo(10),
    ],
  ])(
    'headline freshness when %s is the older of the backup and the archiving stop',
    (_case, stoppedAt, expected) => {
      const posture = evaluate(i => {
        database()(i);
        if (stoppedAt) {
          i.records.postgresClusters = [
            postgresCluster({
              conditions: [
                {
                  type: 'ContinuousArchiving',
                  status: 'False',
                  lastTransitionTime: stoppedAt,
                },
              ],
            }),
          ];
        }
      });
      expect(posture.protection.lastCleanBackupAt).toBe(expected);
    },
  );
});

describe('drills', () => {
  const tier1 = (i: ReturnType<typeof healthy>) => {
    i.entity = component({ 'disaster-recovery/tier': '1' });
  };
  const drill = (overrides: Partial<DrillRecord>): DrillRecord => ({
    ...drDrill,
    ...overrides,
  });

  it.each<[string, Change, CheckStatus, string]>([
    [
      'a Velero restore into another namespace 2 days ago',
      i => {
        tier1(i);
        i.records.restores = [
          restore({ completedAt: minutesAgo(2 * DAY_MINUTES) }),
        ];
      },
      'pass',
      'The last successful restore test, Velero restore prod/velero/payments-restore-test of backup payments-hourly-20250611115000 (restore duration',
    ],
    [
      'a Velero restore in the DR cluster of a backup that has since expired',
      i => {
        tier1(i);
        i.records.restores = [
          restore({
            cluster: 'dr',
            backupName: 'payments-hourly-20250605060000',
            completedAt: minutesAgo(6 * DAY_MINUTES),
          }),
        ];
        i.drills = [];
      },
      'pass',
      'Velero restore dr/velero/payments-restore-test of backup payments-hourly-20250605060000',
    ],
    [
      'a restore over production does not count',
      i => {
        tier1(i);
        i.records.restores = [restore({ namespaceMapping: {} })];
        i.drills = [];
      },
      'fail',
      'No successful restore test is recorded; Tier 1 requires one every 7 days.',
    ],
    [
      'a restore test exactly 7 days ago',
      i => {
        tier1(i);
        i.drills = [
          drill({ kind: 'restore-test', endedAt: minutesAgo(7 * DAY_MINUTES) }),
        ];
      },
      'pass',
      'ended 7 days ago, within policy',
    ],
    [
      'a restore test 7 days and a second ago',
      i => {
        tier1(i);
        i.drills = [
          drill({ kind: 'restore-test', endedAt: secondsAgo(7 * 86_400 + 1) }),
        ];
      },
      'fail',
      'ended 7 days ago, 1 s overdue',
    ],
    [
      'a later restore test with a manual step',
      i => {
        tier1(i);
        i.drills = [
          drill({ kind: 'restore-test', endedAt: minutesAgo(3 * DAY_MINUTES) }),
          drill({
            kind: 'restore-test',
            endedAt: minutesAgo(DAY_MINUTES),
            evidence: {
              manualStepsNotInRunbook: ['scaled the deployment by hand'],
            },
          }),
        ];
      },
      'warn',
      'failed: 1 manual step was not in the runbook (scaled the deployment by hand)',
    ],
    [
      'only a drill with a manual step',
      i => {
        tier1(i);
        i.drills = [
          drill({
            kind: 'restore-test',
            endedAt: minutesAgo(DAY_MINUTES),
            evidence: { manualStepsNotInRunbook: ['fixed DNS'] },
          }),
        ];
      },
      'fail',
      'No successful restore test is recorded',
    ],
  ])('restore test: %s', (_case, change, status, summary) => {
    expect(outcomeOf('restore-test', change)).toEqual(outcome(status, summary));
  });

  it.each<[string, Change, CheckStatus, string]>([
    [
      'a drill 10 days ago',
      () => {},
      'pass',
      'ended 10 days ago, within policy (Tier 2 requires one every 90 days)',
    ],
    [
      'a drill 100 days ago',
      i => {
        i.drills = [drill({ endedAt: minutesAgo(100 * DAY_MINUTES) })];
      },
      'fail',
      '10 days overdue',
    ],
    [
      'a drill for another entity',
      i => {
        i.drills = [drill({ entityRefs: ['component:default/orders'] })];
      },
      'fail',
      'No successful DR drill is recorded',
    ],
    [
      'an entity ref written loosely',
      i => {
        i.drills = [drill({ entityRefs: ['Component:payments'] })];
      },
      'pass',
      'within policy',
    ],
  ])('DR drill: %s', (_case, change, status, summary) => {
    expect(outcomeOf('dr-drill', change)).toEqual(outcome(status, summary));
  });

  const relaxed = (i: ReturnType<typeof healthy>) => {
    i.options = {
      drillRequirements: {
        'restore-test': [],
        'dr-drill': [],
        'full-dr-test': [],
        'failover-drill': [],
      },
    };
  };
  const noTarget = { restoreTargetTime: undefined };

  it.each<[string, Change, CheckStatus, string]>([
    [
      'targets met',
      () => {},
      'pass',
      'Drills met the targets: RTO 1 h against 4 h (the dr-drill of 2025-06-01T10:00:00.000Z), RPO 10 min against 1 h (the dr-drill of 2025-06-01T10:00:00.000Z).',
    ],
    [
      'RTO missed',
      i => {
        i.drills = [drill({ achievedRtoMs: 5 * 3_600_000 })];
      },
      'fail',
      'A drill missed its target: RTO 5 h against 4 h, 1 h over (the dr-drill of',
    ],
    [
      'RTO exactly at the target',
      i => {
        i.drills = [drill({ achievedRtoMs: 4 * 3_600_000 })];
      },
      'pass',
      'RTO 4 h against 4 h',
    ],
    [
      'RTO a second over the target',
      i => {
        i.drills = [drill({ achievedRtoMs: 4 * 3_600_000 + 1000 })];
      },
      'fail',
      'RTO 4 h against 4 h, 1 s over',
    ],
    [
      'no measurement',
      i => {
        i.drills = [
          drill({
            achievedRtoMs: undefined,
            achievedRpoMs: undefined,
            evidence: completeDrillEvidence(noTarget),
          }),
        ];
        relaxed(i);
      },
      'unknown',
      'No recorded drill has measured an achieved RTO or RPO.',
    ],
    [
      'a failed drill within its targets',
      i => {
        i.drills = [
          drill({
            evidence: completeDrillEvidence({
              healthChecks: [{ name: 'pods ready', passed: false }],
            }),
          }),
        ];
      },
      'unknown',
      'failed (health check "pods ready" failed): a failed or incomplete drill never meets targets.',
    ],
    [
      'an incomplete drill within its targets',
      i => {
        i.drills = [
          drill({
            evidence: completeDrillEvidence({ reconciliation: undefined }),
          }),
        ];
      },
      'unknown',
      'was incomplete (it lacks required evidence: the reconciliation result)',
    ],
    [
      // Yesterday's recovery took 9 h: an older success does not undo that.
      'a later failed drill that measured a miss fails, whatever the older success',
      i => {
        i.drills = [
          drDrill,
          drill({
            endedAt: minutesAgo(DAY_MINUTES),
            outcome: 'failed',
            achievedRtoMs: 9 * 3_600_000,
          }),
        ];
      },
      'fail',
      'RTO 9 h against 4 h (the dr-drill of 2025-06-01T10:00:00.000Z, which failed: its measurement still counts against the target)',
    ],
    [
      'a later failed drill within the targets leaves the succeeded one to judge',
      i => {
        i.drills = [
          drDrill,
          drill({
            endedAt: minutesAgo(DAY_MINUTES),
            outcome: 'failed',
            achievedRtoMs: 3 * 3_600_000,
          }),
        ];
      },
      'pass',
      'RTO 1 h against 4 h',
    ],
    [
      'the RPO derived from the restore target and the backup',
      i => {
        i.drills = [drill({ achievedRpoMs: undefined })];
      },
      'pass',
      'RPO 5 min against 1 h',
    ],
    [
      'the RPO derived from the last archived WAL',
      i => {
        i.drills = [
          drill({
            achievedRpoMs: undefined,
            evidence: completeDrillEvidence({
              database: { lastArchivedWalAt: '2025-06-01T08:59:00.000Z' },
            }),
          }),
        ];
      },
      'pass',
      'RPO 1 min against 1 h',
    ],
    [
      'a drill exactly at its 90-day interval',
      i => {
        i.drills = [drill({ endedAt: minutesAgo(90 * DAY_MINUTES) })];
      },
      'pass',
      'RTO 1 h against 4 h',
    ],
    [
      'a drill a minute past its 90-day interval',
      i => {
        i.drills = [drill({ endedAt: minutesAgo(90 * DAY_MINUTES + 1) })];
      },
      'unknown',
      'is older than Tier 2 allows for a dr-drill',
    ],
    [
      'a restore test of one component',
      i => {
        i.drills = [
          drill({ kind: 'restore-test', achievedRtoMs: 9 * 3_600_000 }),
        ];
      },
      'unknown',
      'no succeeded drill within its policy interval measured the achieved RTO (a restore test of one component is not compared with the service RTO unless it covered the whole service)',
    ],
    [
      'a restore test covering the whole service',
      i => {
        i.drills = [
          drill({
            kind: 'restore-test',
            coversWholeService: true,
            achievedRtoMs: 9 * 3_600_000,
          }),
        ];
      },
      'fail',
      'RTO 9 h against 4 h, 5 h over (the restore-test of',
    ],
    [
      'a newer restore test of one component beside a drill',
      i => {
        i.drills = [
          drDrill,
          drill({
            kind: 'restore-test',
            endedAt: minutesAgo(DAY_MINUTES),
            achievedRtoMs: 9 * 3_600_000,
            achievedRpoMs: 20 * 60_000,
          }),
        ];
      },
      'pass',
      'RTO 1 h against 4 h (the dr-drill of 2025-06-01T10:00:00.000Z), RPO 20 min against 1 h (the restore-test of',
    ],
    [
      'only the RTO measured, where the RPO is not required',
      i => {
        i.drills = [
          drill({
            achievedRpoMs: undefined,
            evidence: completeDrillEvidence(noTarget),
          }),
        ];
        relaxed(i);
      },
      'unknown',
      'Only RTO 1 h against 4 h (the dr-drill of 2025-06-01T10:00:00.000Z) is known: no succeeded drill within its policy interval measured the achieved RPO, so whether the RPO target is met is not known.',
    ],
    [
      'a drill dated in the future',
      i => {
        i.drills = [
          drill({
            startedAt: minutesAgo(-60),
            endedAt: minutesAgo(-1),
          }),
        ];
      },
      'unknown',
      'No recorded drill has measured',
    ],
    [
      'a voided drill',
      i => {
        i.drills = [
          {
            ...drDrill,
            voided: {
              at: NOW.toISOString(),
              by: 'user:default/a',
              reason: 'wrong entity',
            },
          },
        ];
      },
      'unknown',
      'No recorded drill has measured',
    ],
    [
      'a superseded drill',
      i => {
        i.drills = [{ ...drDrill, supersededBy: 'd2' }];
      },
      'unknown',
      'No recorded drill has measured',
    ],
    [
      'a newer incomplete drill that measured a miss, beside an older success',
      i => {
        i.drills = [
          drDrill,
          drill({
            endedAt: minutesAgo(DAY_MINUTES),
            achievedRpoMs: 3 * 3_600_000,
            evidence: { manualStepsNotInRunbook: [] },
          }),
        ];
      },
      'fail',
      'RPO 3 h against 1 h (the dr-drill of 2025-06-01T10:00:00.000Z, which was incomplete: its measurement still counts against the target)',
    ],
    [
      'a failed drill ended at the same time as the success, with a miss',
      i => {
        i.drills = [
          drDrill,
          drill({ outcome: 'failed', achievedRtoMs: 5 * 3_600_000 }),
        ];
      },
      'fail',
      'RTO 5 h against 4 h (the dr-drill of 2025-06-01T10:00:00.000Z, which failed',
    ],
    [
      'an older failed drill with a miss, before the success',
      i => {
        i.drills = [
          drDrill,
          drill({
            startedAt: minutesAgo(20 * DAY_MINUTES + 120),
            endedAt: minutesAgo(20 * DAY_MINUTES),
            outcome: 'failed',
            achievedRtoMs: 5 * 3_600_000,
          }),
        ];
      },
      'pass',
      'RTO 1 h against 4 h',
    ],
  ])('drill objectives: %s', (_case, change, status, summary) => {
    expect(outcomeOf('drill-objectives', change)).toEqual(
      outcome(status, summary),
    );
  });

  it.each<[string, Change, boolean | null, boolean | null]>([
    ['both met', () => {}, true, true],
    [
      'RTO missed',
      i => {
        i.drills = [drill({ achievedRtoMs: 5 * 3_600_000 })];
      },
      false,
      true,
    ],
    [
      'RPO not measured',
      i => {
        i.drills = [
          drill({
            achievedRpoMs: undefined,
            evidence: completeDrillEvidence(noTarget),
          }),
        ];
        relaxed(i);
      },
      true,
      null,
    ],
  ])('drill objectives evidence: %s', (_case, change, metRto, metRpo) => {
    expect(checkOf('drill-objectives', change).evidence.values).toMatchObject({
      metRto,
      metRpo,
    });
  });

  it.each<[string, Change, string, string, number]>([
    [
      'the succeeded drill that met it',
      () => {},
      'dr-drill',
      drDrill.endedAt,
      3_600_000,
    ],
    [
      'a failed drill as recent that missed it, not the success',
      i => {
        i.drills = [
          drDrill,
          drill({ outcome: 'failed', achievedRtoMs: 5 * 3_600_000 }),
        ];
      },
      'dr-drill',
      drDrill.endedAt,
      5 * 3_600_000,
    ],
    [
      'the newest succeeded drill that measured the RTO, not a newer one that measured only the RPO',
      i => {
        i.drills = [
          { ...failover, achievedRtoMs: 90 * 60_000 },
          drill({ achievedRtoMs: undefined }),
        ];
        relaxed(i);
      },
      'failover-drill',
      failover.endedAt,
      90 * 60_000,
    ],
  ])(
    'drill objectives names the drill that decided the RTO: %s',
    (_case, change, kind, endedAt, achievedMs) => {
      expect(checkOf('drill-objectives', change).evidence.values).toMatchObject(
        {
          rtoDrillKind: kind,
          rtoDrillEndedAt: endedAt,
          rtoDrillAchievedRtoMs: achievedMs,
        },
      );
    },
  );

  it.each<[string, Change, CheckStatus, string]>([
    [
      'a full DR test 200 days ago',
      tier1,
      'pass',
      'ended 200 days ago, within policy (Tier 1 requires one every 365 days)',
    ],
    [
      'none for tier 3 either',
      i => {
        i.entity = component({ 'disaster-recovery/tier': '3' });
        i.drills = [drDrill];
      },
      'fail',
      'No successful full DR test is recorded; Tier 3 requires one every 365 days.',
    ],
  ])('full DR test: %s', (_case, change, status, summary) => {
    expect(outcomeOf('full-dr-test', change)).toEqual(outcome(status, summary));
  });

  it.each<[string, Change, CheckStatus | undefined, string]>([
    ['a failover 20 days ago', () => {}, 'pass', 'ended 20 days ago'],
    [
      'none',
      i => {
        i.drills = [drDrill];
      },
      'fail',
      'No successful failover drill is recorded; Tier 2 requires one every 90 days.',
    ],
    [
      'an incomplete one',
      i => {
        i.drills = [
          drDrill,
          {
            ...failover,
            evidence: completeDrillEvidence({ healthChecks: [] }),
          },
        ];
      },
      'fail',
      'The latest, the failover-drill recorded for 2025-05-22T11:00:00.000Z, was incomplete: it lacks required evidence: health checks.',
    ],
  ])(
    'failover drill of a hot-warm entity: %s',
    (_case, change, status, summary) => {
      expect(outcomeOf('failover-drill', change)).toEqual(
        outcome(status!, summary),
      );
    },
  );

  it('asks no failover drill of an entity not declaring hot-warm', () => {
    const posture = evaluate(i => {
      i.entity = component({ 'disaster-recovery/pattern': 'hot-cold' });
    });
    expect(posture.checks.map(c => c.id)).not.toContain('failover-drill');
  });
});

describe('tier declared', () => {
  it.each<[string, Record<string, string>, CheckStatus, string]>([
    ['a configured tier', {}, 'pass', 'Tier 2 is declared: RPO 1 h, RTO 4 h.'],
    [
      'a tier that is not configured',
      { 'disaster-recovery/tier': 'gold' },
      'fail',
      'disaster-recovery/tier is "gold", which is not a configured tier ("1", "2", "3"). Declare one of the configured tiers.',
    ],
  ])('%s', (_case, annotations, status, summary) => {
    expect(
      outcomeOf('tier-declared', i => {
        i.entity = component(annotations);
      }),
    ).toEqual(outcome(status, summary));
  });
});

describe('HA pattern, runbook and coverage', () => {
  it.each<[string, Record<string, string>, CheckStatus, string]>([
    [
      'hot-cold cannot meet a tier 2 RTO of 4 h',
      { 'disaster-recovery/pattern': 'hot-cold' },
      'fail',
      'so even at best 8 h it cannot meet the 4 h RTO',
    ],
    [
      'hot-warm meets tier 1 only at its fast end',
      {
        'disaster-recovery/tier': '1',
        'disaster-recovery/pattern': 'hot-warm',
      },
      'warn',
      'meets the 2 h RTO only at the faster end',
    ],
    [
      'hot-cold meets the tier 3 RTO only at its fast end',
      {
        'disaster-recovery/tier': '3',
        'disaster-recovery/pattern': 'hot-cold',
      },
      'warn',
      'its RTO is 8 h–3 days, so it meets the 1 day RTO only at the faster end; its RPO of 4 h–1 day meets the 1 day RPO',
    ],
    [
      'hot-cold meets tier 3 with a 72 h RTO',
      {
        'disaster-recovery/tier': '3',
        'disaster-recovery/pattern': 'hot-cold',
        'disaster-recovery/rto': '72h',
      },
      'pass',
      'its RTO of 8 h–3 days meets the 3 days RTO',
    ],
    [
      'hot-hot, which has no planning range, active in one region only',
      { 'disaster-recovery/pattern': 'hot-hot' },
      'fail',
      'hot-hot (active-active; traffic moves to the surviving site) is not proven: it runs active only in eu-west-1 (prod): active-active needs ready workloads in two regions (it needs two active regions).',
    ],
    [
      'cloud-native, which has no planning range, in two zones',
      { 'disaster-recovery/pattern': 'cloud-native' },
      'pass',
      'is proven: its workloads and databases run in two or more zones',
    ],
    ['no pattern', {}, 'unknown', 'No disaster-recovery/pattern annotation'],
  ])('%s', (_case, annotations, status, summary) => {
    expect(
      outcomeOf('ha-pattern', i => {
        i.entity = component(annotations);
      }),
    ).toEqual(outcome(status, summary));
  });

  it.each<[string, Change, CheckStatus, string]>([
    [
      'its only copy outside the region is unavailable',
      i => {
        i.records.storageLocations = [
          storageLocation(),
          { ...offsiteLocation, phase: 'Unavailable' },
        ];
      },
      'fail',
      "hot-cold (the standby site is built and restored from backups) is not proven: the copy of the workloads' data outside the region is not current: prod/velero/offsite is Unavailable",
    ],
    [
      'its copy outside the region is in the same region but another account',
      i => {
        i.records.storageLocations = [
          storageLocation(),
          {
            ...offsiteLocation,
            provider: 'aws',
            region: 'eu-west-1',
            account: '999',
          },
        ];
      },
      'fail',
      "every backup of the workloads' data is in its cluster's region",
    ],
    [
      'the region of its copy is unknown',
      i => {
        i.records.storageLocations = [
          storageLocation(),
          { ...offsiteLocation, provider: 'aws', region: undefined },
        ];
      },
      'unknown',
      "whether the workloads' data has a current copy outside the region cannot be told",
    ],
  ])('hot-cold proof: %s', (_case, change, status, summary) => {
    expect(
      outcomeOf('ha-pattern', i => {
        i.entity = component({
          'disaster-recovery/tier': '3',
          'disaster-recovery/pattern': 'hot-cold',
          'disaster-recovery/rto': '72h',
        });
        change(i);
      }),
    ).toEqual(outcome(status, summary));
  });

  it.each<[string, Record<string, string>, CheckStatus]>([
    [
      'linked',
      { 'disaster-recovery/runbook': 'https://runbooks.example.com/payments' },
      'pass',
    ],
    ['missing', {}, 'fail'],
    ['malformed', { 'disaster-recovery/runbook': 'see wiki' }, 'unknown'],
  ])('runbook %s → %s', (_case, annotations, status) => {
    expect(
      checkOf('runbook', i => {
        i.entity = component(annotations);
      }).status,
    ).toBe(status);
  });

  describe('a warm standby restored from the active cluster', () => {
    const standbyPod = workload({ cluster: 'standby', name: 'payments-1a2b' });
    const standbyReads = (overrides = {}) =>
      storageLocation({
        cluster: 'standby',
        accessMode: 'ReadOnly',
        ...overrides,
      });

    it.each<[string, Change, CheckStatus, string]>([
      [
        "reading the active cluster's bucket",
        i => {
          i.records.workloads = [...i.records.workloads, standbyPod];
          i.records.storageLocations = [
            ...i.records.storageLocations,
            standbyReads(),
          ];
        },
        'pass',
        "All 4 pods and PVCs of this entity are taken by an active schedule (1 through another cluster's schedule whose bucket their cluster reads).",
      ],
      [
        'reading another bucket',
        i => {
          i.records.workloads = [...i.records.workloads, standbyPod];
          i.records.storageLocations = [
            ...i.records.storageLocations,
            standbyReads({ bucket: 'standby-backups' }),
          ];
        },
        'fail',
        "not taken by any active schedule, nor restorable from another cluster's: Pod standby/payments/payments-1a2b.",
      ],
      [
        'whose only source schedules are paused',
        i => {
          i.records.workloads = [...i.records.workloads, standbyPod];
          i.records.storageLocations = [
            ...i.records.storageLocations,
            standbyReads(),
          ];
          i.records.schedules = i.records.schedules.map(s => ({
            ...s,
            paused: true,
          }));
        },
        'fail',
        'Pod prod/payments/payments-7d9f',
      ],
    ])('%s', (_case, change, status, summary) => {
      // Without cluster facts: with them a standby's workloads never count
      // for a production entity (see otherEnvironments.test.ts).
      const withoutFacts: Change = i => {
        i.clusters = undefined;
        change(i);
      };
      expect(outcomeOf('workload-coverage', withoutFacts)).toEqual(
        outcome(status, summary),
      );
    });
  });

  it('names the workloads no schedule takes', () => {
    expect(
      outcomeOf('workload-coverage', i => {
        i.records.workloads = [
          ...i.records.workloads,
          workload({
            kind: 'PersistentVolumeClaim',
            namespace: 'payments-cache',
            name: 'redis',
          }),
        ];
      }),
    ).toEqual(
      outcome(
        'fail',
        "1 of 4 pods and PVCs is not taken by any active schedule, nor restorable from another cluster's: PersistentVolumeClaim prod/payments-cache/redis.",
      ),
    );
  });
});
