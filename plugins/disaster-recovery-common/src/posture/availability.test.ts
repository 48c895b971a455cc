import {
  certificate,
  component,
  deployment,
  disruptionBudget,
  minutesAgo,
  node,
  NOW,
  podStatus,
  postgresCluster,
  workload,
} from '../__testUtils__/fixtures';
import type { CheckId, CheckStatus } from '../checks/types';
import type { ClusterFacts } from '../environments';
import { DEFAULT_TIER_POLICIES } from '../policy';
import type { BuiltInPostureRecords } from '../recordKinds';
import type { WorkloadRecord } from '../records';
import {
  evaluateEntityPosture,
  type EntityPostureInput,
} from './evaluateEntityPosture';

/*
 * The availability checks (replicas, placement, probes and resources,
 * disruption budget, pod stability, database HA, certificates, standby
 * readiness) and the HA pattern's proof, table-driven around one healthy
 * tier 1 service.
 */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 24 * 60;

const CLUSTERS: ClusterFacts[] = [
  { name: 'prod', role: 'production', provider: 'aws', region: 'eu-west-1' },
  {
    name: 'standby',
    role: 'standby',
    standbyFor: 'prod',
    provider: 'aws',
    region: 'us-east-1',
  },
];

function pod(name: string, nodeName: string, overrides = {}): WorkloadRecord {
  return workload({
    name,
    uid: `pod-${name}`,
    pod: podStatus({ nodeName, ...overrides }),
  });
}

/** Records as mutable lists, so that each case can change them. */
type Lists<T> = {
  -readonly [K in keyof T]-?: NonNullable<T[K]> extends readonly (infer E)[]
    ? E[]
    : never;
};

type Input = Omit<EntityPostureInput, 'records'> & {
  records: Lists<
    Pick<
      BuiltInPostureRecords,
      | 'workloads'
      | 'workloadControllers'
      | 'disruptionBudgets'
      | 'autoscalers'
      | 'nodes'
      | 'certificates'
      | 'postgresClusters'
      | 'objectStores'
    >
  >;
};

/** A tier 1 hot-warm service: two ready replicas in two zones, a budget, its standby in step. */
function healthy(): Input {
  return {
    entity: component({
      'disaster-recovery/tier': '1',
      'disaster-recovery/pattern': 'hot-warm',
    }),
    policies: DEFAULT_TIER_POLICIES,
    records: {
      workloads: [pod('payments-a', 'node-a'), pod('payments-b', 'node-b')],
      workloadControllers: [
        deployment(),
        deployment({
          cluster: 'standby',
          uid: 'standby',
          replicas: 1,
          readyReplicas: 1,
        }),
      ],
      disruptionBudgets: [disruptionBudget()],
      autoscalers: [],
      nodes: [node('node-a', 'eu-west-1a'), node('node-b', 'eu-west-1b')],
      certificates: [],
      postgresClusters: [],
      objectStores: [],
    },
    clusters: CLUSTERS,
    now: NOW,
  };
}

type Change = (input: Input) => void;

function judged(id: CheckId, change: Change = () => {}) {
  const input = healthy();
  change(input);
  const check = evaluateEntityPosture(input).checks.find(c => c.id === id);
  return check ? { status: check.status, summary: check.summary } : undefined;
}

/** What a case expects: the status and part of the sentence, or no check at all. */
function expected(status: CheckStatus | 'not applicable', summary?: string) {
  if (status === 'not applicable') return undefined;
  return {
    status,
    summary: summary ? expect.stringContaining(summary) : expect.any(String),
  };
}

const readyReplicas =
  (ready: number): Change =>
  i => {
    i.records.workloadControllers[0] = deployment({ readyReplicas: ready });
  };

describe('the healthy service', () => {
  it('passes every availability check', () => {
    const input = healthy();
    const checks = evaluateEntityPosture(input).checks.filter(c =>
      [
        'replicas',
        'placement',
        'probes-and-resources',
        'disruption-budget',
        'pod-stability',
        'standby-readiness',
      ].includes(c.id),
    );
    expect(checks.map(c => `${c.id}:${c.status}`)).toEqual([
      'replicas:pass',
      'placement:pass',
      'probes-and-resources:pass',
      'disruption-budget:pass',
      'pod-stability:pass',
      'standby-readiness:pass',
    ]);
  });
});

