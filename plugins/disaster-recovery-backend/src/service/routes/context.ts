import type {
  AuditorService,
  AuthService,
  BackstageCredentials,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef, type Entity } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type {
  DrillEvidenceRequirements,
  TierPolicy,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { ApiRouter as TypedApiRouter } from '@backstage/backend-openapi-utils';
import type { DatabaseBackupHistoryStore } from '../../database/DatabaseBackupHistoryStore';
import type { DatabaseDrillStore } from '../../database/DatabaseDrillStore';
import type { DatabasePostureHistoryStore } from '../../database/DatabasePostureHistoryStore';
import type { DatabasePostureStore } from '../../database/DatabasePostureStore';
import type { ResourceStore } from '../../database/ResourceStore';
import type { spec } from '../../schema/openapi/generated';
import { invalidCursor, type CursorCodec } from '../cursors';
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
  history: DatabaseBackupHistoryStore;
  drills: DatabaseDrillStore;
  postures: DatabasePostureStore;
  /** Changes of the stored postures, for the history routes. */
  postureHistory: DatabasePostureHistoryStore;
  evaluator: PostureEvaluator;
  policies: TierPolicy[];
  /** Audits recording, voiding and superseding drills. */
  auditor: AuditorService;
  /** Evidence each drill kind needs, from `disasterRecovery.drills.requiredEvidence`. */
  drillRequirements: DrillEvidenceRequirements;
  cursors: CursorCodec;
}

/**
 * The entity of a `/entities/:kind/:namespace/:name` path, read from the
 * catalog with the caller's credentials: an entity the caller may not read
 * is as absent as one that does not exist.
 */
export async function visibleEntity(
  context: Pick<RouteContext, 'catalog'>,
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

/** The offset of a sealed offset cursor; 0 without one. */
export function readOffset(
  context: Pick<RouteContext, 'cursors'>,
  cursor: string | undefined,
  boundTo: readonly unknown[],
): number {
  const payload = context.cursors.open(cursor, boundTo);
  if (payload === undefined) return 0;
  const offset = (payload as { offset?: unknown }).offset;
  if (Number.isSafeInteger(offset) && (offset as number) >= 0) {
    return offset as number;
  }
  throw invalidCursor();
}

export function offsetCursor(
  context: Pick<RouteContext, 'cursors'>,
  offset: number,
  boundTo: readonly unknown[],
): string {
  return context.cursors.seal({ offset }, boundTo);
}

/** Keeps the items whose entity the caller may read in the catalog. */
export async function onlyVisible<T>(
  context: Pick<RouteContext, 'catalog'>,
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
