import type { KubeObject } from '../../kube/kubeObject.ts';
import { hashString } from '../../random/seededRandom.ts';
import { Millis } from '../../time/timestamps.ts';
import { postgresInstances, replicaCluster } from '../cnpgBuilders.ts';
import { boundClaim, servicePod, SERVICE_LABEL } from '../objectBuilders.ts';
import {
  autoscalerObject,
  certificateObject,
  containerSpec,
  controllerObject,
  disruptionBudgetObject,
  nodeObject,
  type ContainerDesign,
  type PodHealth,
  type SpreadDesign,
} from '../workloadBuilders.ts';
import { DEMO_CLUSTERS, DEMO_SERVICES, HISTORY_LENGTH } from './demoEstate.ts';

/**
 * How each demo service runs: its Deployments and StatefulSets, their
 * probes, spread, budgets and autoscalers, the zoned Nodes they run on, its
 * certificates and what the warm standby holds. Read with the backend
 * README's "Demo estate statuses" table, which lists the deliberate
 * problems: checkout-web's cart sweeper is an undocumented tier 1
 * singleton; payments-api's standby runs an older image; inventory-service is pinned to one
 * zone; catalog-search requests no memory; customer-profile has no
 * disruption budget and spreads by luck; feature-flags' budget blocks every
 * drain; docs-portal has not been ready for 3 h and its certificate
 * expired; checkout-web's certificate expires in 9 days; analytics-etl was
 * OOM-killed 8 times in 40 minutes.
 */

/** The zones of a cluster's Nodes; staging's Nodes carry no zone label. */
const ZONES: Record<string, readonly string[]> = {
  [DEMO_CLUSTERS.active]: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'],
  [DEMO_CLUSTERS.standby]: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
};
const REGIONS: Record<string, string> = {
  [DEMO_CLUSTERS.active]: 'eu-west-1',
  [DEMO_CLUSTERS.standby]: 'us-east-1',
};
const NODES_PER_ZONE = 2;

/** The name of a cluster's `n`th node of zone `z` (or of its only pool). */
function nodeName(cluster: string, zone: number, n: number): string {
  const region = REGIONS[cluster] ?? 'staging';
  return `ip-10-${hashString(cluster) % 200}-${zone + 1}-${
    11 + n
  }.${region}.compute.internal`;
}

/** The Nodes of a demo cluster. */
export function demoNodes(cluster: string, createdAt: number): KubeObject[] {
  const zones = ZONES[cluster];
  if (!zones) {
    return [0, 1].map(n =>
      nodeObject({ name: nodeName(cluster, 0, n), createdAt }),
    );
  }
  return zones.flatMap((zone, z) =>
    Array.from({ length: NODES_PER_ZONE }, (_, n) =>
      nodeObject({
        name: nodeName(cluster, z, n),
        zone,
        region: REGIONS[cluster],
        createdAt,
      }),
    ),
  );
}

/**
 * The node of replica `index` of a workload: replicas go round the zones
 * from a place of the workload's own, as a zone spread constraint places
 * them; pinned to `zone`, they share it.
 */
export function demoNodeOf(
  cluster: string,
  workload: string,
  index: number,
  zone?: string,
): string {
  const zones = ZONES[cluster];
  const offset = hashString(workload);
  if (!zones) return nodeName(cluster, 0, (offset + index) % 2);
  const z = zone ? zones.indexOf(zone) : (offset + index) % zones.length;
  const n = zone ? index % NODES_PER_ZONE : (offset >>> 4) % NODES_PER_ZONE;
  return nodeName(cluster, z, n);
}

