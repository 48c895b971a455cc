import type { Entity } from '@backstage/catalog-model';
import { DR_ANNOTATIONS } from '../annotations';
import { parseDuration } from '../durations';
import { HA_PATTERNS } from './haPatterns';
import type {
  EntityPolicy,
  HaPattern,
  Resolved,
  TierPolicy,
  Unresolved,
} from './types';

function annotationOf(entity: Entity, key: string): string | undefined {
  const value = entity.metadata.annotations?.[key]?.trim();
  return value ? value : undefined;
}

function missing(reason: string): Unresolved {
  return { ok: false, problem: 'missing', reason };
}

function invalid(reason: string): Unresolved {
  return { ok: false, problem: 'invalid', reason };
}

function resolveTier(
  entity: Entity,
  policies: readonly TierPolicy[],
): Resolved<TierPolicy> {
  const id = annotationOf(entity, DR_ANNOTATIONS.tier);
  if (id === undefined) {
    return missing(`No ${DR_ANNOTATIONS.tier} annotation declares a tier.`);
  }
  const tier = policies.find(policy => policy.id === id);
  if (!tier) {
    const known = policies.map(policy => `"${policy.id}"`).join(', ');
    return invalid(
      `${DR_ANNOTATIONS.tier} is "${id}", which is not a configured tier (${known}).`,
    );
  }
  return { ok: true, value: tier, source: 'annotation' };
}

function resolveObjective(
  entity: Entity,
  annotation: string,
  name: 'RPO' | 'RTO',
  tier: Resolved<TierPolicy>,
  fromTier: (policy: TierPolicy) => number,
): Resolved<number> {
  const text = annotationOf(entity, annotation);
  if (text !== undefined) {
    const milliseconds = parseDuration(text);
    if (milliseconds === undefined || milliseconds <= 0) {
      return invalid(
        `${annotation} is "${text}", not a positive duration such as 15m, 2h or 1d.`,
      );
    }
    return { ok: true, value: milliseconds, source: 'annotation' };
  }
  if (!tier.ok) {
    return { ...tier, reason: `No ${name}: ${tier.reason}` };
  }
  return { ok: true, value: fromTier(tier.value), source: 'tier' };
}

function resolvePattern(entity: Entity): Resolved<HaPattern> {
  const text = annotationOf(entity, DR_ANNOTATIONS.pattern);
  if (text === undefined) {
    return missing(`No ${DR_ANNOTATIONS.pattern} annotation declares one.`);
  }
  if (!(text in HA_PATTERNS)) {
    return invalid(
      `${DR_ANNOTATIONS.pattern} is "${text}", not one of ${Object.keys(
        HA_PATTERNS,
      ).join(', ')}.`,
    );
  }
  return { ok: true, value: text as HaPattern, source: 'annotation' };
}

function resolveRunbook(entity: Entity): Resolved<string> {
  const text = annotationOf(entity, DR_ANNOTATIONS.runbook);
  if (text === undefined) {
    return missing(`No ${DR_ANNOTATIONS.runbook} annotation links a runbook.`);
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return invalid(`${DR_ANNOTATIONS.runbook} is "${text}", not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return invalid(
      `${DR_ANNOTATIONS.runbook} is "${text}", not an http(s) URL.`,
    );
  }
  return { ok: true, value: text, source: 'annotation' };
}

/**
 * Works out the policy that applies to an entity: its tier, its RPO and RTO
 * (an annotation overrides the tier's value), its HA pattern and runbook.
 * Nothing here throws: a missing or unreadable annotation becomes an
 * {@link Unresolved} value with a reason a person can act on, so that only
 * the checks that need it report `unknown`.
 *
 * @public
 */
export function resolveEntityPolicy(
  entity: Entity,
  policies: readonly TierPolicy[],
): EntityPolicy {
  const tier = resolveTier(entity, policies);
  return {
    tier,
    rpoMs: resolveObjective(
      entity,
      DR_ANNOTATIONS.rpo,
      'RPO',
      tier,
      t => t.rpoMs,
    ),
    rtoMs: resolveObjective(
      entity,
      DR_ANNOTATIONS.rto,
      'RTO',
      tier,
      t => t.rtoMs,
    ),
    pattern: resolvePattern(entity),
    runbookUrl: resolveRunbook(entity),
  };
}
