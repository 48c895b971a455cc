import fc from 'fast-check';
import type { ClusterCollectionHealth } from '../api';
import type { DrillRecord } from '../drills';
import type { ClusterFacts } from '../environments';
import type { EntityPostureInput } from '../posture/evaluateEntityPosture';
import { DEFAULT_TIER_POLICIES } from '../policy';
import type { BuiltInPostureRecords } from '../recordKinds';
import type {
  DataUploadRecord,
  PodVolumeBackupRecord,
  WorkloadRecord,
} from '../records';
import {
  backup,
  certificate,
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
  storageLocation,
  workload,
} from './fixtures';

/**
 * Random but realistic posture inputs for property tests: the payments
 * service of `fixtures.ts` with its Velero schedules and backups, storage
 * locations, restores, a CloudNativePG database, drills and cluster facts,
 * each value drawn from the ones the rules tell apart (fresh or stale,
 * healthy or broken, present or absent), so that every check sees each of
 * its statuses over a few hundred cases.
 */

const HOUR = 60;
const DAY = 24 * HOUR;

/** Minutes before `NOW`, around the thresholds of the rules (RPO 15 min to 24 h, drills 7 days to a year). */
const age = fc.constantFrom(
  0,
  5,
  20,
  50,
  3 * HOUR,
  30 * HOUR,
  8 * DAY,
  40 * DAY,
  120 * DAY,
  400 * DAY,
);
const ago = age.map(minutesAgo);
const maybe = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc.option(arbitrary, { nil: undefined });
const cluster = fc.constantFrom('prod', 'prod', 'prod', 'standby', 'staging');

const SCHEDULE_NAMES = [
  'payments-hourly',
  'payments-offsite',
  'payments-daily',
];
const LOCATION_NAMES = ['default', 'offsite', 'missing'];

const scheduleArb = fc
  .record({
    name: fc.constantFrom(...SCHEDULE_NAMES),
    cluster,
    schedule: fc.constantFrom(
      '*/10 * * * *',
      '*/30 * * * *',
      '0 * * * *',
      '0 2 * * *',
      '@every 45m',
      'not a cron',
    ),
    paused: fc.boolean(),
    phase: maybe(fc.constantFrom('Enabled', 'Enabled', 'FailedValidation')),
    lastBackupAt: maybe(ago),
    createdAt: ago,
    ttl: maybe(fc.constantFrom('720h0m0s', '48h', '2160h', '1h', 'bad')),
    storageLocation: maybe(fc.constantFrom(...LOCATION_NAMES)),
    namespaces: fc.constantFrom<string[]>(
      ['payments'],
      ['payments'],
      ['other'],
    ),
    snapshotMoveData: maybe(fc.boolean()),
    defaultVolumesToFsBackup: maybe(fc.boolean()),
  })
  .map(s =>
    schedule({
      name: s.name,
      cluster: s.cluster,
      uid: `schedule-${s.cluster}-${s.name}`,
      schedule: s.schedule,
      paused: s.paused,
      phase: s.phase,
      lastBackupAt: s.lastBackupAt,
      createdAt: s.createdAt,
      template: {
        includedNamespaces: s.namespaces,
        excludedNamespaces: [],
        ttl: s.ttl,
        storageLocation: s.storageLocation,
        snapshotMoveData: s.snapshotMoveData,
        defaultVolumesToFsBackup: s.defaultVolumesToFsBackup,
      },
    }),
  );

const counts = maybe(
  fc.constantFrom(
    { attempted: 1, completed: 1 },
    { attempted: 1, completed: 0 },
  ),
);