/** One Deployment or StatefulSet of a service. */
interface WorkloadDesign {
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  /** `app.kubernetes.io/component`; the selector is the service and it. */
  component: string;
  /** Its production replicas; the standby runs one. */
  replicas: number;
  containers: readonly ContainerDesign[];
  spread: SpreadDesign;
  zone?: string;
  singletonReason?: string;
  budget?: { minAvailable?: number | string; maxUnavailable?: number | string };
  autoscaler?: { min: number; max: number };
  /** The standby's image of the first container, when it drifted. */
  standbyImage?: string;
  /** Health of its first pod in production, relative to the start. */
  firstPod?: PodHealth & { createdAgo?: number };
}

const sound = (name: string, version: string): ContainerDesign => ({
  name,
  image: `demo-retail/${name}:${version}`,
  readinessProbe: true,
  livenessProbe: true,
  requests: ['cpu', 'memory'],
});

/** The main workload of a service: a StatefulSet when it keeps data. */
function main(
  service: string,
  version: string,
  design: Partial<WorkloadDesign> = {},
): WorkloadDesign {
  const spec = DEMO_SERVICES.find(s => s.name === service)!;
  return {
    kind: spec.workload === 'stateful' ? 'StatefulSet' : 'Deployment',
    name: service,
    component: 'server',
    replicas: spec.replicas,
    containers: [sound(service, version)],
    spread: 'zones',
    ...design,
  };
}

/** Each service's workloads; times of pod incidents are before the start. */
function designsOf(start: number): Record<string, readonly WorkloadDesign[]> {
  return {
    'payments-api': [
      main('payments-api', '4.2.1', {
        budget: { minAvailable: 2 },
        // The standby was not rolled forward with the last release.
        standbyImage: 'demo-retail/payments-api:4.1.0',
      }),
    ],
    'checkout-web': [
      main('checkout-web', '7.3.0', {
        budget: { maxUnavailable: 1 },
        autoscaler: { min: 3, max: 12 },
      }),
      // Expires abandoned carts; one replica, and nobody wrote why.
      {
        kind: 'Deployment',
        name: 'checkout-web-cart-sweeper',
        component: 'cart-sweeper',
        replicas: 1,
        containers: [sound('checkout-web-cart-sweeper', '7.3.0')],
        spread: 'none',
      },
    ],
    'inventory-service': [
      main('inventory-service', '2.8.4', {
        budget: { minAvailable: 1 },
        // Pinned to the zone of its old EBS volumes.
        spread: 'none',
        zone: 'eu-west-1a',
      }),
    ],
    'catalog-search': [
      main('catalog-search', '5.1.0', {
        budget: { minAvailable: 1 },
        containers: [
          { ...sound('catalog-search', '5.1.0'), requests: ['cpu'] },
        ],
      }),
    ],
    'notifications-worker': [
      main('notifications-worker', '1.19.3', { budget: { maxUnavailable: 1 } }),
      {
        kind: 'Deployment',
        name: 'notifications-scheduler',
        component: 'scheduler',
        replicas: 1,
        containers: [sound('notifications-scheduler', '1.19.3')],
        spread: 'none',
        singletonReason:
          'Leader-elected: one scheduler enqueues the sends, a second would only wait for the lease.',
      },
    ],
    // No budget, and nothing but luck keeps its two pods apart.
    'customer-profile': [main('customer-profile', '3.4.0', { spread: 'none' })],
    'reporting-batch': [main('reporting-batch', '2.2.0', { spread: 'none' })],
    'docs-portal': [
      main('docs-portal', '0.9.7', {
        spread: 'none',
        // Its readiness probe has failed since the wiki backend moved.
        firstPod: { notReadySince: start - 3 * Millis.hour },
      }),
    ],
    'feature-flags': [
      main('feature-flags', '3.0.2', {
        // As many as it runs: no node drain can ever evict one.
        budget: { minAvailable: 2 },
      }),
    ],
    'analytics-etl': [
      main('analytics-etl', '0.14.1', {
        spread: 'none',
        containers: [
          { ...sound('analytics-etl', '0.14.1'), readinessProbe: false },
        ],
        // Rescheduled 40 minutes ago and OOM-killed 8 times since.
        firstPod: {
          createdAgo: 40 * Millis.minute,
          restarts: 8,
          restartedAt: start - 3 * Millis.minute,
        },
      }),
    ],
  };
}

