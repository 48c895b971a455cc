import type { ClusterFacts } from '../environments';

/**
 * The configured standby clusters standing in for any of the production
 * clusters named (`standbyFor`).
 *
 * @public
 */
export function standbysFor(
  production: Iterable<string>,
  clusters: ReadonlyMap<string, ClusterFacts>,
): ClusterFacts[] {
  const names = new Set(production);
  return [...clusters.values()].filter(
    facts =>
      facts.role === 'standby' &&
      facts.standbyFor !== undefined &&
      names.has(facts.standbyFor),
  );
}

/** Whether two clusters are in different failure domains: another region or provider. */
export function otherFailureDomain(
  a: ClusterFacts,
  b: ClusterFacts,
): 'yes' | 'no' | 'unknown' {
  if (a.provider && b.provider && a.provider !== b.provider) return 'yes';
  if (!a.region || !b.region) return 'unknown';
  return a.region === b.region ? 'no' : 'yes';
}
