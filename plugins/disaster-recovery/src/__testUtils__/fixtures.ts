import type { Entity } from '@backstage/catalog-model';
import type {
  BackupHistoryDay,
  Check,
  CheckStatus,
  DrillListResponse,
  EntityAvailability,
  EntityPolicy,
  EntityPostureResponse,
  EntityPostureSummary,
  OverviewResponse,
  RecordedDrill,
  RestorePlanResponse,
} from '@dr-posture/plugin-disaster-recovery-common';

/** Test data of the component tests: times are relative to when the tests run. */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function ago(milliseconds: number): string {
  return new Date(Date.now() - milliseconds).toISOString();
}

export const paymentsEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'payments',
    namespace: 'default',
    annotations: {
      'disaster-recovery/tier': '1',
      'backstage.io/kubernetes-id': 'payments',
    },
  },
  spec: { type: 'service', owner: 'team-payments', lifecycle: 'production' },
};

const tierOnePolicy: EntityPolicy = {
  tier: {
    ok: true,
    source: 'annotation',
    value: {
      id: '1',
      title: 'Tier 1',
      rpoMs: HOUR,
      rtoMs: 4 * HOUR,
      restoreTestIntervalMs: 7 * DAY,
      drillIntervalMs: 90 * DAY,
      retentionMs: 30 * DAY,
      kubernetesRetentionMs: {
        hourlyMs: 48 * HOUR,
        dailyMs: 7 * DAY,
        weeklyMs: 30 * DAY,
      },
      baseBackupIntervalMs: DAY,
      minimumCopies: 3,
      minimumOffsiteCopies: 1,
    },
  },
  rpoMs: { ok: true, value: 15 * MINUTE, source: 'annotation' },
  rtoMs: { ok: true, value: 4 * HOUR, source: 'tier' },
  pattern: { ok: true, value: 'hot-warm', source: 'annotation' },
  runbookUrl: {
    ok: true,
    value: 'https://runbooks.example.com/payments',
    source: 'annotation',
  },
};

/** A check as the API answers it, with one Backup as its evidence. */
export function check(
  id: Check['id'],
  title: string,
  status: CheckStatus,
  summary: string,
  values: Check['evidence']['values'] = {},
): Check {
  return {
    id,
    title,
    status,
    summary,
    evidence: {
      refs: [
        { kind: 'Backup', cluster: 'prod-eu', namespace: 'velero', name: id },
      ],
      values,
    },
  };
}

function history(
  days: number,
  day: (index: number) => Omit<BackupHistoryDay, 'day'>,
): BackupHistoryDay[] {
  return Array.from({ length: days }, (_, index) => ({
    day: new Date(Date.now() - (days - 1 - index) * DAY)
      .toISOString()
      .slice(0, 10),
    ...day(index),
  }));
}

function summaryOf(
  status: CheckStatus,
  checks: Check[],
  overrides: Partial<EntityPostureSummary> = {},
): EntityPostureSummary {
  return {
    entityRef: 'component:default/payments',
    kind: 'Component',
    namespace: 'default',
    name: 'payments',
    title: 'Payments',
    owner: 'group:default/team-payments',
    system: 'system:default/commerce',
    tier: '1',
    status,
    failingChecks: checks
      .filter(c => c.status === 'fail' || c.status === 'warn')
      .map(c => ({ id: c.id, status: c.status, title: c.title })),
    rpoMs: 15 * MINUTE,
    rtoMs: 4 * HOUR,
    lastCleanBackupAt: ago(5 * MINUTE),
    lastDrillAt: ago(10 * DAY),
    lastDrillOutcome: 'succeeded',
    evaluatedAt: ago(MINUTE),
    ...overrides,
  };
}

function response(
  status: CheckStatus,
  checks: Check[],
  overrides: Partial<EntityPostureResponse> = {},
  summary: Partial<EntityPostureSummary> = {},
): EntityPostureResponse {
  const protection = {
    schedules: [
      {
        ref: {
          kind: 'Schedule',
          cluster: 'prod-eu',
          namespace: 'velero',
          name: 'payments-quarter-hourly',
        },
        schedule: '*/15 * * * *',
        paused: false,
        cadenceMs: 15 * MINUTE,
        lastBackupAt: ago(5 * MINUTE),
        previousRunAt: ago(5 * MINUTE),
        overdue: false,
        ttl: '720h0m0s',
        storageLocation: 'default',
      },
    ],
    storageLocations: [
      {
        ref: {
          kind: 'BackupStorageLocation',
          cluster: 'prod-eu',
          namespace: 'velero',
          name: 'default',
        },
        provider: 'aws',
        region: 'eu-west-1',
        phase: 'Available',
        lastValidatedAt: ago(2 * MINUTE),
      },
    ],
    postgresClusters: [
      {
        ref: {
          kind: 'Cluster',
          cluster: 'prod-eu',
          namespace: 'payments',
          name: 'payments-db',
        },
        continuousArchiving: 'True' as const,
        firstRecoverabilityPoint: ago(30 * DAY),
        lastSuccessfulBackupAt: ago(HOUR),
        retentionPolicy: '30d',
      },
    ],
    backupHistory: history(30, () => ({
      completed: 96,
      partiallyFailed: 0,
      failed: 0,
    })),
  };
  return {
    summary: summaryOf(status, checks, summary),
    policy: tierOnePolicy,
    posture: { entityRef: 'component:default/payments', status, checks },
    ...protection,
    restoreTests: [],
    staleClusters: [],
    ...overrides,
  };
}

