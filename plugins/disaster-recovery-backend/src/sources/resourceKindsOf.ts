import type {
  DisasterRecoverySource,
  KubernetesResourceKind,
} from '@dr-posture/plugin-disaster-recovery-node';

/** Every kind the sources list; a kind id claimed twice is a start-up error. */
export function resourceKindsOf(
  sources: DisasterRecoverySource[],
): KubernetesResourceKind[] {
  const owners = new Map<string, string>();
  return sources.flatMap(source =>
    source.resourceKinds.map(kind => {
      const owner = owners.get(kind.id);
      if (owner) {
        throw new Error(
          `Resource kind '${kind.id}' is collected by both the '${owner}' and the '${source.id}' disaster-recovery sources`,
        );
      }
      owners.set(kind.id, source.id);
      return kind;
    }),
  );
}