describe('replicas', () => {
  it.each<[string, Change, CheckStatus | 'not applicable', string?]>([
    [
      'exactly two ready',
      readyReplicas(2),
      'pass',
      '1 workload runs at least two ready replicas',
    ],
    ['one of two ready', readyReplicas(1), 'fail', 'has 1 of 2 replicas ready'],
    [
      'one replica',
      i => {
        i.records.workloadControllers[0] = deployment({
          replicas: 1,
          readyReplicas: 1,
        });
      },
      'fail',
      'Deployment prod/payments/payments runs 1 replica: a single pod or node loss takes it down',
    ],
    [
      'an autoscaler that may scale down to one',
      i => {
        i.records.autoscalers = [
          {
            cluster: 'prod',
            namespace: 'payments',
            name: 'payments',
            uid: 'hpa',
            labels: {},
            lastSeenAt: NOW.toISOString(),
            target: { kind: 'Deployment', name: 'payments' },
            minReplicas: 1,
            maxReplicas: 5,
          },
        ];
      },
      'fail',
      'may scale down to 1 replica (HorizontalPodAutoscaler payments minReplicas)',
    ],
    [
      'a documented singleton',
      i => {
        i.records.workloadControllers[0] = deployment({
          replicas: 1,
          readyReplicas: 1,
          singletonReason: 'leader-elected; a second replica only waits',
        });
      },
      'pass',
      'Documented singletons: Deployment prod/payments/payments (leader-elected; a second replica only waits).',
    ],
    [
      'a singleton annotation without a reason',
      i => {
        i.records.workloadControllers[0] = deployment({
          replicas: 1,
          readyReplicas: 1,
          singletonReason: ' ',
        });
      },
      'fail',
      'A disaster-recovery/singleton annotation needs the reason one replica is enough.',
    ],
    [
      'a tier 3 service',
      i => {
        i.entity = component({ 'disaster-recovery/tier': '3' });
      },
      'not applicable',
    ],
    [
      'no tier',
      i => {
        delete i.entity.metadata.annotations!['disaster-recovery/tier'];
      },
      'unknown',
      'depends on its tier',
    ],
    [
      'no workload collected',
      i => {
        i.records.workloadControllers = [];
      },
      'unknown',
      'No Deployment or StatefulSet of this entity was collected, only 2 pods',
    ],
    [
      'a database-only entity',
      i => {
        i.records.workloadControllers = [];
        i.records.workloads = [];
        i.records.postgresClusters = [
          postgresCluster({ instances: 3, readyInstances: 3 }),
        ];
      },
      'not applicable',
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('replicas', change)).toEqual(expected(...outcome));
  });
});