/** Certificates of the services' ingresses, by service: days until they expire, or not issued yet. */
const CERTIFICATES: Readonly<Record<string, number | 'pending'>> = {
  'payments-api': 61,
  'checkout-web': 9,
  'docs-portal': -2,
  'feature-flags': 'pending',
};

/** Services whose workloads the warm standby holds too, besides the drilled ones. */
export const STANDBY_ONLY_SERVICES = ['feature-flags'] as const;

function podLabelsOf(service: string, design: WorkloadDesign) {
  return {
    [SERVICE_LABEL]: service,
    'app.kubernetes.io/component': design.component,
  };
}

/** A workload's containers on a cluster: the standby's may run an older image. */
function containersOf(
  design: WorkloadDesign,
  production: boolean,
): readonly ContainerDesign[] {
  if (production || !design.standbyImage) return design.containers;
  const [first, ...rest] = design.containers;
  return [{ ...first, image: design.standbyImage }, ...rest];
}

const shortHash = (text: string, length: number) =>
  hashString(text).toString(36).padStart(length, '0').slice(-length);

/** The pods of a workload (and a StatefulSet's claims), named as its controller names them. */
function podsOf(options: {
  cluster: string;
  service: string;
  design: WorkloadDesign;
  replicas: number;
  createdAt: number;
  start: number;
  production: boolean;
}): KubeObject[] {
  const { cluster, service, design, replicas, createdAt, production } = options;
  const labels = podLabelsOf(service, design);
  const statefulSet = design.kind === 'StatefulSet';
  const templateHash = `${shortHash(`${cluster}/${design.name}`, 5)}${shortHash(
    `${design.name}/${cluster}`,
    5,
  )}`;
  const containers = containersOf(design, production).map(c =>
    containerSpec(c),
  );
  const objects: KubeObject[] = [];
  for (let i = 0; i < replicas; i++) {
    const health = production && i === 0 ? design.firstPod : undefined;
    const claimName = statefulSet ? `data-${design.name}-${i}` : undefined;
    objects.push(
      servicePod({
        service: design.name,
        namespace: service,
        index: i,
        createdAt:
          health?.createdAgo !== undefined
            ? options.start - health.createdAgo
            : createdAt,
        name: statefulSet
          ? `${design.name}-${i}`
          : `${design.name}-${templateHash}-${shortHash(
              `${templateHash}/${i}`,
              5,
            )}`,
        labels: statefulSet
          ? {
              ...labels,
              'apps.kubernetes.io/pod-index': String(i),
              'statefulset.kubernetes.io/pod-name': `${design.name}-${i}`,
            }
          : { ...labels, 'pod-template-hash': templateHash },
        containers,
        nodeName: demoNodeOf(
          cluster,
          design.name,
          i,
          production ? design.zone : undefined,
        ),
        claimName,
        health,
      }),
    );
    if (claimName) {
      objects.push(
        boundClaim({
          name: claimName,
          namespace: service,
          service,
          size: '10Gi',
          createdAt,
        }),
      );
    }
  }
  return objects;
}

/**
 * A service's workloads on a cluster: production runs its designed
 * replicas, a standby or staging one replica of each. With its pods,
 * StatefulSet claims, budgets, autoscalers and (in production) certificates.
 */
