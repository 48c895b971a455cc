import { isMappedToEntity, type WorkloadMapping } from '../coverage';
import type {
  HorizontalPodAutoscalerRecord,
  WorkloadControllerRecord,
  WorkloadRecord,
} from '../records';
import { matchesLabelSelector } from '../selectors';

function live<T extends { deletedAt?: string }>(records: readonly T[]): T[] {
  return records.filter(record => record.deletedAt === undefined);
}

function sameNamespace(
  a: { cluster: string; namespace: string },
  b: { cluster: string; namespace: string },
): boolean {
  return a.cluster === b.cluster && a.namespace === b.namespace;
}

/**
 * The Deployments and StatefulSets of an entity: those whose own labels or
 * whose pods' labels its Kubernetes mapping selects (the Kubernetes plugin
 * matches either, and charts label one or both).
 *
 * @public
 */
export function entityControllers(
  mapping: WorkloadMapping,
  controllers: readonly WorkloadControllerRecord[],
): WorkloadControllerRecord[] {
  return live(controllers).filter(
    controller =>
      isMappedToEntity(mapping, controller) ||
      isMappedToEntity(mapping, {
        namespace: controller.namespace,
        labels: controller.podLabels,
      }),
  );
}

/** Pods that ended (a Job's, an evicted one) are no replicas. */
function isTerminal(pod: WorkloadRecord): boolean {
  return pod.pod?.phase === 'Succeeded' || pod.pod?.phase === 'Failed';
}

/**
 * The live, not terminated pods a Deployment or StatefulSet owns: those of
 * its namespace its selector matches, as the controller finds them.
 *
 * @public
 */
export function podsOfController(
  controller: WorkloadControllerRecord,
  workloads: readonly WorkloadRecord[],
): WorkloadRecord[] {
  return live(workloads).filter(
    pod =>
      pod.kind === 'Pod' &&
      !isTerminal(pod) &&
      sameNamespace(pod, controller) &&
      matchesLabelSelector(controller.selector, pod.labels),
  );
}

/** The HorizontalPodAutoscaler scaling a Deployment or StatefulSet, if any. */
export function autoscalerOf(
  controller: WorkloadControllerRecord,
  autoscalers: readonly HorizontalPodAutoscalerRecord[],
): HorizontalPodAutoscalerRecord | undefined {
  return live(autoscalers).find(
    hpa =>
      sameNamespace(hpa, controller) &&
      hpa.target.kind === controller.kind &&
      hpa.target.name === controller.name,
  );
}

/**
 * The fewest replicas a workload may run: its autoscaler's minimum, which
 * it may scale down to at any time, or else its replica count.
 *
 * @public
 */
export function replicaFloor(
  controller: WorkloadControllerRecord,
  autoscaler: HorizontalPodAutoscalerRecord | undefined,
): number {
  return autoscaler ? autoscaler.minReplicas : controller.replicas;
}

/** How sentences name a workload: `Deployment cluster/namespace/name`. */
export function describeController(
  controller: WorkloadControllerRecord,
): string {
  return `${controller.kind} ${controller.cluster}/${controller.namespace}/${controller.name}`;
}