const backupArb = fc
  .record({
    index: fc.nat(99),
    scheduleName: maybe(fc.constantFrom(...SCHEDULE_NAMES)),
    cluster,
    phase: maybe(
      fc.constantFrom(
        'Completed',
        'Completed',
        'Completed',
        'PartiallyFailed',
        'Failed',
        'InProgress',
        'FailedValidation',
      ),
    ),
    completed: age,
    expiresIn: maybe(fc.constantFrom(-HOUR, 2 * HOUR, 10 * DAY, 60 * DAY)),
    storageLocation: maybe(fc.constantFrom(...LOCATION_NAMES)),
    errors: fc.constantFrom(0, 0, 2),
    warnings: fc.constantFrom(0, 0, 1),
    failureReason: maybe(fc.constant('the location is unavailable')),
    volumeSnapshots: counts,
    csiVolumeSnapshots: counts,
    snapshotMoveData: maybe(fc.boolean()),
    defaultVolumesToFsBackup: maybe(fc.boolean()),
    deleted: fc.constantFrom(false, false, false, false, true),
  })
  .map(b =>
    backup({
      name: `${b.scheduleName ?? 'payments-manual'}-${b.index}`,
      uid: `backup-${b.cluster}-${b.index}`,
      cluster: b.cluster,
      scheduleName: b.scheduleName,
      phase: b.phase,
      startedAt: minutesAgo(b.completed + 2),
      completedAt:
        b.phase === 'InProgress' ? undefined : minutesAgo(b.completed),
      expiresAt:
        b.expiresIn === undefined
          ? undefined
          : new Date(NOW.getTime() + b.expiresIn * 60_000).toISOString(),
      storageLocation: b.storageLocation,
      errors: b.errors,
      warnings: b.warnings,
      failureReason: b.failureReason,
      volumeSnapshots: b.volumeSnapshots,
      csiVolumeSnapshots: b.csiVolumeSnapshots,
      snapshotMoveData: b.snapshotMoveData,
      defaultVolumesToFsBackup: b.defaultVolumesToFsBackup,
      deletedAt: b.deleted ? minutesAgo(1) : undefined,
    }),
  );

const locationArb = fc
  .record({
    name: fc.constantFrom('default', 'offsite'),
    cluster: fc.constantFrom('prod', 'prod', 'standby'),
    provider: fc.constantFrom('aws', 'gcp'),
    region: maybe(fc.constantFrom('eu-west-1', 'us-east-1', 'europe-west1')),
    phase: maybe(fc.constantFrom('Available', 'Available', 'Unavailable')),
    lastValidatedAt: maybe(fc.constantFrom(0, 5, 3 * HOUR, 30 * HOUR)),
    immutable: maybe(fc.boolean()),
    accessMode: maybe(fc.constantFrom('ReadWrite', 'ReadOnly')),
  })
  .map(l =>
    storageLocation({
      name: l.name,
      cluster: l.cluster,
      uid: `location-${l.cluster}-${l.name}`,
      provider: l.provider,
      bucket: `bucket-${l.name}`,
      region: l.region,
      isDefault: l.name === 'default',
      phase: l.phase,
      lastValidatedAt:
        l.lastValidatedAt === undefined
          ? undefined
          : minutesAgo(l.lastValidatedAt),
      immutable: l.immutable,
      accessMode: l.accessMode,
    }),
  );

const restoreArb = fc
  .record({
    cluster: fc.constantFrom('prod', 'standby'),
    backupIndex: fc.nat(99),
    phase: maybe(fc.constantFrom('Completed', 'PartiallyFailed', 'Failed')),
    completed: age,
    intoOtherNamespace: fc.boolean(),
  })
  .map(r =>
    restore({
      cluster: r.cluster,
      uid: `restore-${r.cluster}-${r.backupIndex}`,
      backupName: `payments-hourly-${r.backupIndex}`,
      phase: r.phase,
      startedAt: minutesAgo(r.completed + 30),
      completedAt: r.phase ? minutesAgo(r.completed) : undefined,
      namespaceMapping: r.intoOtherNamespace
        ? { payments: 'payments-restore-test' }
        : {},
    }),
  );