export const healthyPosture: EntityPostureResponse = response('pass', [
  check(
    'tier-declared',
    'Tier declared',
    'pass',
    'Tier 1 is declared: RPO 15 min (overridden by annotation), RTO 4 h.',
  ),
  check(
    'backup-freshness',
    'Backup freshness',
    'pass',
    'Last clean backup 5 min ago is within the 15 min RPO.',
    { rpoMs: 15 * MINUTE, lastCleanBackupAgeMs: 5 * MINUTE },
  ),
  check(
    'drill-objectives',
    'Drill met RTO and RPO',
    'pass',
    `Drills met the targets: RTO 1 h against 4 h (the dr-drill of ${ago(
      10 * DAY,
    )}), RPO 10 min against 15 min (the dr-drill of ${ago(10 * DAY)}).`,
    {
      metRto: true,
      metRpo: true,
      rtoDrillKind: 'dr-drill',
      rtoDrillEndedAt: ago(10 * DAY),
      rtoDrillAchievedRtoMs: HOUR,
    },
  ),
  check('runbook', 'Runbook linked', 'pass', 'The runbook is linked.'),
]);

export const breachingPosture: EntityPostureResponse = response(
  'fail',
  [
    check(
      'tier-declared',
      'Tier declared',
      'pass',
      'Tier 1 is declared: RPO 15 min (overridden by annotation), RTO 4 h.',
    ),
    check(
      'restore-test',
      'Restore test within policy',
      'warn',
      'The last restore test was 6 days ago; tier 1 needs one every 7 days.',
    ),
    check(
      'backup-freshness',
      'Backup freshness',
      'fail',
      'Last clean backup 2 h 10 min ago is 1 h 55 min older than the 15 min RPO.',
      { rpoMs: 15 * MINUTE, lastCleanBackupAgeMs: 130 * MINUTE },
    ),
    check(
      'drill-objectives',
      'Drill met RTO and RPO',
      'fail',
      `A drill missed its target: RTO 5 h against 4 h, 1 h over (the dr-drill of ${ago(
        10 * DAY,
      )}).`,
      {
        metRto: false,
        metRpo: true,
        rtoDrillKind: 'dr-drill',
        rtoDrillEndedAt: ago(10 * DAY),
        rtoDrillAchievedRtoMs: 5 * HOUR,
      },
    ),
  ],
  {
    schedules: [
      {
        ref: {
          kind: 'Schedule',
          cluster: 'prod-eu',
          namespace: 'velero',
          name: 'payments-quarter-hourly',
        },
        schedule: '*/15 * * * *',
        paused: true,
        cadenceMs: 15 * MINUTE,
        lastBackupAt: ago(130 * MINUTE),
        previousRunAt: ago(5 * MINUTE),
        overdue: true,
      },
    ],
    backupHistory: history(30, index => ({
      completed: index < 28 ? 90 : 0,
      partiallyFailed: index === 27 ? 4 : 0,
      failed: index >= 28 ? 12 : 0,
    })),
  },
  { lastCleanBackupAt: ago(130 * MINUTE) },
);

export const unknownPosture: EntityPostureResponse = response(
  'unknown',
  [
    check(
      'backup-freshness',
      'Backup freshness',
      'unknown',
      'Cluster prod-eu has not been read since 3 h ago, so its backups cannot be trusted.',
      { rpoMs: 15 * MINUTE, lastCleanBackupAgeMs: null },
    ),
  ],
  {
    staleClusters: [
      {
        name: 'prod-eu',
        staleSince: ago(3 * HOUR),
        lastSuccessAt: ago(4 * HOUR),
        lastError: 'timed out after 60 s',
      },
    ],
  },
  { lastCleanBackupAt: undefined },
);

export const noTierPosture: EntityPostureResponse = response(
  'fail',
  [
    check(
      'tier-declared',
      'Tier declared',
      'fail',
      'No disaster-recovery/tier annotation is declared.',
    ),
  ],
  {
    policy: {
      tier: {
        ok: false,
        problem: 'missing',
        reason: 'No disaster-recovery/tier annotation is declared.',
      },
      rpoMs: { ok: false, problem: 'missing', reason: 'No tier declared.' },
      rtoMs: { ok: false, problem: 'missing', reason: 'No tier declared.' },
      pattern: { ok: false, problem: 'missing', reason: 'Not declared.' },
      runbookUrl: { ok: false, problem: 'missing', reason: 'Not declared.' },
    },
  },
  { tier: undefined, rpoMs: undefined, rtoMs: undefined },
);