describe('placement', () => {
  it.each<[string, Change, CheckStatus | 'not applicable', string?]>([
    [
      'two nodes in two zones, asked',
      () => {},
      'pass',
      'runs on 2 nodes in 2 zones',
    ],
    [
      'both on one node',
      i => {
        i.records.workloads = [
          pod('payments-a', 'node-a'),
          pod('payments-b', 'node-a'),
        ];
      },
      'fail',
      'All 2 pods of Deployment prod/payments/payments run on node node-a: losing it loses them all.',
    ],
    [
      'both in one zone of a zoned cluster',
      i => {
        i.records.nodes = [
          node('node-a', 'eu-west-1a'),
          node('node-b', 'eu-west-1a'),
          node('node-c', 'eu-west-1b'),
        ];
      },
      'fail',
      'run in zone eu-west-1a although cluster prod has eu-west-1a, eu-west-1b',
    ],
    [
      'one zone for a tier 3 service warns',
      i => {
        i.entity = component({ 'disaster-recovery/tier': '3' });
        i.records.nodes = [
          node('node-a', 'eu-west-1a'),
          node('node-b', 'eu-west-1a'),
          node('node-c', 'eu-west-1b'),
        ];
      },
      'warn',
    ],
    [
      'spread over nodes and zones without being asked',
      i => {
        i.records.workloadControllers[0] = deployment({ spread: [] });
      },
      'warn',
      'its spec does not ask to spread over nodes or zones',
    ],
    [
      'asked to spread over nodes only in a zoned cluster',
      i => {
        i.records.workloadControllers[0] = deployment({
          spread: [
            {
              topologyKey: 'kubernetes.io/hostname',
              how: 'anti-affinity',
              required: false,
            },
          ],
        });
      },
      'warn',
      'does not ask to spread over zones',
    ],
    [
      'a cluster whose nodes carry no zone needs two nodes only',
      i => {
        i.records.nodes = [node('node-a'), node('node-b')];
        i.records.workloadControllers[0] = deployment({
          spread: [
            {
              topologyKey: 'kubernetes.io/hostname',
              how: 'anti-affinity',
              required: true,
            },
          ],
        });
      },
      'pass',
      'runs on 2 nodes',
    ],
    [
      'Nodes not collected',
      i => {
        i.records.nodes = [];
      },
      'unknown',
      'The Nodes of cluster prod were not collected',
    ],
    [
      'one pod scheduled',
      i => {
        i.records.workloads = [
          pod('payments-a', 'node-a'),
          pod('payments-b', '', { nodeName: undefined }),
        ];
      },
      'unknown',
      'has 1 scheduled pod of 2',
    ],
    [
      'a single replica',
      i => {
        i.records.workloadControllers[0] = deployment({
          replicas: 1,
          readyReplicas: 1,
        });
      },
      'not applicable',
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('placement', change)).toEqual(expected(...outcome));
  });
});

describe('probes and resources', () => {
  const container = deployment().containers[0];
  it.each<[string, Change, CheckStatus, string?]>([
    [
      'all there',
      () => {},
      'pass',
      '1 container has readiness and liveness probes',
    ],
    [
      'no liveness probe and no memory request',
      i => {
        i.records.workloadControllers[0] = deployment({
          containers: [
            { ...container, livenessProbe: false, requests: ['cpu'] },
          ],
        });
      },
      'fail',
      'Container payments of Deployment prod/payments/payments has no liveness probe, memory request.',
    ],
    [
      'no readiness probe in tier 3 warns',
      i => {
        i.entity = component({ 'disaster-recovery/tier': '3' });
        i.records.workloadControllers[0] = deployment({
          containers: [{ ...container, readinessProbe: false }],
        });
      },
      'warn',
      'has no readiness probe',
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('probes-and-resources', change)).toEqual(
      expected(...outcome),
    );
  });
});

describe('disruption budget', () => {
  const budget =
    (overrides: Parameters<typeof disruptionBudget>[0]): Change =>
    i => {
      i.records.disruptionBudgets = [disruptionBudget(overrides)];
    };
  it.each<[string, Change, CheckStatus, string?]>([
    [
      'minAvailable 1 of 2',
      budget({}),
      'pass',
      'PodDisruptionBudget payments keeps 1 of the 2 pods',
    ],
    [
      'none',
      i => {
        i.records.disruptionBudgets = [];
      },
      'fail',
      'No PodDisruptionBudget covers Deployment prod/payments/payments',
    ],
    [
      'minAvailable equal to the replicas blocks drains',
      budget({ minAvailable: 2 }),
      'fail',
      'lets none of the 2 pods',
    ],
    [
      'maxUnavailable 100% allows all',
      budget({ minAvailable: undefined, maxUnavailable: '100%' }),
      'fail',
      'lets all 2 pods of Deployment prod/payments/payments be evicted at once',
    ],
    [
      'two budgets',
      i => {
        i.records.disruptionBudgets = [
          disruptionBudget(),
          disruptionBudget({ uid: 'pdb-all', name: 'all', selector: {} }),
        ];
      },
      'fail',
      'the eviction API refuses',
    ],
    [
      'a budget without a selector covers nothing',
      budget({ selector: undefined }),
      'fail',
      'No PodDisruptionBudget covers',
    ],
    [
      'a budget of another namespace covers nothing',
      budget({ namespace: 'other' }),
      'fail',
      'No PodDisruptionBudget covers',
    ],
    [
      'unreadable limits',
      budget({ minAvailable: 'most' }),
      'unknown',
      'sets neither a readable',
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('disruption-budget', change)).toEqual(expected(...outcome));
  });
});