const postgresArb = fc.record({
  archiving: maybe(fc.constantFrom('True', 'True', 'False')),
  archivingSince: ago,
  firstRecoverabilityPoint: maybe(ago),
  lastSuccessfulBackupAt: maybe(ago),
  retentionPolicy: maybe(fc.constantFrom('30d', '7d', '4w', '030d')),
  destination: fc.constantFrom('barman', 'plugin', 'snapshots', 'none'),
  scheduledBackups: fc.array(
    fc.record({
      schedule: fc.constantFrom('0 0 2 * * *', '0 0 * * * *', 'bad'),
      suspended: fc.boolean(),
      lastScheduleAt: maybe(ago),
    }),
    { maxLength: 2 },
  ),
  backups: fc.array(
    fc.record({
      index: fc.nat(99),
      phase: maybe(
        fc.constantFrom('completed', 'completed', 'failed', 'running'),
      ),
      stopped: age,
      method: maybe(
        fc.constantFrom('barmanObjectStore', 'volumeSnapshot', 'plugin'),
      ),
    }),
    { maxLength: 3 },
  ),
  storeRetention: maybe(fc.constantFrom('30d', '7d')),
  storeWindow: maybe(ago),
  instances: maybe(fc.constantFrom(1, 2, 3)),
  readyInstances: maybe(fc.constantFrom(0, 1, 2, 3)),
  nodesUsed: maybe(fc.constantFrom(1, 2)),
  replica: fc.constantFrom('ready', 'not-ready', 'other-source', 'none'),
});

type PostgresShape = typeof postgresArb extends fc.Arbitrary<infer T>
  ? T
  : never;

function postgresRecords(p: PostgresShape): Partial<BuiltInPostureRecords> {
  const plugin = p.destination === 'plugin';
  return {
    postgresClusters: [
      postgresCluster({
        conditions:
          p.archiving === undefined
            ? []
            : [
                {
                  type: 'ContinuousArchiving',
                  status: p.archiving,
                  lastTransitionTime: p.archivingSince,
                },
              ],
        statusRecoveryWindow: {
          firstRecoverabilityPoint: p.firstRecoverabilityPoint,
          lastSuccessfulBackupAt: p.lastSuccessfulBackupAt,
        },
        instances: p.instances,
        readyInstances: p.readyInstances,
        nodesUsed: p.nodesUsed,
        retentionPolicy: plugin ? undefined : p.retentionPolicy,
        pluginObjectStore: plugin
          ? { name: 'store', serverName: 'payments-db' }
          : undefined,
        backupConfiguration: {
          barmanObjectStoreDestination:
            p.destination === 'barman'
              ? 's3://pg-backups/payments-db'
              : undefined,
          volumeSnapshot: p.destination === 'snapshots',
        },
      }),
      // Its replica cluster on the standby, replicating from it or not.
      ...(p.replica === 'none'
        ? []
        : [
            postgresCluster({
              cluster: 'standby',
              uid: 'replica-payments-db',
              conditions: [],
              instances: 1,
              readyInstances: p.replica === 'not-ready' ? 0 : 1,
              replicaOf: {
                name: 'payments-db',
                serverName:
                  p.replica === 'other-source' ? 'orders-db' : 'payments-db',
                destinationPath: 's3://pg-backups/payments-db',
              },
            }),
          ]),
    ],
    postgresScheduledBackups: p.scheduledBackups.map((s, i) =>
      postgresScheduledBackup({
        name: `payments-db-${i}`,
        uid: `scheduled-${i}`,
        schedule: s.schedule,
        suspended: s.suspended,
        lastScheduleAt: s.lastScheduleAt,
      }),
    ),
    postgresBackups: p.backups.map(b =>
      postgresBackup({
        name: `payments-db-daily-${b.index}`,
        uid: `pg-backup-${b.index}`,
        phase: b.phase,
        method: b.method,
        startedAt: minutesAgo(b.stopped + 30),
        stoppedAt: b.phase === 'running' ? undefined : minutesAgo(b.stopped),
      }),
    ),
    objectStores: plugin
      ? [
          objectStore({
            retentionPolicy: p.storeRetention,
            serverRecoveryWindows:
              p.storeWindow === undefined
                ? {}
                : {
                    'payments-db': { firstRecoverabilityPoint: p.storeWindow },
                  },
          }),
        ]
      : [],
  };
}

