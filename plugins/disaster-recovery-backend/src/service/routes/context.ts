import type {
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { InputError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { TierPolicy } from '@dr-posture/plugin-disaster-recovery-common';
import type { ApiRouter as TypedApiRouter } from '@backstage/backend-openapi-utils';
import type { z } from 'zod';
import type { DatabaseDrillStore } from '../../database/DatabaseDrillStore';
import type { DatabasePostureStore } from '../../database/DatabasePostureStore';
import type { ResourceStore } from '../../database/ResourceStore';
import type { spec } from '../../schema/openapi/generated';
import type { PostureEvaluator } from '../PostureEvaluator';

/** The router typed from the spec, on which each route module registers. */
export type ApiRouter = TypedApiRouter<typeof spec>;

/** What the route handlers share. */
export interface RouteContext {
  auth: AuthService;
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  catalog: CatalogService;
  resources: ResourceStore;
  drills: DatabaseDrillStore;
  postures: DatabasePostureStore;
  evaluator: PostureEvaluator;
  policies: TierPolicy[];
}

/**
 * Applies a rule from -common that the spec cannot express (one field
 * compared with another), answering 400 with every bad field named.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  what: string,
): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.map(
      issue => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new InputError(`Invalid ${what}: ${problems.join('; ')}`);
  }
  return result.data;
}

/**
 * The entity of a `/entities/:kind/:namespace/:name` path, read from the
 * catalog with the caller's credentials: an entity the caller may not read
 * is as absent as one that does not exist.
 */
export async function visibleEntity(
  context: RouteContext,
  credentials: BackstageCredentials,
  ref: { kind: string; namespace: string; name: string },
): Promise<{ entity: Entity; entityRef: string }> {
  const entity = await context.catalog.getEntityByRef(ref, { credentials });
  if (!entity) {
    throw new NotFoundError(
      `No entity ${stringifyEntityRef(ref)} in the catalog`,
    );
  }
  return { entity, entityRef: stringifyEntityRef(entity) };
}

/** Opaque cursors: the offset into a stable order. */
export function encodeCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ offset })).toString('base64url');
}

export function decodeCursor(cursor: string | undefined): number {
  if (!cursor) return 0;
  try {
    const { offset } = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through to the error below
  }
  throw new InputError(`Invalid cursor '${cursor}'`);
}

/** Keeps the items whose entity the caller may read in the catalog. */
export async function onlyVisible<T>(
  context: RouteContext,
  credentials: BackstageCredentials,
  items: T[],
  refOf: (item: T) => string,
): Promise<T[]> {
  if (items.length === 0) return items;
  const { items: entities } = await context.catalog.getEntitiesByRefs(
    {
      entityRefs: items.map(refOf),
      fields: ['kind', 'metadata.namespace', 'metadata.name'],
    },
    { credentials },
  );
  return items.filter((_, i) => entities[i]);
}