describe('pod stability', () => {
  const notReadyFor =
    (ms: number): Change =>
    i => {
      i.records.workloads[0] = pod('payments-a', 'node-a', {
        ready: {
          status: 'False',
          since: new Date(NOW.getTime() - ms).toISOString(),
        },
      });
    };
  const restartedInTheHour =
    (restarts: number): Change =>
    i => {
      i.records.workloads[0] = pod('payments-a', 'node-a', {
        containers: [
          {
            name: 'payments',
            restarts,
            ready: true,
            quietSince: minutesAgo(1),
          },
        ],
        restartHistory: [
          {
            restarts: 0,
            firstSeenAt: minutesAgo(3 * 60),
            lastSeenAt: minutesAgo(55),
          },
          {
            restarts,
            firstSeenAt: minutesAgo(50),
            lastSeenAt: NOW.toISOString(),
          },
        ],
      });
    };
  it.each<[string, Change, CheckStatus, string?]>([
    [
      'ready and quiet',
      () => {},
      'pass',
      '2 pods are ready, none restarted more than 5 times',
    ],
    ['not ready for exactly 5 minutes', notReadyFor(5 * MINUTE), 'pass'],
    [
      'not ready for 5 minutes and a second',
      notReadyFor(5 * MINUTE + SECOND),
      'warn',
      'Pod prod/payments/payments-a has not been ready for 5 min 1 s.',
    ],
    ['not ready for exactly 30 minutes', notReadyFor(30 * MINUTE), 'warn'],
    [
      'not ready for 30 minutes and a second',
      notReadyFor(30 * MINUTE + SECOND),
      'fail',
    ],
    [
      'not ready since an unknown time',
      i => {
        i.records.workloads[0] = pod('payments-a', 'node-a', {
          ready: { status: 'False' },
        });
      },
      'warn',
      'since when is not reported',
    ],
    [
      'pending for 10 minutes without a Ready condition',
      i => {
        i.records.workloads[0] = workload({
          name: 'payments-a',
          uid: 'pod-payments-a',
          createdAt: minutesAgo(10),
          pod: podStatus({
            nodeName: undefined,
            phase: 'Pending',
            ready: undefined,
            containers: [],
            restartHistory: [],
          }),
        });
      },
      'warn',
      'has not been ready for 10 min',
    ],
    ['exactly 5 restarts in the hour', restartedInTheHour(5), 'pass'],
    [
      '6 restarts in the hour',
      restartedInTheHour(6),
      'warn',
      'Pod prod/payments/payments-a restarted 6 times in the last hour (more than 5).',
    ],
    [
      'restarts whose count an hour ago was not seen',
      i => {
        i.records.workloads[0] = pod('payments-a', 'node-a', {
          containers: [
            {
              name: 'payments',
              restarts: 30,
              ready: false,
              waitingReason: 'CrashLoopBackOff',
            },
          ],
          restartHistory: [
            {
              restarts: 30,
              firstSeenAt: minutesAgo(20),
              lastSeenAt: NOW.toISOString(),
            },
          ],
        });
      },
      'unknown',
      'restarted between 0 and 30 times in the last hour',
    ],
    [
      'a pod that ended is left out',
      i => {
        i.records.workloads[0] = pod('payments-a', 'node-a', {
          phase: 'Failed',
          ready: { status: 'False', since: minutesAgo(3 * 60) },
        });
      },
      'pass',
      '1 pod is ready',
    ],
    [
      'a pod collected before its status was kept',
      i => {
        i.records.workloads[0] = workload({
          name: 'payments-a',
          uid: 'old',
          pod: undefined,
        });
      },
      'unknown',
      'collected before readiness and restarts were kept',
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('pod-stability', change)).toEqual(expected(...outcome));
  });
});