const drillArb = fc
  .record({
    kind: fc.constantFrom<DrillRecord['kind']>(
      'restore-test',
      'dr-drill',
      'full-dr-test',
      'failover-drill',
    ),
    ended: age,
    outcome: fc.constantFrom<DrillRecord['outcome']>(
      'succeeded',
      'succeeded',
      'failed',
    ),
    achievedRtoMs: maybe(
      fc.constantFrom(30, 3 * HOUR, 30 * HOUR).map(m => m * 60_000),
    ),
    achievedRpoMs: maybe(
      fc.constantFrom(5, 50, 30 * HOUR).map(m => m * 60_000),
    ),
    verified: maybe(fc.boolean()),
    manualSteps: fc.constantFrom<string[]>([], ['scale the ingress by hand']),
    complete: fc.boolean(),
  })
  .map(
    (d): DrillRecord => ({
      kind: d.kind,
      entityRefs: ['component:default/payments'],
      startedAt: minutesAgo(d.ended + 120),
      endedAt: minutesAgo(d.ended),
      outcome: d.outcome,
      achievedRtoMs: d.achievedRtoMs,
      achievedRpoMs: d.achievedRpoMs,
      evidence: {
        ...(d.complete ? completeDrillEvidence() : {}),
        manualStepsNotInRunbook: d.manualSteps,
        ...(d.verified === undefined
          ? {}
          : { objectVersionCheck: { passed: d.verified } }),
      },
    }),
  );

const volumeData = fc.record({
  backupIndex: fc.nat(99),
  scheduleName: fc.constantFrom(...SCHEDULE_NAMES),
  how: fc.constantFrom('data-upload', 'pod-volume'),
  phase: maybe(fc.constantFrom('Completed', 'Completed', 'Failed')),
  storageLocation: maybe(fc.constantFrom(...LOCATION_NAMES)),
});

function volumeDataRecords(
  items: readonly (typeof volumeData extends fc.Arbitrary<infer T>
    ? T
    : never)[],
): {
  dataUploads: DataUploadRecord[];
  podVolumeBackups: PodVolumeBackupRecord[];
} {
  const dataUploads: DataUploadRecord[] = [];
  const podVolumeBackups: PodVolumeBackupRecord[] = [];
  items.forEach((item, i) => {
    const backupName = `${item.scheduleName}-${item.backupIndex}`;
    const common = {
      cluster: 'prod',
      namespace: 'velero',
      name: `${backupName}-${i}`,
      uid: `volume-data-${i}`,
      labels: { 'velero.io/backup-name': backupName },
      lastSeenAt: NOW.toISOString(),
      backupName,
      phase: item.phase,
      storageLocation: item.storageLocation,
    };
    if (item.how === 'data-upload') {
      dataUploads.push({
        ...common,
        sourceNamespace: 'payments',
        sourcePVC: 'payments-data',
      });
    } else {
      podVolumeBackups.push({
        ...common,
        podNamespace: 'payments',
        podName: 'payments-7d9f',
        volume: 'data',
      });
    }
  });
  return { dataUploads, podVolumeBackups };
}

const CLUSTERS: readonly ClusterFacts[] = [
  { name: 'prod', role: 'production', provider: 'aws', region: 'eu-west-1' },
  {
    name: 'standby',
    role: 'standby',
    standbyFor: 'prod',
    provider: 'aws',
    region: 'us-east-1',
  },
  { name: 'staging', role: 'staging', provider: 'aws', region: 'eu-west-1' },
];

