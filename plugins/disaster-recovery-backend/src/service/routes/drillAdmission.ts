import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  parseEntityRef,
  stringifyEntityRef,
  type Entity,
} from '@backstage/catalog-model';
import { InputError, NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  disasterRecoveryDrillCreatePermission,
  DRILL_LIMITS,
  parseDrillRecord,
  type DrillRecord,
  type InputProblem,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { RouteContext } from './context';

/** A 400 naming every bad field, in the shape the spec validator's take. */
function invalid(problems: InputProblem[]): InputError {
  return new InputError(
    `Invalid request: ${problems
      .map(p => `${p.field}: ${p.message}`)
      .join('; ')}`,
  );
}

function parsedRef(ref: string): string | undefined {
  try {
    return stringifyEntityRef(parseEntityRef(ref));
  } catch {
    return undefined;
  }
}

const notARef = (ref: string) =>
  `"${ref}" is not an entity ref such as component:default/payments`;

const keyOf = (ref: string) => ref.toLocaleLowerCase('en-US');

/**
 * Checks a drill posted for the entity of the path and works out what to
 * store: every 400 first (shape, dates, control characters, refs that do
 * not parse, too many entities, refs naming no entity the caller can
 * read), then the `disaster-recovery.drill.create` resource permission on
 * the entity of the path and on every other entity the drill is for (403
 * naming those denied). `performedBy` must name an entity the caller can
 * read; the drill is not recorded for it, so it needs no permission.
 * Refs come back as the catalog spells them, the path's first.
 */
export async function admitDrill(
  context: RouteContext,
  credentials: BackstageCredentials,
  pathEntityRef: string,
  body: { entityRefs?: string[] } & Record<string, unknown>,
  now: Date,
): Promise<DrillRecord> {
  const bodyRefs = body.entityRefs ?? [];
  const parsed = parseDrillRecord(
    { ...body, entityRefs: bodyRefs.length > 0 ? bodyRefs : [pathEntityRef] },
    now,
  );
  if (!parsed.ok) throw invalid(parsed.problems);
  const { drill } = parsed;

  const problems: InputProblem[] = [];
  const named = bodyRefs.map((ref, i) => {
    const normalised = parsedRef(ref);
    if (!normalised)
      problems.push({ field: `entityRefs.${i}`, message: notARef(ref) });
    return normalised;
  });
  const performer = drill.performedBy && parsedRef(drill.performedBy);
  if (drill.performedBy && !performer) {
    problems.push({
      field: 'performedBy',
      message: notARef(drill.performedBy),
    });
  }
  const distinct = new Set(
    [pathEntityRef, ...named.filter(Boolean)].map(ref => keyOf(ref!)),
  );
  if (distinct.size > DRILL_LIMITS.entityRefs) {
    problems.push({
      field: 'entityRefs',
      message: `names ${distinct.size} entities with the entity of the path; at most ${DRILL_LIMITS.entityRefs}`,
    });
  }
  if (problems.length > 0) throw invalid(problems);

  // Read with the caller's credentials: an entity they may not read is as
  // absent as one that does not exist, and says nothing more.
  const lookedUp = [...(named as string[]), ...(performer ? [performer] : [])];
  const { items } = await context.catalog.getEntitiesByRefs(
    {
      entityRefs: lookedUp,
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  );
  const found = (i: number): Entity | undefined => items[i] ?? undefined;
  named.forEach((ref, i) => {
    if (!found(i)) {
      problems.push({
        field: `entityRefs.${i}`,
        message: `no entity ${ref} that you can read is in the catalog`,
      });
    }
  });
  if (performer && !found(named.length)) {
    problems.push({
      field: 'performedBy',
      message: `no entity ${performer} that you can read is in the catalog`,
    });
  }
  if (problems.length > 0) throw invalid(problems);

  const subjects = [
    ...new Map(
      [
        pathEntityRef,
        ...named.map((_, i) => stringifyEntityRef(found(i)!)),
      ].map(ref => [keyOf(ref), ref]),
    ).values(),
  ];
  const decisions = await context.permissions.authorize(
    subjects.map(resourceRef => ({
      permission: disasterRecoveryDrillCreatePermission,
      resourceRef,
    })),
    { credentials },
  );
  const denied = subjects.filter(
    (_, i) => decisions[i].result !== AuthorizeResult.ALLOW,
  );
  if (denied.length > 0) {
    throw new NotAllowedError(
      `Recording a drill for ${denied.join(', ')} needs the ${
        disasterRecoveryDrillCreatePermission.name
      } permission on ${denied.length === 1 ? 'it' : 'each of them'}`,
    );
  }
  return {
    ...drill,
    entityRefs: subjects,
    ...(performer
      ? { performedBy: stringifyEntityRef(found(named.length)!) }
      : {}),
  };
}