describe('database HA', () => {
  const database =
    (overrides: Parameters<typeof postgresCluster>[0]): Change =>
    i => {
      i.records.postgresClusters = [
        postgresCluster({
          instances: 3,
          readyInstances: 3,
          nodesUsed: 3,
          ...overrides,
        }),
      ];
    };
  it.each<[string, Change, CheckStatus | 'not applicable', string?]>([
    [
      'three instances, all ready',
      database({}),
      'pass',
      'runs 3 instances, all ready',
    ],
    [
      'exactly two, both ready',
      database({ instances: 2, readyInstances: 2 }),
      'pass',
    ],
    [
      'two of three ready',
      database({ readyInstances: 2 }),
      'warn',
      'has 2 of 3 instances ready',
    ],
    [
      'one of three ready',
      database({ readyInstances: 1 }),
      'fail',
      'no standby to fail over to now',
    ],
    [
      'one instance',
      database({ instances: 1, readyInstances: 1 }),
      'fail',
      'runs 1 instance: no standby',
    ],
    [
      'all on one node',
      database({ nodesUsed: 1 }),
      'fail',
      'all run on one node',
    ],
    [
      'placement from its instance pods when the topology is not reported',
      i => {
        database({ nodesUsed: undefined })(i);
        i.records.workloads.push(
          ...['1', '2', '3'].map(n =>
            workload({
              name: `payments-db-${n}`,
              uid: `db-${n}`,
              labels: { 'cnpg.io/cluster': 'payments-db' },
              pod: podStatus({ nodeName: 'node-a' }),
            }),
          ),
        );
      },
      'fail',
      'all run on one node',
    ],
    [
      'no ready count reported',
      database({ readyInstances: undefined }),
      'unknown',
      'reports no ready instances',
    ],
    [
      'a tier 3 service',
      i => {
        database({})(i);
        i.entity = component({ 'disaster-recovery/tier': '3' });
      },
      'not applicable',
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('database-ha', change)).toEqual(expected(...outcome));
  });
});

describe('certificate expiry', () => {
  const expiringIn =
    (ms: number): Change =>
    i => {
      i.records.certificates = [
        certificate({ notAfter: new Date(NOW.getTime() + ms).toISOString() }),
      ];
    };
  it.each<[string, Change, CheckStatus | 'not applicable', string?]>([
    ['none', () => {}, 'not applicable'],
    [
      '60 days left',
      expiringIn(60 * DAY * MINUTE),
      'pass',
      'is valid for 60 days',
    ],
    [
      '14 days and a second left',
      expiringIn(14 * DAY * MINUTE + SECOND),
      'pass',
    ],
    [
      'exactly 14 days left',
      expiringIn(14 * DAY * MINUTE),
      'warn',
      'expires in 14 days',
    ],
    [
      '9 days left',
      expiringIn(9 * DAY * MINUTE),
      'warn',
      'cert-manager has not renewed it',
    ],
    ['expired a second ago', expiringIn(-SECOND), 'fail', 'expired 1 s ago'],
    [
      'not issued, Ready False',
      i => {
        i.records.certificates = [
          certificate({ notAfter: undefined, ready: 'False' }),
        ];
      },
      'fail',
      'has not been issued',
    ],
    [
      'not issued yet',
      i => {
        i.records.certificates = [
          certificate({ notAfter: undefined, ready: undefined }),
        ];
      },
      'unknown',
      'reports no expiry',
    ],
    [
      'of another service in another namespace',
      i => {
        i.records.certificates = [
          certificate({
            namespace: 'orders',
            labels: {},
            notAfter: minutesAgo(1),
          }),
        ];
      },
      'not applicable',
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('certificate-expiry', change)).toEqual(expected(...outcome));
  });
});