const clusterHealthArb = fc.constantFrom<
  readonly ClusterCollectionHealth[] | undefined
>(
  undefined,
  [{ name: 'prod', configured: true, lastSuccessAt: minutesAgo(1) }],
  [
    {
      name: 'prod',
      configured: true,
      lastSuccessAt: minutesAgo(3 * HOUR),
      staleSince: minutesAgo(3 * HOUR - 1),
    },
  ],
);

const annotationsArb = fc
  .record({
    tier: maybe(fc.constantFrom('1', '2', '3', 'gold')),
    pattern: maybe(
      fc.constantFrom(
        'hot-warm',
        'hot-cold',
        'hot-hot',
        'cloud-native',
        'warm',
      ),
    ),
    runbook: maybe(
      fc.constantFrom('https://runbooks.example.com/payments', 'see wiki'),
    ),
    environment: maybe(fc.constantFrom('production', 'staging')),
  })
  .map(a => {
    const annotations: Record<string, string> = {};
    if (a.tier !== undefined) annotations['disaster-recovery/tier'] = a.tier;
    if (a.pattern !== undefined)
      annotations['disaster-recovery/pattern'] = a.pattern;
    if (a.runbook !== undefined)
      annotations['disaster-recovery/runbook'] = a.runbook;
    if (a.environment !== undefined)
      annotations['disaster-recovery/environment'] = a.environment;
    return annotations;
  });

const workloadsArb = fc.record({
  pvc: fc.boolean(),
  fsBackupVolumes: maybe(fc.constant<string[]>(['data'])),
  fsBackupExcludes: maybe(fc.constant<string[]>(['data'])),
  database: fc.boolean(),
});

const availabilityArb = fc.record({
  replicas: fc.constantFrom(1, 2, 3),
  readyReplicas: fc.constantFrom(0, 1, 2, 3),
  singleton: maybe(fc.constantFrom('a leader-elected batch worker', ' ')),
  readinessProbe: fc.boolean(),
  livenessProbe: fc.boolean(),
  requests: fc.constantFrom<string[]>(['cpu', 'memory'], ['cpu'], []),
  spread: fc.constantFrom('zone', 'node', 'none'),
  autoscalerMin: maybe(fc.constantFrom(1, 2)),
  budget: fc.constantFrom(
    'min-1',
    'max-0',
    'min-100%',
    'max-100%',
    'none',
    'two',
    'no-selector',
  ),
  nodes: fc.constantFrom('zoned', 'zoned', 'unzoned', 'not-collected'),
  placement: fc.constantFrom('spread', 'spread', 'one-node', 'one-zone'),
  notReadyMinutes: maybe(fc.constantFrom(2, 10, 45)),
  readySinceKnown: fc.boolean(),
  restarts: fc.constantFrom(0, 3, 12),
  quiet: fc.boolean(),
  restartHistory: fc.constantFrom('long', 'before', 'within', 'gap', 'none'),
  createdMinutesAgo: fc.constantFrom(20, 30 * DAY),
  certificateDaysLeft: maybe(fc.constantFrom(-1, 9, 14, 60)),
  certificateReady: maybe(fc.constantFrom<'True' | 'False'>('True', 'False')),
  standby: fc.constantFrom('same', 'drift', 'not-ready', 'missing'),
});

type AvailabilityShape = typeof availabilityArb extends fc.Arbitrary<infer T>
  ? T
  : never;

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

/** Restart counts seen over past collections (minutes ago), ending at the current count. */
function restartHistoryOf(a: AvailabilityShape) {
  const seen = (restarts: number, first: number, last: number) => ({
    restarts,
    first,
    last,
  });
  const history = {
    long: [seen(a.restarts, 30 * DAY, 0)],
    before: [seen(0, 30 * DAY, 70), seen(a.restarts, 65, 0)],
    within: [seen(0, 30 * DAY, 50), seen(a.restarts, 45, 0)],
    gap: [seen(0, 30 * DAY, 90), seen(a.restarts, 30, 0)],
    none: [],
  }[a.restartHistory];
  // Nothing is seen of a pod before it was created.
  return history
    .filter(h => h.last <= a.createdMinutesAgo)
    .map(h => ({
      restarts: h.restarts,
      firstSeenAt: minutesAgo(Math.min(h.first, a.createdMinutesAgo)),
      lastSeenAt: minutesAgo(h.last),
    }));
}

