import type { KubeObject } from '../kube/kubeObject.ts';
import { Millis } from '../time/timestamps.ts';
import {
  namespaceObject,
  SERVICE_LABEL,
  servicePod,
  storageLocation,
  veleroSchedule,
} from './objectBuilders.ts';
import {
  type ContainerDesign,
  containerSpec,
  controllerObject,
  nodeObject,
} from './workloadBuilders.ts';
import { readOnlyGrant, type Scenario } from './scenario.ts';

/** The knobs of the `scale` scenario. */
export interface ScaleParameters {
  clusters: number;
  namespacesPerCluster: number;
  schedulesPerNamespace: number;
  /** Days of history; every backup of those days is kept (TTL = days + 1). */
  days: number;
  /** Five-field cron of every schedule. */
  cron: string;
  failureRate: number;
  partialFailureRate: number;
}

/** Defaults: 50 clusters × 20 namespaces × 1 hourly schedule × 9 days = 216,000 Backups. */
export const DEFAULT_SCALE: ScaleParameters = {
  clusters: 50,
  namespacesPerCluster: 20,
  schedulesPerNamespace: 1,
  days: 9,
  cron: '0 * * * *',
  failureRate: 0.02,
  partialFailureRate: 0.05,
};

/** The token of a scale cluster. */
export function scaleToken(cluster: string): string {
  return `scale-token-${cluster}`;
}

/** Each service runs as a Deployment of this many pods, one per zone. */
const REPLICAS = 3;
const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];

function serviceContainer(service: string): ContainerDesign {
  return {
    name: service,
    image: `registry.example.com/scale/${service}:1.0.0`,
    readinessProbe: true,
    livenessProbe: true,
    requests: ['cpu', 'memory'],
  };
}

/** A service's Deployment and its pods, spread over the cluster's zones. */
function serviceWorkload(
  namespace: string,
  nodes: readonly string[],
  createdAt: number,
): KubeObject[] {
  const podLabels = { [SERVICE_LABEL]: namespace };
  const container = serviceContainer(namespace);
  return [
    controllerObject({
      kind: 'Deployment',
      name: namespace,
      namespace,
      replicas: REPLICAS,
      readyReplicas: REPLICAS,
      labels: podLabels,
      podLabels,
      containers: [container],
      spread: 'zones',
      createdAt,
    }),
    ...Array.from({ length: REPLICAS }, (_, index) =>
      servicePod({
        service: namespace,
        namespace,
        index,
        createdAt,
        containers: [containerSpec(container)],
        nodeName: nodes[index % nodes.length],
      }),
    ),
  ];
}

function clusterObjects(
  index: number,
  parameters: ScaleParameters,
  historyStart: number,
  start: number,
): KubeObject[] {
  const objects: KubeObject[] = [
    namespaceObject('velero', historyStart),
    storageLocation({
      name: 'default',
      namespace: 'velero',
      bucket: `scale-velero-${index}`,
      region: 'eu-west-1',
      isDefault: true,
      phase: 'Available',
      validatedAt: start,
      createdAt: historyStart,
    }),
  ];
  const nodes = ZONES.map(zone => `scale-${index}-${zone}`);
  objects.push(
    ...ZONES.map((zone, n) =>
      nodeObject({
        name: nodes[n],
        zone,
        region: 'eu-west-1',
        createdAt: historyStart,
      }),
    ),
  );
  const ttlHours = (parameters.days + 1) * 24;
  for (let n = 0; n < parameters.namespacesPerCluster; n++) {
    const namespace = `service-${String(n).padStart(3, '0')}`;
    objects.push(
      namespaceObject(namespace, historyStart),
      ...serviceWorkload(namespace, nodes, historyStart),
    );
    for (let s = 0; s < parameters.schedulesPerNamespace; s++) {
      objects.push(
        veleroSchedule({
          name: `${namespace}-${s}`,
          namespace: 'velero',
          schedule: parameters.cron,
          includedNamespaces: [namespace],
          ttl: `${ttlHours}h0m0s`,
          createdAt: historyStart,
        }),
      );
    }
  }
  return objects;
}

/**
 * The `scale` scenario: many clusters of identical shape whose schedules
 * have run for `days` days, for benchmarks of the collector.
 */
export function scaleScenario(options: {
  seed: string;
  start: number;
  parameters: ScaleParameters;
}): Scenario {
  const { seed, start, parameters } = options;
  const historyStart = start - parameters.days * Millis.day;
  const clusters = Array.from({ length: parameters.clusters }, (_, i) => {
    const name = `scale-${String(i + 1).padStart(2, '0')}`;
    return {
      name,
      groups: ['velero.io' as const],
      tokens: [readOnlyGrant(scaleToken(name))],
      objects: clusterObjects(i + 1, parameters, historyStart, start),
    };
  });
  return {
    name: 'scale',
    historyStart,
    clusters,
    behaviour: {
      seed,
      runsControllers: true,
      backupRuns: () => ({
        failureRate: parameters.failureRate,
        partialFailureRate: parameters.partialFailureRate,
        durationMs: [30_000, 10 * Millis.minute],
        itemCount: [50, 400],
      }),
      cnpgRuns: () => ({
        failureRate: 0,
        durationMs: [Millis.minute, Millis.minute],
      }),
      drills: [],
      timeline: [],
    },
    notices: [],
  };
}