describe('standby readiness', () => {
  const standbyDeployment =
    (overrides: Parameters<typeof deployment>[0]): Change =>
    i => {
      i.records.workloadControllers[1] = deployment({
        cluster: 'standby',
        uid: 'standby',
        replicas: 1,
        readyReplicas: 1,
        ...overrides,
      });
    };
  const withDatabase =
    (replica?: Parameters<typeof postgresCluster>[0]): Change =>
    i => {
      i.records.postgresClusters = [
        postgresCluster({ instances: 3, readyInstances: 3 }),
        ...(replica
          ? [
              postgresCluster({
                cluster: 'standby',
                uid: 'replica',
                instances: 1,
                readyInstances: 1,
                replicaOf: {
                  name: 'payments-db',
                  serverName: 'payments-db',
                  destinationPath: 's3://pg-backups/payments-db',
                },
                ...replica,
              }),
            ]
          : []),
      ];
    };
  it.each<[string, Change, CheckStatus | 'not applicable', string?]>([
    [
      'in step',
      () => {},
      'pass',
      "Deployment standby/payments/payments is ready with production's images",
    ],
    [
      'image drift',
      standbyDeployment({
        containers: [
          { ...deployment().containers[0], image: 'example/payments:1.3.9' },
        ],
      }),
      'warn',
      'container payments example/payments:1.3.9 on standby, example/payments:1.4.2 in production',
    ],
    [
      'not ready',
      standbyDeployment({ readyReplicas: 0 }),
      'fail',
      'has no ready replica (0 of 1)',
    ],
    [
      'missing',
      i => {
        i.records.workloadControllers.pop();
      },
      'fail',
      'Deployment prod/payments/payments is not on standby',
    ],
    [
      'no standby configured',
      i => {
        i.clusters = [CLUSTERS[0]];
      },
      'fail',
      'No standby cluster stands in for prod',
    ],
    [
      'no cluster facts',
      i => {
        i.clusters = undefined;
      },
      'unknown',
    ],
    [
      'a database without a replica cluster',
      withDatabase(),
      'fail',
      'Standby has no replica cluster of Cluster prod/payments/payments-db',
    ],
    [
      'a replica cluster not ready',
      withDatabase({ readyInstances: 0 }),
      'fail',
      'Replica cluster standby/payments/payments-db of Cluster prod/payments/payments-db is not ready (0 of 1 instances ready)',
    ],
    [
      'a replica cluster of another origin',
      withDatabase({
        replicaOf: {
          name: 'orders',
          serverName: 'orders-db',
          destinationPath: 's3://pg-backups/orders-db',
        },
      }),
      'fail',
      'does not replicate from Cluster prod/payments/payments-db',
    ],
    [
      'a ready replica cluster, whose lag is not reported',
      withDatabase({}),
      'unknown',
      'CloudNativePG reports no replication lag',
    ],
    [
      'a streaming replica naming the origin host',
      withDatabase({
        replicaOf: {
          name: 'payments-db',
          serverName: 'payments-db',
          host: 'payments-db-rw.eu.example.com',
        },
      }),
      'unknown',
      'is ready',
    ],
    [
      'not hot-warm',
      i => {
        i.entity = component({
          'disaster-recovery/tier': '1',
          'disaster-recovery/pattern': 'cloud-native',
        });
      },
      'not applicable',
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('standby-readiness', change)).toEqual(expected(...outcome));
  });
});