/** The payments Deployment's pods (the first one given), its Deployment, autoscaler, budget, Nodes, certificate and standby copy. */
function availabilityRecords(
  a: AvailabilityShape,
  firstPod: WorkloadRecord,
): Partial<BuiltInPostureRecords> {
  const nodeOf = (i: number) =>
    a.placement === 'one-node' ? 'node-0' : `node-${i}`;
  const zoneOf = (i: number) =>
    a.placement === 'one-zone' ? ZONES[0] : ZONES[i % ZONES.length];
  const pods = Array.from({ length: a.replicas }, (_, i) => {
    const notReady = i === 0 && a.notReadyMinutes !== undefined;
    const status = podStatus({
      nodeName: nodeOf(i),
      ready: notReady
        ? {
            status: 'False',
            ...(a.readySinceKnown
              ? { since: minutesAgo(a.notReadyMinutes!) }
              : {}),
          }
        : { status: 'True', since: minutesAgo(30 * DAY) },
      containers: [
        {
          name: 'payments',
          restarts: i === 0 ? a.restarts : 0,
          ready: !notReady,
          ...(a.quiet || i > 0
            ? { quietSince: minutesAgo(i > 0 ? 30 * DAY : a.createdMinutesAgo) }
            : { waitingReason: 'CrashLoopBackOff' }),
        },
      ],
      restartHistory:
        i === 0
          ? restartHistoryOf(a)
          : [
              {
                restarts: 0,
                firstSeenAt: minutesAgo(30 * DAY),
                lastSeenAt: NOW.toISOString(),
              },
            ],
    });
    return i === 0
      ? {
          ...firstPod,
          createdAt: minutesAgo(a.createdMinutesAgo),
          pod: status,
        }
      : workload({
          name: `payments-7d9f-${i}`,
          uid: `pod-${i}`,
          pod: status,
        });
  });
  const spread =
    a.spread === 'none'
      ? []
      : [
          {
            topologyKey:
              a.spread === 'zone'
                ? 'topology.kubernetes.io/zone'
                : 'kubernetes.io/hostname',
            how: 'anti-affinity' as const,
            required: true,
          },
        ];
  const container = {
    name: 'payments',
    image: 'example/payments:1.4.2',
    readinessProbe: a.readinessProbe,
    livenessProbe: a.livenessProbe,
    requests: a.requests,
  };
  const production = deployment({
    replicas: a.replicas,
    readyReplicas: Math.min(a.readyReplicas, a.replicas),
    containers: [container],
    spread,
    singletonReason: a.singleton,
  });
  const budgets = {
    'min-1': [disruptionBudget()],
    'max-0': [disruptionBudget({ minAvailable: undefined, maxUnavailable: 0 })],
    'min-100%': [disruptionBudget({ minAvailable: '100%' })],
    'max-100%': [
      disruptionBudget({ minAvailable: undefined, maxUnavailable: '100%' }),
    ],
    none: [],
    two: [disruptionBudget(), disruptionBudget({ uid: 'pdb-2', name: 'all' })],
    'no-selector': [disruptionBudget({ selector: undefined })],
  }[a.budget];
  const nodeNames = [...new Set(pods.map(p => p.pod!.nodeName!))];
  return {
    workloads: pods,
    workloadControllers: [
      production,
      ...(a.standby === 'missing'
        ? []
        : [
            deployment({
              cluster: 'standby',
              uid: 'standby-deployment',
              replicas: 1,
              readyReplicas: a.standby === 'not-ready' ? 0 : 1,
              containers: [
                {
                  ...container,
                  image:
                    a.standby === 'drift'
                      ? 'example/payments:1.3.0'
                      : container.image,
                },
              ],
            }),
          ]),
    ],
    autoscalers:
      a.autoscalerMin === undefined
        ? []
        : [
            {
              cluster: 'prod',
              namespace: 'payments',
              name: 'payments',
              uid: 'hpa-payments',
              labels: {},
              lastSeenAt: NOW.toISOString(),
              target: { kind: 'Deployment', name: 'payments' },
              minReplicas: a.autoscalerMin,
              maxReplicas: 6,
            },
          ],
    disruptionBudgets: budgets,
    nodes:
      a.nodes === 'not-collected'
        ? []
        : nodeNames.map(name =>
            node(
              name,
              a.nodes === 'zoned' ? zoneOf(Number(name.slice(5))) : undefined,
            ),
          ),
    certificates:
      a.certificateDaysLeft === undefined && a.certificateReady === undefined
        ? []
        : [
            certificate({
              notAfter:
                a.certificateDaysLeft === undefined
                  ? undefined
                  : new Date(
                      NOW.getTime() + a.certificateDaysLeft * 86_400_000,
                    ).toISOString(),
              ready: a.certificateReady,
            }),
          ],
  };
}

