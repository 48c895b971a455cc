import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import type { TierPolicy } from '../policy';

/**
 * An entity to place in the restore order.
 *
 * @public
 */
export interface RestorePlanInput {
  entityRef: string;
  /** Tier id; entities without one are restored after every tier. */
  tier?: string;
  /** Entity refs it depends on (`spec.dependsOn`). */
  dependsOn: readonly string[];
}

/**
 * One step of a restore plan.
 *
 * @public
 */
export interface RestoreStep {
  /** 1-based. */
  position: number;
  entityRef: string;
  tier?: string;
  /** The tier whose turn it is restored in: earlier than its own when something more critical needs it. */
  restoredWithTier?: string;
  /** Why it is here, for people. */
  reason: string;
}

/**
 * A restore order with what stopped it from being a clean one.
 *
 * @public
 */
export interface RestorePlan {
  steps: RestoreStep[];
  /** Groups of entities that depend on each other in a circle; restored together, in tier order. */
  cycles: string[][];
  /** Dependencies on entities not in the plan. They are not ordered. */
  unknownDependencies: Array<{ entityRef: string; dependsOn: string }>;
}

function normalise(ref: string): string {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return ref;
  }
}

/**
 * An entity as a reason names it for people: the kind left out when it is
 * a component, the namespace when it is the default one.
 */
function nameInText(ref: string): string {
  try {
    const { kind, namespace, name } = parseEntityRef(ref);
    const local = namespace === 'default' ? name : `${namespace}/${name}`;
    return kind.toLocaleLowerCase('en-US') === 'component'
      ? local
      : `${kind.toLocaleLowerCase('en-US')}:${local}`;
  } catch {
    return ref;
  }
}

/**
 * Tarjan's algorithm: strongly connected components (members sorted), each
 * after those it depends on.
 */
function components(nodes: string[], edges: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const result: string[][] = [];
  let counter = 0;
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      result.push(component.sort());
    }
  };
  for (const node of nodes) if (!index.has(node)) visit(node);
  return result;
}

/**
 * Orders entities for restoring after a disaster: by tier (the order of
 * `tiers`), but never before what they depend on. A dependency of a more
 * critical entity is pulled forward into that entity's turn, even from a
 * lower tier, and its reason says who needs it. Dependency cycles are
 * reported, not looped: their members are restored together, in tier order.
 *
 * @public
 */
export function planRestoreOrder(
  inputs: readonly RestorePlanInput[],
  tiers: readonly TierPolicy[],
): RestorePlan {
  const byRef = new Map(
    inputs.map(input => [normalise(input.entityRef), input]),
  );
  const refs = [...byRef.keys()].sort();
  const unknownDependencies: RestorePlan['unknownDependencies'] = [];
  const edges = new Map<string, string[]>();
  for (const ref of refs) {
    const dependencies = [...new Set(byRef.get(ref)!.dependsOn.map(normalise))];
    edges.set(
      ref,
      dependencies.filter(dep => byRef.has(dep)),
    );
    for (const dep of dependencies.filter(d => !byRef.has(d))) {
      unknownDependencies.push({ entityRef: ref, dependsOn: dep });
    }
  }
  const rankOf = (ref: string) => {
    const rank = tiers.findIndex(tier => tier.id === byRef.get(ref)!.tier);
    return rank === -1 ? tiers.length : rank;
  };
  const titleOf = (rank: number) => tiers[rank]?.title ?? 'no tier';

  const groups = components(refs, edges);
  const groupOf = new Map<string, number>();
  groups.forEach((group, i) => group.forEach(ref => groupOf.set(ref, i)));
  const cycles = groups
    .filter(
      group => group.length > 1 || edges.get(group[0])!.includes(group[0]),
    )
    .map(group => [...group]);

  // Tarjan emits dependencies first, so walking backwards meets every
  // dependent before its dependencies and can hand its rank down.
  const effectiveRank = groups.map(group => Math.min(...group.map(rankOf)));
  const neededBy = groups.map(() => undefined as string | undefined);
  for (let i = groups.length - 1; i >= 0; i--) {
    for (const ref of groups[i]) {
      for (const dep of edges.get(ref)!) {
        const target = groupOf.get(dep)!;
        if (target !== i && effectiveRank[i] < effectiveRank[target]) {
          effectiveRank[target] = effectiveRank[i];
          neededBy[target] = neededBy[i] ?? ref;
        }
      }
    }
  }

  const placed = new Set<number>();
  const steps: RestoreStep[] = [];
  while (placed.size < groups.length) {
    const ready = groups
      .map((group, i) => ({ group, i }))
      .filter(
        ({ group, i }) =>
          !placed.has(i) &&
          group.every(ref =>
            edges
              .get(ref)!
              .every(
                dep => groupOf.get(dep) === i || placed.has(groupOf.get(dep)!),
              ),
          ),
      )
      .sort(
        (a, b) =>
          effectiveRank[a.i] - effectiveRank[b.i] ||
          a.group[0].localeCompare(b.group[0]),
      );
    const { group, i } = ready[0];
    placed.add(i);
    const members = [...group].sort(
      (a, b) => rankOf(a) - rankOf(b) || a.localeCompare(b),
    );
    for (const ref of members) {
      const own = rankOf(ref);
      const reasons = [`${titleOf(own)}.`];
      if (effectiveRank[i] < own && neededBy[i]) {
        reasons.push(
          `Restored with ${titleOf(effectiveRank[i])} because ${nameInText(
            neededBy[i],
          )} (${titleOf(rankOf(neededBy[i]!))}) needs it.`,
        );
      }
      const after = edges.get(ref)!.filter(dep => groupOf.get(dep) !== i);
      if (after.length > 0)
        reasons.push(
          `After ${after.map(nameInText).join(', ')}, which it depends on.`,
        );
      if (group.length > 1 || edges.get(ref)!.includes(ref)) {
        const others = members.filter(m => m !== ref);
        reasons.push(
          others.length > 0
            ? `In a dependency cycle with ${others
                .map(nameInText)
                .join(
                  ', ',
                )}: restore them together and break the cycle by hand.`
            : 'It depends on itself.',
        );
      }
      const tier = byRef.get(ref)!.tier;
      steps.push({
        position: steps.length + 1,
        entityRef: ref,
        ...(tier !== undefined ? { tier } : {}),
        ...(tiers[effectiveRank[i]]
          ? { restoredWithTier: tiers[effectiveRank[i]].id }
          : {}),
        reason: reasons.join(' '),
      });
    }
  }
  return { steps, cycles, unknownDependencies };
}
