import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import type { EntityPostureSummary } from '../api';
import type { EntityPosture } from './evaluateEntityPosture';

function relationTargets(entity: Entity, type: string, kind?: string) {
  return (entity.relations ?? [])
    .filter(r => r.type === type)
    .map(r => r.targetRef)
    .filter(ref => !kind || ref.startsWith(`${kind}:`));
}

function normalisedRef(
  ref: unknown,
  defaultKind: string,
  defaultNamespace: string,
): string | undefined {
  if (typeof ref !== 'string' || ref === '') return undefined;
  try {
    return stringifyEntityRef(
      parseEntityRef(ref, { defaultKind, defaultNamespace }),
    );
  } catch {
    return undefined;
  }
}

/**
 * The entity refs an entity depends on, as its catalog relations say; the
 * restore plan orders by them.
 *
 * @public
 */
export function dependenciesOf(entity: Entity): string[] {
  return relationTargets(entity, 'dependsOn');
}

/**
 * The compact summary of an entity's posture that lists, the overview and
 * the store keep: who owns it, its targets, what fails (failures first, then
 * warnings, each in check order) and its latest recovery point and drill.
 *
 * @public
 */
export function summarizeEntityPosture(
  entity: Entity,
  posture: EntityPosture,
  evaluatedAt: Date,
): EntityPostureSummary {
  const { policy, protection } = posture;
  const namespace = entity.metadata.namespace ?? 'default';
  const failing = [
    ...posture.checks.filter(c => c.status === 'fail'),
    ...posture.checks.filter(c => c.status === 'warn'),
  ];
  const { lastDrill } = protection;
  return {
    entityRef: posture.entityRef,
    kind: entity.kind,
    namespace,
    name: entity.metadata.name,
    title: entity.metadata.title,
    owner:
      relationTargets(entity, 'ownedBy')[0] ??
      normalisedRef(entity.spec?.owner, 'group', namespace),
    system:
      relationTargets(entity, 'partOf', 'system')[0] ??
      normalisedRef(entity.spec?.system, 'system', namespace),
    tier: policy.tier.ok ? policy.tier.value.id : undefined,
    status: posture.status,
    failingChecks: failing.map(c => ({
      id: c.id,
      status: c.status,
      title: c.title,
    })),
    rpoMs: policy.rpoMs.ok ? policy.rpoMs.value : undefined,
    rtoMs: policy.rtoMs.ok ? policy.rtoMs.value : undefined,
    lastCleanBackupAt: protection.lastCleanBackupAt,
    lastDrillAt: lastDrill?.endedAt,
    lastDrillOutcome: lastDrill?.outcome,
    evaluatedAt: evaluatedAt.toISOString(),
  };
}