/** A posture input for the payments service, every part drawn independently. */
export const arbitraryPostureInput: fc.Arbitrary<EntityPostureInput> = fc
  .record({
    annotations: annotationsArb,
    workloads: workloadsArb,
    schedules: fc.uniqueArray(scheduleArb, {
      maxLength: 3,
      selector: s => s.uid,
    }),
    backups: fc.uniqueArray(backupArb, { maxLength: 5, selector: b => b.uid }),
    locations: fc.uniqueArray(locationArb, {
      maxLength: 3,
      selector: l => l.uid,
    }),
    restores: fc.uniqueArray(restoreArb, {
      maxLength: 2,
      selector: r => r.uid,
    }),
    volumeData: fc.array(volumeData, { maxLength: 2 }),
    postgres: postgresArb,
    drills: fc.array(drillArb, { maxLength: 4 }),
    clusters: fc.boolean(),
    clusterHealth: clusterHealthArb,
    availability: availabilityArb,
  })
  .map((g): EntityPostureInput => {
    const pod = workload({
      volumes: g.workloads.pvc
        ? [{ name: 'data', claimName: 'payments-data' }]
        : undefined,
      fsBackupVolumes: g.workloads.fsBackupVolumes,
      fsBackupExcludes: g.workloads.fsBackupExcludes,
    });
    const entity = component(g.annotations);
    // `component` declares tier 2 unless told otherwise; an undrawn tier is absent.
    if (g.annotations['disaster-recovery/tier'] === undefined) {
      delete entity.metadata.annotations?.['disaster-recovery/tier'];
    }
    const availability = availabilityRecords(g.availability, pod);
    return {
      entity,
      policies: DEFAULT_TIER_POLICIES,
      records: {
        ...availability,
        workloads: g.workloads.pvc
          ? [
              ...availability.workloads!,
              workload({
                kind: 'PersistentVolumeClaim',
                name: 'payments-data',
                uid: 'pvc',
              }),
            ]
          : availability.workloads!,
        schedules: g.schedules,
        backups: g.backups,
        storageLocations: g.locations,
        restores: g.restores,
        volumeSnapshotLocations: [],
        ...volumeDataRecords(g.volumeData),
        ...(g.workloads.database
          ? postgresRecords(g.postgres)
          : {
              postgresClusters: [],
              postgresScheduledBackups: [],
              postgresBackups: [],
              objectStores: [],
            }),
      },
      drills: g.drills,
      clusters: g.clusters ? CLUSTERS : undefined,
      clusterHealth: g.clusterHealth,
      now: NOW,
    };
  });