export function demoWorkloadObjects(
  cluster: string,
  service: string,
  start: number,
): KubeObject[] {
  const createdAt = start - HISTORY_LENGTH;
  const production = cluster === DEMO_CLUSTERS.active;
  const objects: KubeObject[] = [];
  for (const design of designsOf(start)[service] ?? []) {
    const replicas = production ? design.replicas : 1;
    const podLabels = podLabelsOf(service, design);
    const notReady = production && design.firstPod?.notReadySince ? 1 : 0;
    objects.push(
      controllerObject({
        kind: design.kind,
        name: design.name,
        namespace: service,
        replicas,
        readyReplicas: replicas - notReady,
        labels: podLabels,
        podLabels,
        containers: containersOf(design, production),
        spread: design.spread,
        zone: production ? design.zone : undefined,
        singletonReason: design.singletonReason,
        claimSize: design.kind === 'StatefulSet' ? '10Gi' : undefined,
        createdAt,
      }),
      ...podsOf({
        cluster,
        service,
        design,
        replicas,
        createdAt,
        start,
        production,
      }),
    );
    if (production && design.budget) {
      objects.push(
        disruptionBudgetObject({
          name: design.name,
          namespace: service,
          podLabels,
          ...design.budget,
          replicas,
          createdAt,
        }),
      );
    }
    if (production && design.autoscaler) {
      objects.push(
        autoscalerObject({
          name: design.name,
          namespace: service,
          target: { kind: design.kind, name: design.name },
          minReplicas: design.autoscaler.min,
          maxReplicas: design.autoscaler.max,
          currentReplicas: replicas,
          createdAt,
        }),
      );
    }
  }
  const certificate = CERTIFICATES[service];
  if (production && certificate !== undefined) {
    objects.push(
      certificateObject({
        name: `${service}-tls`,
        namespace: service,
        dnsNames: [`${service}.demo-retail.example.com`],
        labels: { [SERVICE_LABEL]: service },
        createdAt:
          certificate === 'pending' ? start - 20 * Millis.minute : createdAt,
        notAfter:
          certificate === 'pending'
            ? undefined
            : start + certificate * Millis.day,
        now: start,
      }),
    );
  }
  return objects;
}

/** How a demo database's instances run. */
export interface DemoDatabaseInstances {
  instances: number;
  readyInstances: number;
  /** The instance pods, round the zones of `cluster`. */
  pods(createdAt: number): KubeObject[];
}

/**
 * The instances of a production database: three, all ready, one per zone;
 * checkout-sessions was created with one in the hurry after the failed full
 * DR test; ledger-db's third instance has not been ready since its WAL
 * archiving broke (it stopped on the old timeline).
 */
export function demoDatabaseInstances(
  name: string,
  namespace: string,
  ledgerBrokenAt: number,
): DemoDatabaseInstances {
  const instances = name === 'checkout-sessions' ? 1 : 3;
  const stuck = name === 'ledger-db' ? 3 : undefined;
  return {
    instances,
    readyInstances: stuck ? instances - 1 : instances,
    pods: createdAt =>
      postgresInstances(name, namespace, createdAt, {
        instances,
        nodeOf: i => demoNodeOf(DEMO_CLUSTERS.active, name, i - 1),
        healthOf: i =>
          i === stuck ? { notReadySince: ledgerBrokenAt } : undefined,
      }),
  };
}

/**
 * The replica clusters on the standby: feature-flags-db replays WAL from
 * production's bucket and is ready; ledger-db's stopped when production's
 * archiving broke and has not been ready since.
 */
export function demoReplicaClusters(
  createdAt: number,
  bucket: string,
  ledgerBrokenAt: number,
): KubeObject[] {
  const replicas = [
    { name: 'feature-flags-db', namespace: 'feature-flags', ready: true },
    { name: 'ledger-db', namespace: 'ledger-db', ready: false },
  ];
  return replicas.flatMap(({ name, namespace, ready }) => [
    replicaCluster({
      name,
      namespace,
      origin: name,
      destinationPath: `${bucket}/${name}`,
      ready,
      createdAt,
    }),
    ...postgresInstances(name, namespace, createdAt, {
      instances: 1,
      nodeOf: i => demoNodeOf(DEMO_CLUSTERS.standby, name, i - 1),
      healthOf: () => (ready ? undefined : { notReadySince: ledgerBrokenAt }),
    }),
  ]);
}
