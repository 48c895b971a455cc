import type { JsonObject, KubeObject } from '../kube/kubeObject.ts';
import { hashString } from '../random/seededRandom.ts';
import { kubeTimestamp } from '../time/timestamps.ts';

/**
 * Builders for the workload objects the availability checks read —
 * Deployments, StatefulSets, their pods' containers and status, budgets,
 * autoscalers, Nodes and cert-manager Certificates — shaped as the API
 * server and the controllers write them.
 */

/** The Node label naming its zone. */
export const ZONE_LABEL = 'topology.kubernetes.io/zone';

/** One container of a pod template. */
export interface ContainerDesign {
  name: string;
  image: string;
  readinessProbe: boolean;
  livenessProbe: boolean;
  /** The resources it requests (`cpu`, `memory`). */
  requests: readonly ('cpu' | 'memory')[];
}

const REQUEST_VALUES = { cpu: '250m', memory: '256Mi' } as const;

/** A container spec, with HTTP probes and requests where the design has them. */
export function containerSpec(
  design: ContainerDesign,
  extra: JsonObject = {},
): JsonObject {
  const probe = (path: string) => ({
    httpGet: { path, port: 8080, scheme: 'HTTP' },
    periodSeconds: 10,
    timeoutSeconds: 1,
    successThreshold: 1,
    failureThreshold: 3,
  });
  return {
    name: design.name,
    image: design.image,
    imagePullPolicy: 'IfNotPresent',
    ports: [{ containerPort: 8080, name: 'http', protocol: 'TCP' }],
    ...(design.readinessProbe ? { readinessProbe: probe('/ready') } : {}),
    ...(design.livenessProbe ? { livenessProbe: probe('/healthz') } : {}),
    resources:
      design.requests.length > 0
        ? {
            requests: Object.fromEntries(
              design.requests.map(r => [r, REQUEST_VALUES[r]]),
            ),
          }
        : {},
    terminationMessagePath: '/dev/termination-log',
    terminationMessagePolicy: 'File',
    ...extra,
  };
}

/** How a pod's containers are doing. */
export interface PodHealth {
  /** Not ready since then (epoch ms): its readiness probe fails. */
  notReadySince?: number;
  /** Restarts of its first container in all. */
  restarts?: number;
  /** Its first container last restarted then (epoch ms), after being OOM-killed, and runs since. */
  restartedAt?: number;
}

/** A pod's conditions and container statuses, as the kubelet reports them. */
export function podStatusFields(
  containers: readonly JsonObject[],
  startedAt: number,
  health: PodHealth = {},
): JsonObject {
  const ready = health.notReadySince === undefined;
  const readySince = health.notReadySince ?? health.restartedAt ?? startedAt;
  const condition = (type: string, status: boolean, at: number) => ({
    type,
    status: status ? 'True' : 'False',
    lastProbeTime: null,
    lastTransitionTime: kubeTimestamp(at),
  });
  return {
    conditions: [
      condition('Initialized', true, startedAt),
      condition('Ready', ready, readySince),
      condition('ContainersReady', ready, readySince),
      condition('PodScheduled', true, startedAt),
    ],
    containerStatuses: containers.map((container, i) => {
      const restarted = i === 0 ? health.restartedAt : undefined;
      const image = String(container.image);
      return {
        name: container.name,
        image,
        imageID: `${image.split(':')[0]}@sha256:${hashString(image)
          .toString(16)
          .padStart(8, '0')
          .repeat(8)}`,
        ready,
        started: true,
        restartCount: i === 0 ? health.restarts ?? 0 : 0,
        state: {
          running: { startedAt: kubeTimestamp(restarted ?? startedAt) },
        },
        ...(restarted !== undefined
          ? {
              lastState: {
                terminated: {
                  exitCode: 137,
                  reason: 'OOMKilled',
                  startedAt: kubeTimestamp(restarted - 4 * 60_000),
                  finishedAt: kubeTimestamp(restarted - 1000),
                },
              },
            }
          : {}),
      };
    }),
  };
}

/** How a pod template asks to keep its replicas apart. */
export type SpreadDesign = 'zones' | 'nodes' | 'none';

