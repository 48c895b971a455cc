import {
  matchesLabelSelector,
  RECORD_KINDS,
  type ContainerSpec,
  type HorizontalPodAutoscalerRecord,
  type PodDisruptionBudgetRecord,
  type SpreadRule,
  type WorkloadControllerRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  KubernetesResourceKind,
} from '@dr-posture/plugin-disaster-recovery-node';
import { z } from 'zod';
import {
  collectedRow,
  commonRecord,
  count,
  labelSelector,
  objectMetadata,
  parseObject,
  type StoredRecord,
  stringMap,
} from './objectSchema';

/** Why a workload runs one replica on purpose. */
const SINGLETON_ANNOTATION = 'disaster-recovery/singleton';

/** Only the keys of `resources.requests` and `.limits` are read. */
const resourceList = z.record(z.string(), z.unknown()).optional().default({});

const container = z.object({
  name: z.string().min(1),
  image: z.string().min(1),
  readinessProbe: z.looseObject({}).optional(),
  livenessProbe: z.looseObject({}).optional(),
  resources: z
    .object({ requests: resourceList, limits: resourceList })
    .optional()
    .default({ requests: {}, limits: {} }),
});

const affinityTerm = z.object({
  topologyKey: z.string(),
  labelSelector: labelSelector.optional(),
});

const podTemplate = z.object({
  metadata: z
    .object({ labels: stringMap.optional().default({}) })
    .optional()
    .default({ labels: {} }),
  spec: z.object({
    containers: z.array(container).min(1),
    affinity: z
      .object({
        podAntiAffinity: z
          .object({
            requiredDuringSchedulingIgnoredDuringExecution: z
              .array(affinityTerm)
              .optional()
              .default([]),
            preferredDuringSchedulingIgnoredDuringExecution: z
              .array(z.object({ podAffinityTerm: affinityTerm }))
              .optional()
              .default([]),
          })
          .optional(),
      })
      .optional(),
    topologySpreadConstraints: z
      .array(
        z.object({
          topologyKey: z.string(),
          whenUnsatisfiable: z.string().optional(),
          labelSelector: labelSelector.optional(),
          matchLabelKeys: z.array(z.string()).optional(),
        }),
      )
      .optional()
      .default([]),
  }),
});

const controllerObject = z.object({
  metadata: objectMetadata.extend({
    annotations: stringMap.optional().default({}),
  }),
  spec: z.object({
    replicas: z.number().int().nonnegative().optional().default(1),
    selector: labelSelector,
    template: podTemplate,
  }),
  status: z.object({ readyReplicas: count }).optional().default({
    readyReplicas: 0,
  }),
});

type PodTemplate = z.infer<typeof podTemplate>;

/** Anti-affinity and spread constraints that keep this template's own pods apart. */
function spreadOf(template: PodTemplate): SpreadRule[] {
  const labels = template.metadata.labels;
  const ownPods = (selector?: z.infer<typeof labelSelector>) =>
    selector !== undefined && matchesLabelSelector(selector, labels);
  const anti = template.spec.affinity?.podAntiAffinity;
  return [
    ...(anti?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
      .filter(term => ownPods(term.labelSelector))
      .map(term => ({
        topologyKey: term.topologyKey,
        how: 'anti-affinity' as const,
        required: true,
      })),
    ...(anti?.preferredDuringSchedulingIgnoredDuringExecution ?? [])
      .filter(term => ownPods(term.podAffinityTerm.labelSelector))
      .map(term => ({
        topologyKey: term.podAffinityTerm.topologyKey,
        how: 'anti-affinity' as const,
        required: false,
      })),
    ...template.spec.topologySpreadConstraints
      .filter(
        constraint =>
          ownPods(constraint.labelSelector) ||
          (constraint.matchLabelKeys?.length ?? 0) > 0,
      )
      .map(constraint => ({
        topologyKey: constraint.topologyKey,
        how: 'topology-spread' as const,
        // ScheduleAnyway only scores; DoNotSchedule (the default) holds.
        required: constraint.whenUnsatisfiable !== 'ScheduleAnyway',
      })),
  ];
}

function containerOf(spec: z.infer<typeof container>): ContainerSpec {
  return {
    name: spec.name,
    image: spec.image,
    readinessProbe: spec.readinessProbe !== undefined,
    livenessProbe: spec.livenessProbe !== undefined,
    // Requests left out default to the limits when the pod is created.
    requests: [
      ...new Set([
        ...Object.keys(spec.resources.requests),
        ...Object.keys(spec.resources.limits),
      ]),
    ].sort(),
  };
}

function controllerRow(kind: WorkloadControllerRecord['kind']) {
  return (object: unknown): CollectedRow => {
    const { metadata, spec, status } = parseObject(controllerObject, object);
    const singletonReason = metadata.annotations[SINGLETON_ANNOTATION];
    const record: StoredRecord<WorkloadControllerRecord> = {
      ...commonRecord(metadata),
      kind,
      replicas: spec.replicas,
      readyReplicas: status.readyReplicas,
      selector: spec.selector,
      podLabels: spec.template.metadata.labels,
      containers: spec.template.spec.containers.map(containerOf),
      spread: spreadOf(spec.template),
      ...(singletonReason !== undefined ? { singletonReason } : {}),
    };
    return collectedRow(metadata, record);
  };
}

const intOrPercent = z.union([z.number().int(), z.string()]);

const budgetObject = z.object({
  metadata: objectMetadata,
  spec: z
    .object({
      selector: labelSelector.optional(),
      minAvailable: intOrPercent.optional(),
      maxUnavailable: intOrPercent.optional(),
    })
    .optional()
    .default({}),
});

function budgetRow(object: unknown): CollectedRow {
  const { metadata, spec } = parseObject(budgetObject, object);
  const record: StoredRecord<PodDisruptionBudgetRecord> = {
    ...commonRecord(metadata),
    ...(spec.selector ? { selector: spec.selector } : {}),
    ...(spec.minAvailable !== undefined
      ? { minAvailable: spec.minAvailable }
      : {}),
    ...(spec.maxUnavailable !== undefined
      ? { maxUnavailable: spec.maxUnavailable }
      : {}),
  };
  return collectedRow(metadata, record);
}

const autoscalerObject = z.object({
  metadata: objectMetadata,
  spec: z.object({
    scaleTargetRef: z.object({ kind: z.string(), name: z.string() }),
    minReplicas: z.number().int().positive().optional().default(1),
    maxReplicas: z.number().int().positive(),
  }),
});

function autoscalerRow(object: unknown): CollectedRow {
  const { metadata, spec } = parseObject(autoscalerObject, object);
  const record: StoredRecord<HorizontalPodAutoscalerRecord> = {
    ...commonRecord(metadata),
    target: { kind: spec.scaleTargetRef.kind, name: spec.scaleTargetRef.name },
    minReplicas: spec.minReplicas,
    maxReplicas: spec.maxReplicas,
  };
  return collectedRow(metadata, record);
}

/** Deployments, StatefulSets, their autoscalers and disruption budgets. */
export const workloadControllerKinds: KubernetesResourceKind[] = [
  { ...RECORD_KINDS.deployment, toRow: controllerRow('Deployment') },
  { ...RECORD_KINDS.statefulSet, toRow: controllerRow('StatefulSet') },
  { ...RECORD_KINDS.podDisruptionBudget, toRow: budgetRow },
  { ...RECORD_KINDS.horizontalPodAutoscaler, toRow: autoscalerRow },
];
