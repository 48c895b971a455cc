import type { Entity } from '@backstage/catalog-model';
import { DR_ANNOTATIONS, KUBERNETES_ANNOTATIONS } from './annotations';

const MAPPING_ANNOTATIONS = [
  DR_ANNOTATIONS.tier,
  DR_ANNOTATIONS.veleroSchedules,
  DR_ANNOTATIONS.postgresClusters,
  KUBERNETES_ANNOTATIONS.id,
  KUBERNETES_ANNOTATIONS.labelSelector,
];

/**
 * Whether disaster-recovery posture can be worked out for an entity: it
 * declares a tier, names its backups explicitly, or is mapped to Kubernetes
 * workloads. A namespace annotation alone maps nothing (the Kubernetes plugin
 * needs an id or a selector too), so it does not count.
 *
 * @public
 */
export function hasDisasterRecoveryMapping(entity: Entity): boolean {
  const annotations = entity.metadata.annotations ?? {};
  return MAPPING_ANNOTATIONS.some(
    annotation => (annotations[annotation] ?? '').trim() !== '',
  );
}
