import { DR_ANNOTATIONS } from '../annotations';
import { budgetsCovering } from '../availability/disruptionBudgets';
import {
  clusterTopology,
  observedPlacement,
  type ObservedPlacement,
} from '../availability/placement';
import {
  autoscalerOf,
  describeController,
  entityControllers,
  podsOfController,
  replicaFloor,
} from '../availability/workloadControllers';
import { CNPG_CLUSTER_LABEL } from '../coverage';
import type {
  HorizontalPodAutoscalerRecord,
  PodDisruptionBudgetRecord,
  PostgresClusterRecord,
  WorkloadControllerRecord,
  WorkloadRecord,
} from '../records';
import { worstStatus } from '../posture/worstStatus';
import { oncePerContext, type PostureContext } from './context';
import { verdict, type Verdict } from './definition';
import type { CheckStatus } from './types';

/** One Deployment or StatefulSet of an entity with what the availability checks read about it. */
export interface JudgedWorkload {
  controller: WorkloadControllerRecord;
  pods: WorkloadRecord[];
  autoscaler?: HorizontalPodAutoscalerRecord;
  /** The fewest replicas it may run (its autoscaler's minimum, else its replicas). */
  floor: number;
  budgets: PodDisruptionBudgetRecord[];
  placement: ObservedPlacement;
}

/** The entity's workloads on the clusters that count for it, worked out once per entity. */
export const entityWorkloads = oncePerContext(
  (context: PostureContext): JudgedWorkload[] => {
    const { records } = context;
    const pods = (records.workloads ?? []).filter(w => w.kind === 'Pod');
    return entityControllers(
      context.mapping,
      records.workloadControllers ?? [],
    ).map(controller => {
      const owned = podsOfController(controller, pods);
      const autoscaler = autoscalerOf(controller, records.autoscalers ?? []);
      return {
        controller,
        pods: owned,
        autoscaler,
        floor: replicaFloor(controller, autoscaler),
        budgets: budgetsCovering(controller, records.disruptionBudgets ?? []),
        placement: observedPlacement(
          owned,
          clusterTopology(controller.cluster, records.nodes ?? []),
        ),
      };
    });
  },
);

/** The entity's pods (its CloudNativePG instances included) on the clusters that count for it. */
export function entityPods(context: PostureContext): WorkloadRecord[] {
  return context.coverage.workloads.filter(w => w.kind === 'Pod');
}

/**
 * Whether the entity is only CloudNativePG databases: no workload of its
 * own, every pod of it an instance of one of its clusters. The database
 * checks judge it; the workload checks do not apply.
 */
function isDatabaseOnly(context: PostureContext): boolean {
  const { clusters, missing } = context.postgres;
  if (clusters.length === 0 && missing.length === 0) return false;
  return entityPods(context).every(
    pod => pod.labels[CNPG_CLUSTER_LABEL] !== undefined,
  );
}

/**
 * The common start of the workload checks: `{ verdict: undefined }` when
 * they do not apply (a database-only entity), an unknown verdict when the
 * entity's workloads cannot be found, `undefined` when they can go on.
 */
export function workloadsProblem(
  context: PostureContext,
): { verdict: Verdict<never> | undefined } | undefined {
  const problems = context.mapping.problems.filter(
    p => p.annotation !== DR_ANNOTATIONS.postgresClusters,
  );
  if (problems.length > 0) {
    return {
      verdict: verdict('unknown', problems.map(p => p.reason).join(' ')),
    };
  }
  if (entityWorkloads(context).length > 0) return undefined;
  if (isDatabaseOnly(context)) return { verdict: undefined };
  const { mapping } = context;
  if (!mapping.labelSelector && !mapping.kubernetesId) {
    return {
      verdict: verdict(
        'unknown',
        'The entity is not mapped to Kubernetes workloads (no kubernetes-id or label selector annotation), so its Deployments and StatefulSets cannot be found.',
      ),
    };
  }
  const pods = entityPods(context).length;
  return {
    verdict: verdict(
      'unknown',
      pods > 0
        ? `No Deployment or StatefulSet of this entity was collected, only ${pods} pod${
            pods === 1 ? '' : 's'
          } it owns: its replicas and spec cannot be judged.`
        : 'No Deployment or StatefulSet of this entity was found in the collected clusters.',
    ),
  };
}

/**
 * How bad an availability gap is: a failure for tiers that must survive
 * the loss of a pod or a node, a warning for the others.
 */
export function gapStatus(context: PostureContext): CheckStatus {
  const { tier } = context.policy;
  return tier.ok &&
    context.availability.highAvailabilityTiers.includes(tier.value.id)
    ? 'fail'
    : 'warn';
}

/** Whether the entity's tier must survive pod and node loss; unknown without a tier. */
export function highAvailabilityRequired(
  context: PostureContext,
): { required: boolean } | { unknown: string } {
  const { tier } = context.policy;
  if (!tier.ok) return { unknown: tier.reason };
  return {
    required: context.availability.highAvailabilityTiers.includes(
      tier.value.id,
    ),
  };
}

/** The instance pods of a CloudNativePG cluster (labelled `cnpg.io/cluster`) and where they run. */
export function databasePlacement(
  context: PostureContext,
  database: PostgresClusterRecord,
): ObservedPlacement {
  const pods = (context.records.workloads ?? []).filter(
    pod =>
      pod.kind === 'Pod' &&
      pod.deletedAt === undefined &&
      pod.cluster === database.cluster &&
      pod.namespace === database.namespace &&
      pod.labels[CNPG_CLUSTER_LABEL] === database.name,
  );
  return observedPlacement(
    pods,
    clusterTopology(database.cluster, context.records.nodes ?? []),
  );
}

/**
 * The entity's workloads of two or more replicas, each judged, with their
 * worst status and the names of those with a given finding; `undefined`
 * when it has none (the checks of replicated workloads do not apply).
 */
export function judgeReplicatedWorkloads<
  J extends { status: CheckStatus; finding?: string },
>(
  context: PostureContext,
  judge: (context: PostureContext, workload: JudgedWorkload) => J,
):
  | {
      workloads: JudgedWorkload[];
      judged: J[];
      status: CheckStatus;
      named: (finding: J['finding']) => string[];
    }
  | undefined {
  const workloads = entityWorkloads(context).filter(
    w => w.controller.replicas >= 2,
  );
  if (workloads.length === 0) return undefined;
  const judged = workloads.map(w => judge(context, w));
  return {
    workloads,
    judged,
    status: worstStatus(judged.map(j => j.status)),
    named: finding =>
      workloads
        .filter((_, i) => judged[i].finding === finding)
        .map(w => describeController(w.controller)),
  };
}
