import type { Entity } from '@backstage/catalog-model';
import { DR_ANNOTATIONS, KUBERNETES_ANNOTATIONS } from '../annotations';
import type { LabelSelector } from '../records';
import { parseLabelSelector } from '../selectors';

/**
 * A namespaced object in a named cluster, as the
 * `disaster-recovery/velero-schedules` and `disaster-recovery/postgres-clusters`
 * annotations write them: `cluster/namespace/name`.
 *
 * @public
 */
export interface ClusterObjectRef {
  cluster: string;
  namespace: string;
  name: string;
}

/**
 * How an entity maps to what runs in Kubernetes, read from its annotations.
 *
 * @public
 */
export interface WorkloadMapping {
  /** `backstage.io/kubernetes-id`: pods and PVCs labelled with it are the entity's. */
  kubernetesId?: string;
  /** `backstage.io/kubernetes-namespace`: only workloads in this namespace count. */
  namespace?: string;
  /** `backstage.io/kubernetes-label-selector`: used instead of the id when set. */
  labelSelector?: LabelSelector;
  /** `disaster-recovery/velero-schedules`: when set, the only schedules that count. */
  veleroSchedules?: ClusterObjectRef[];
  /** `disaster-recovery/postgres-clusters`: when set, the only clusters that count. */
  postgresClusters?: ClusterObjectRef[];
  /** Annotations that could not be read, with why; what they would map is left out. */
  problems: Array<{ annotation: string; reason: string }>;
}

function parseRefList(text: string): ClusterObjectRef[] | string {
  const refs: ClusterObjectRef[] = [];
  for (const item of text.split(',').map(part => part.trim())) {
    const parts = item.split('/');
    if (parts.length !== 3 || parts.some(part => part.trim() === '')) {
      return `"${item}" is not cluster/namespace/name`;
    }
    const [cluster, namespace, name] = parts.map(part => part.trim());
    refs.push({ cluster, namespace, name });
  }
  return refs;
}

/**
 * Reads an entity's workload-mapping annotations. Unreadable annotations are
 * listed in `problems` rather than thrown.
 *
 * @public
 */
export function resolveWorkloadMapping(entity: Entity): WorkloadMapping {
  const annotations = entity.metadata.annotations ?? {};
  const read = (key: string) => annotations[key]?.trim() || undefined;
  const mapping: WorkloadMapping = { problems: [] };

  mapping.kubernetesId = read(KUBERNETES_ANNOTATIONS.id);
  mapping.namespace = read(KUBERNETES_ANNOTATIONS.namespace);
  const selectorText = read(KUBERNETES_ANNOTATIONS.labelSelector);
  if (selectorText !== undefined) {
    const parsed = parseLabelSelector(selectorText);
    if (parsed.ok) {
      mapping.labelSelector = parsed.selector;
    } else {
      mapping.problems.push({
        annotation: KUBERNETES_ANNOTATIONS.labelSelector,
        reason: parsed.reason,
      });
    }
  }
  for (const [annotation, field] of [
    [DR_ANNOTATIONS.veleroSchedules, 'veleroSchedules'],
    [DR_ANNOTATIONS.postgresClusters, 'postgresClusters'],
  ] as const) {
    const text = read(annotation);
    if (text !== undefined) {
      const refs = parseRefList(text);
      if (typeof refs === 'string') {
        mapping.problems.push({
          annotation,
          reason: `${annotation} is "${text}": ${refs}.`,
        });
      } else {
        mapping[field] = refs;
      }
    }
  }
  return mapping;
}