function affinityOf(
  spread: SpreadDesign,
  podLabels: Record<string, string>,
): JsonObject {
  if (spread === 'none') return {};
  if (spread === 'nodes') {
    return {
      affinity: {
        podAntiAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 100,
              podAffinityTerm: {
                topologyKey: 'kubernetes.io/hostname',
                labelSelector: { matchLabels: podLabels },
              },
            },
          ],
        },
      },
    };
  }
  return {
    topologySpreadConstraints: [
      {
        maxSkew: 1,
        topologyKey: ZONE_LABEL,
        whenUnsatisfiable: 'DoNotSchedule',
        labelSelector: { matchLabels: podLabels },
      },
      {
        maxSkew: 1,
        topologyKey: 'kubernetes.io/hostname',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: podLabels },
      },
    ],
  };
}

/** A Deployment or StatefulSet and what it asks of its pods. */
export interface ControllerDesign {
  kind: 'Deployment' | 'StatefulSet';
  name: string;
  namespace: string;
  replicas: number;
  readyReplicas: number;
  labels: Record<string, string>;
  podLabels: Record<string, string>;
  containers: readonly ContainerDesign[];
  spread: SpreadDesign;
  /** Pins the pods to one zone (`nodeSelector`). */
  zone?: string;
  singletonReason?: string;
  /** A StatefulSet's claim template size, for its `data` volumes. */
  claimSize?: string;
  createdAt: number;
}

/** An `apps/v1` Deployment or StatefulSet, with the status its controller writes. */
export function controllerObject(design: ControllerDesign): KubeObject {
  const selector = { matchLabels: design.podLabels };
  const template = {
    metadata: { labels: design.podLabels },
    spec: {
      containers: design.containers.map(c =>
        containerSpec(
          c,
          design.claimSize
            ? { volumeMounts: [{ name: 'data', mountPath: '/var/lib/data' }] }
            : {},
        ),
      ),
      ...affinityOf(design.spread, design.podLabels),
      ...(design.zone ? { nodeSelector: { [ZONE_LABEL]: design.zone } } : {}),
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
    },
  };
  const statefulSet = design.kind === 'StatefulSet';
  return {
    apiVersion: 'apps/v1',
    kind: design.kind,
    metadata: {
      name: design.name,
      namespace: design.namespace,
      creationTimestamp: kubeTimestamp(design.createdAt),
      generation: 1,
      labels: design.labels,
      ...(design.singletonReason
        ? {
            annotations: {
              'disaster-recovery/singleton': design.singletonReason,
            },
          }
        : {}),
    },
    spec: {
      replicas: design.replicas,
      selector,
      template,
      ...(statefulSet
        ? {
            serviceName: design.name,
            podManagementPolicy: 'OrderedReady',
            updateStrategy: { type: 'RollingUpdate' },
            ...(design.claimSize
              ? {
                  volumeClaimTemplates: [
                    {
                      apiVersion: 'v1',
                      kind: 'PersistentVolumeClaim',
                      metadata: { name: 'data' },
                      spec: {
                        accessModes: ['ReadWriteOnce'],
                        resources: { requests: { storage: design.claimSize } },
                        storageClassName: 'gp3',
                      },
                    },
                  ],
                }
              : {}),
          }
        : {
            strategy: {
              type: 'RollingUpdate',
              rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' },
            },
            revisionHistoryLimit: 10,
          }),
    },
    status: {
      observedGeneration: 1,
      replicas: design.replicas,
      ...(design.readyReplicas > 0
        ? {
            readyReplicas: design.readyReplicas,
            availableReplicas: design.readyReplicas,
          }
        : {}),
      ...(statefulSet
        ? { currentReplicas: design.replicas }
        : { updatedReplicas: design.replicas }),
    },
  };
}

/** A `policy/v1` PodDisruptionBudget over a selector. */
export function disruptionBudgetObject(options: {
  name: string;
  namespace: string;
  podLabels: Record<string, string>;
  minAvailable?: number | string;
  maxUnavailable?: number | string;
  replicas: number;
  createdAt: number;
}): KubeObject {
  const minHealthy =
    options.minAvailable !== undefined
      ? Number(options.minAvailable)
      : options.replicas - Number(options.maxUnavailable ?? 0);
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      creationTimestamp: kubeTimestamp(options.createdAt),
      generation: 1,
    },
    spec: {
      selector: { matchLabels: options.podLabels },
      ...(options.minAvailable !== undefined
        ? { minAvailable: options.minAvailable }
        : { maxUnavailable: options.maxUnavailable }),
    },
    status: {
      observedGeneration: 1,
      currentHealthy: options.replicas,
      desiredHealthy: minHealthy,
      disruptionsAllowed: Math.max(0, options.replicas - minHealthy),
      expectedPods: options.replicas,
    },
  };
}

