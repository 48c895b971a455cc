import type { Entity } from '@backstage/catalog-model';

/**
 * The catalog entity of one service of the simulator's `scale` scenario:
 * namespace `service-NNN` of a cluster, backed up by its one schedule, named
 * explicitly; tiers, owners and systems rotate with `index`.
 */
export function scaleServiceEntity(
  cluster: string,
  namespaceIndex: number,
  index: number,
): Entity {
  const namespace = `service-${String(namespaceIndex).padStart(3, '0')}`;
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `${cluster}-${namespace}`,
      annotations: {
        'disaster-recovery/tier': String((index % 3) + 1),
        'disaster-recovery/velero-schedules': `${cluster}/velero/${namespace}-0`,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: `group:default/team-${index % 40}`,
      system: `system:default/system-${index % 120}`,
    },
  };
}

/** Every service of the estate: each namespace of each cluster. */
export function scaleServiceEntities(
  clusters: ReadonlyArray<{ name: string }>,
  namespaces: number,
): Entity[] {
  return clusters.flatMap((cluster, c) =>
    Array.from({ length: namespaces }, (_, n) =>
      scaleServiceEntity(cluster.name, n, c * namespaces + n),
    ),
  );
}