export const recordedDrill: RecordedDrill = {
  id: 'drill-1',
  kind: 'dr-drill',
  entityRefs: ['component:default/payments'],
  startedAt: ago(10 * DAY + 3 * HOUR),
  endedAt: ago(10 * DAY),
  outcome: 'succeeded',
  achievedRtoMs: 3 * HOUR,
  achievedRpoMs: 10 * MINUTE,
  performedBy: 'user:default/alice',
  evidence: {
    backup: { name: 'payments-20250601', createdAt: ago(10 * DAY + 4 * HOUR) },
    manualStepsNotInRunbook: ['rotated the database password by hand'],
    notes: 'Restored into the dr-eu cluster.',
  },
  recordedBy: 'user:default/alice',
  recordedAt: ago(10 * DAY),
  state: 'active',
  effectiveOutcome: {
    outcome: 'failed',
    reasons: [
      '1 manual step was not in the runbook (rotated the database password by hand)',
    ],
    missingEvidence: ['restoreTargetTime', 'namespaceInventory'],
  },
  warnings: [],
};

export const drillList: DrillListResponse = {
  items: [recordedDrill],
  restoreTests: [
    {
      restore: {
        cluster: 'dr-eu',
        namespace: 'velero',
        name: 'payments-restore-test',
      },
      backupName: 'payments-20250605',
      because: 'another-cluster',
      countsAsTest: true,
      succeeded: true,
      reasons: [],
      phase: 'Completed',
      errors: 0,
      itemsRestored: 42,
      startedAt: ago(6 * DAY + HOUR),
      completedAt: ago(6 * DAY),
      durationMs: HOUR,
      restoredPointAgeMs: 20 * MINUTE,
    },
  ],
};

export function overviewPage(
  count: number,
  options: { nextCursor?: string; totalItems?: number; offset?: number } = {},
): OverviewResponse {
  const statuses: CheckStatus[] = ['fail', 'warn', 'unknown', 'pass'];
  return {
    items: Array.from({ length: count }, (_, index) => {
      const number = (options.offset ?? 0) + index;
      const status = statuses[number % statuses.length];
      return summaryOf(
        status,
        status === 'fail'
          ? [check('backup-freshness', 'Backup freshness', 'fail', 'Too old.')]
          : [],
        {
          entityRef: `component:default/service-${number}`,
          name: `service-${number}`,
          title: `Service ${number}`,
          tier: String((number % 3) + 1),
        },
      );
    }),
    nextCursor: options.nextCursor,
    totalItems: options.totalItems ?? count,
    summary: {
      '1': { pass: 10, warn: 2, fail: 3, unknown: 1 },
      '2': { pass: 20, warn: 0, fail: 1, unknown: 0 },
      none: { pass: 0, warn: 0, fail: 4, unknown: 0 },
    },
  };
}

/** A restore plan with nothing to restore. */
export const emptyRestorePlan: RestorePlanResponse = {
  steps: [],
  cycles: [],
  unknownDependencies: [],
  entities: {},
};

function workloadRef(kind: string, name: string, cluster = 'prod-eu') {
  return { kind, cluster, namespace: 'payments', name };
}

/** A singleton, a workload pinned to one zone, and a standby that drifts. */
export const availability: EntityAvailability = {
  workloads: [
    {
      ref: workloadRef('Deployment', 'payments-api'),
      replicas: 3,
      readyReplicas: 3,
      minReplicas: 2,
      autoscaler: workloadRef('HorizontalPodAutoscaler', 'payments-api'),
      nodes: 2,
      zones: ['eu-west-1a'],
      clusterZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      spreadOverNodes: true,
      spreadOverZones: false,
      containers: [
        {
          name: 'api',
          image: 'payments/api:1.4.2',
          readinessProbe: true,
          livenessProbe: false,
          requests: ['cpu', 'memory'],
        },
      ],
      disruptionBudgets: [
        {
          ref: workloadRef('PodDisruptionBudget', 'payments-api'),
          minAvailable: 2,
          allowedDisruptions: 1,
        },
      ],
    },
    {
      ref: workloadRef('StatefulSet', 'payments-ledger'),
      replicas: 1,
      readyReplicas: 1,
      minReplicas: 1,
      singletonReason: 'the ledger writer must be unique',
      nodes: 1,
      zones: ['eu-west-1b'],
      clusterZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
      spreadOverNodes: false,
      spreadOverZones: false,
      containers: [
        {
          name: 'ledger',
          readinessProbe: true,
          livenessProbe: true,
          requests: [],
        },
      ],
      disruptionBudgets: [],
    },
  ],
  standbyParity: [
    {
      standbyCluster: 'dr-eu',
      production: workloadRef('Deployment', 'payments-api'),
      standby: workloadRef('Deployment', 'payments-api', 'dr-eu'),
      productionReady: 3,
      productionDesired: 3,
      standbyReady: 2,
      standbyDesired: 2,
      images: [
        {
          container: 'api',
          production: 'payments/api:1.4.2',
          standby: 'payments/api:1.3.9',
        },
      ],
      state: 'image-drift',
    },
    {
      standbyCluster: 'dr-eu',
      production: workloadRef('StatefulSet', 'payments-ledger'),
      productionReady: 1,
      productionDesired: 1,
      images: [],
      state: 'missing',
    },
  ],
};