/** An `autoscaling/v2` HorizontalPodAutoscaler on CPU. */
export function autoscalerObject(options: {
  name: string;
  namespace: string;
  target: { kind: string; name: string };
  minReplicas: number;
  maxReplicas: number;
  currentReplicas: number;
  createdAt: number;
}): KubeObject {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      creationTimestamp: kubeTimestamp(options.createdAt),
    },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', ...options.target },
      minReplicas: options.minReplicas,
      maxReplicas: options.maxReplicas,
      metrics: [
        {
          type: 'Resource',
          resource: {
            name: 'cpu',
            target: { type: 'Utilization', averageUtilization: 70 },
          },
        },
      ],
    },
    status: {
      currentReplicas: options.currentReplicas,
      desiredReplicas: options.currentReplicas,
    },
  };
}

/** A ready `v1` Node in a zone (no zone label when `zone` is undefined). */
export function nodeObject(options: {
  name: string;
  zone?: string;
  region?: string;
  createdAt: number;
}): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: options.name,
      creationTimestamp: kubeTimestamp(options.createdAt),
      labels: {
        'kubernetes.io/arch': 'amd64',
        'kubernetes.io/os': 'linux',
        'kubernetes.io/hostname': options.name,
        'node.kubernetes.io/instance-type': 'm6i.xlarge',
        ...(options.region
          ? { 'topology.kubernetes.io/region': options.region }
          : {}),
        ...(options.zone ? { [ZONE_LABEL]: options.zone } : {}),
      },
    },
    spec: {},
    status: {
      conditions: [
        {
          type: 'Ready',
          status: 'True',
          reason: 'KubeletReady',
          message: 'kubelet is posting ready status',
          lastHeartbeatTime: kubeTimestamp(options.createdAt),
          lastTransitionTime: kubeTimestamp(options.createdAt),
        },
      ],
      nodeInfo: { kubeletVersion: 'v1.31.2', architecture: 'amd64' },
    },
  };
}

/** A `cert-manager.io/v1` Certificate, issued (with `notAfter`) or not yet. */
export function certificateObject(options: {
  name: string;
  namespace: string;
  dnsNames: string[];
  labels: Record<string, string>;
  createdAt: number;
  /** Absent: not issued yet, the request still pending. */
  notAfter?: number;
  /** When the status was written, to tell an expired certificate. */
  now: number;
}): KubeObject {
  const issued = options.notAfter !== undefined;
  const notAfter = options.notAfter ?? 0;
  const expired = issued && notAfter <= options.now;
  // cert-manager renews at two thirds of a 90-day certificate's life.
  const notBefore = notAfter - 90 * 86_400_000;
  const renewalTime = notAfter - 30 * 86_400_000;
  return {
    apiVersion: 'cert-manager.io/v1',
    kind: 'Certificate',
    metadata: {
      name: options.name,
      namespace: options.namespace,
      creationTimestamp: kubeTimestamp(options.createdAt),
      generation: 1,
      labels: options.labels,
    },
    spec: {
      secretName: options.name,
      dnsNames: options.dnsNames,
      issuerRef: { kind: 'ClusterIssuer', name: 'letsencrypt' },
      privateKey: { algorithm: 'ECDSA', size: 256 },
    },
    status: issued
      ? {
          conditions: [
            expired
              ? {
                  type: 'Ready',
                  status: 'False',
                  reason: 'Expired',
                  message: `Certificate expired on ${new Date(
                    notAfter,
                  ).toUTCString()}`,
                  lastTransitionTime: kubeTimestamp(notAfter),
                  observedGeneration: 1,
                }
              : {
                  type: 'Ready',
                  status: 'True',
                  reason: 'Ready',
                  message: 'Certificate is up to date and has not expired',
                  lastTransitionTime: kubeTimestamp(notBefore),
                  observedGeneration: 1,
                },
          ],
          notBefore: kubeTimestamp(notBefore),
          notAfter: kubeTimestamp(notAfter),
          renewalTime: kubeTimestamp(renewalTime),
          revision: 1,
        }
      : {
          conditions: [
            {
              type: 'Issuing',
              status: 'True',
              reason: 'DoesNotExist',
              message: 'Issuing certificate as Secret does not exist',
              lastTransitionTime: kubeTimestamp(options.createdAt),
              observedGeneration: 1,
            },
            {
              type: 'Ready',
              status: 'Unknown',
              reason: 'Pending',
              message: 'Issuing certificate as Secret does not exist',
              lastTransitionTime: kubeTimestamp(options.createdAt),
              observedGeneration: 1,
            },
          ],
        },
  };
}