describe('the HA pattern proven', () => {
  const pattern =
    (value: string, more: Record<string, string> = {}): Change =>
    i => {
      i.entity = component({
        'disaster-recovery/tier': '3',
        'disaster-recovery/pattern': value,
        ...more,
      });
    };
  const then =
    (...changes: Change[]): Change =>
    i =>
      changes.forEach(change => change(i));
  it.each<[string, Change, CheckStatus, string]>([
    [
      'hot-warm with a standby in another region holding it',
      pattern('hot-warm'),
      'pass',
      'hot-warm (a scaled-down standby is promoted) is proven: a standby in another failure domain holds it (standby (us-east-1))',
    ],
    [
      'hot-warm with the standby in the same region',
      then(pattern('hot-warm'), i => {
        i.clusters = [CLUSTERS[0], { ...CLUSTERS[1], region: 'eu-west-1' }];
      }),
      'fail',
      "standby standby is in prod's region (eu-west-1): a region loss takes both",
    ],
    [
      'hot-warm with a standby that holds nothing of it',
      then(pattern('hot-warm'), i => {
        i.records.workloadControllers.pop();
      }),
      'fail',
      'standby standby holds none of its workloads or databases',
    ],
    [
      'hot-warm with a standby whose region is unknown',
      then(pattern('hot-warm'), i => {
        i.clusters = [CLUSTERS[0], { ...CLUSTERS[1], region: undefined }];
      }),
      'unknown',
      'the region of standby is not configured',
    ],
    [
      'cloud-native in two zones',
      pattern('cloud-native'),
      'pass',
      'cloud-native (in-region managed HA; a region loss still needs a restore from an off-site copy) is proven',
    ],
    [
      'cloud-native pinned to one zone',
      then(pattern('cloud-native'), i => {
        i.records.nodes = [
          node('node-a', 'eu-west-1a'),
          node('node-b', 'eu-west-1a'),
        ];
      }),
      'fail',
      'Deployment prod/payments/payments runs in zone eu-west-1a only (cluster prod has one zone)',
    ],
    [
      'cloud-native with a database of one instance',
      then(pattern('cloud-native'), i => {
        i.records.postgresClusters = [
          postgresCluster({ instances: 1, readyInstances: 1, nodesUsed: 1 }),
        ];
      }),
      'fail',
      'runs 1 instance',
    ],
    [
      'cloud-native on nodes without zone labels',
      then(pattern('cloud-native'), i => {
        i.records.nodes = [node('node-a'), node('node-b')];
      }),
      'unknown',
      'the Nodes of prod carry no zone label',
    ],
    [
      'hot-hot in one region',
      pattern('hot-hot'),
      'fail',
      'it runs active only in eu-west-1 (prod)',
    ],
    [
      'hot-hot in two regions',
      then(pattern('hot-hot'), i => {
        i.clusters = [
          CLUSTERS[0],
          {
            name: 'prod-us',
            role: 'production',
            provider: 'aws',
            region: 'us-east-1',
          },
        ];
        i.records.workloadControllers[1] = deployment({
          cluster: 'prod-us',
          uid: 'us',
        });
      }),
      'pass',
      'it runs in 2 regions (eu-west-1, us-east-1)',
    ],
    [
      'hot-cold without backups',
      pattern('hot-cold', { 'disaster-recovery/rto': '72h' }),
      'fail',
      "hot-cold (the standby site is built and restored from backups) is not proven: the workloads' data has no backup copy to rebuild the standby site from (it needs backups outside the region)",
    ],
  ])('%s', (_case, change, ...outcome) => {
    expect(judged('ha-pattern', change)).toEqual(expected(...outcome));
  });
});

describe('what the detail views get', () => {
  it('carries per workload replicas, zones, probes and budgets, and production against standby', () => {
    const input = healthy();
    input.records.workloadControllers[1] = deployment({
      cluster: 'standby',
      uid: 'standby',
      replicas: 1,
      readyReplicas: 1,
      containers: [
        { ...deployment().containers[0], image: 'example/payments:1.3.9' },
      ],
    });
    const { availability } = evaluateEntityPosture(input).protection;
    expect(availability.workloads).toEqual([
      {
        ref: {
          kind: 'Deployment',
          cluster: 'prod',
          namespace: 'payments',
          name: 'payments',
        },
        replicas: 2,
        readyReplicas: 2,
        minReplicas: 2,
        nodes: 2,
        zones: ['eu-west-1a', 'eu-west-1b'],
        clusterZones: ['eu-west-1a', 'eu-west-1b'],
        spreadOverNodes: true,
        spreadOverZones: true,
        containers: deployment().containers,
        disruptionBudgets: [
          {
            ref: {
              kind: 'PodDisruptionBudget',
              cluster: 'prod',
              namespace: 'payments',
              name: 'payments',
            },
            minAvailable: 1,
            allowedDisruptions: 1,
          },
        ],
      },
    ]);
    expect(availability.standbyParity).toEqual([
      {
        standbyCluster: 'standby',
        production: {
          kind: 'Deployment',
          cluster: 'prod',
          namespace: 'payments',
          name: 'payments',
        },
        standby: {
          kind: 'Deployment',
          cluster: 'standby',
          namespace: 'payments',
          name: 'payments',
        },
        productionReady: 2,
        productionDesired: 2,
        standbyReady: 1,
        standbyDesired: 1,
        images: [
          {
            container: 'payments',
            production: 'example/payments:1.4.2',
            standby: 'example/payments:1.3.9',
          },
        ],
        state: 'image-drift',
      },
    ]);
  });
});
