import { NotAllowedError, NotFoundError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  disasterRecoveryDrillCreatePermission,
  drillRecordSchema,
  effectiveDrillOutcome,
  type BackupHistoryResponse,
  type DrillListResponse,
  type EntityPostureResponse,
  type RecordedDrill,
} from '@dr-posture/plugin-disaster-recovery-common';
import crypto from 'node:crypto';
import Router from 'express-promise-router';
import { z } from 'zod';
import { entityBackupHistory } from '../entityBackupHistory';
import {
  asList,
  decodeCursor,
  encodeCursor,
  parseInput,
  visibleEntity,
  type RouteContext,
} from './context';

const ENTITY_PATH = '/entities/:kind/:namespace/:name';

const backupHistoryQuery = z.strictObject({
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
  phase: z.array(z.string().min(1)).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

/** Posture, backup history and drills of one entity. */
export function entityRoutes(context: RouteContext) {
  const router = Router();

  async function postureOf(
    entity: Awaited<ReturnType<typeof visibleEntity>>['entity'],
    entityRef: string,
  ): Promise<EntityPostureResponse> {
    let detail = await context.postures.get(entityRef);
    if (!detail) {
      // Not evaluated yet (new in the catalog): evaluate it now.
      await context.evaluator.evaluateEntities([entity]);
      detail = await context.postures.get(entityRef);
    }
    if (!detail) {
      throw new NotFoundError(`No disaster-recovery posture for ${entityRef}`);
    }
    return detail;
  }

  router.get(`${ENTITY_PATH}/posture`, async (req, res) => {
    const { entity, entityRef } = await visibleEntity(context, req);
    res.json(await postureOf(entity, entityRef));
  });

  router.get(`${ENTITY_PATH}/backups`, async (req, res) => {
    const { entity, entityRef } = await visibleEntity(context, req);
    const query = parseInput(
      backupHistoryQuery,
      { ...req.query, phase: asList(req.query.phase) },
      'backup history query',
    );
    const detail = await postureOf(entity, entityRef);
    const all = await entityBackupHistory(
      context.resources,
      entity,
      detail,
      query,
    );
    const offset = decodeCursor(query.cursor);
    const body: BackupHistoryResponse = {
      items: all.slice(offset, offset + query.limit),
      nextCursor:
        offset + query.limit < all.length
          ? encodeCursor(offset + query.limit)
          : undefined,
    };
    res.json(body);
  });

  router.get(`${ENTITY_PATH}/drills`, async (req, res) => {
    const { entity, entityRef } = await visibleEntity(context, req);
    const detail = await postureOf(entity, entityRef);
    const body: DrillListResponse = {
      items: await context.drills.list(entityRef),
      restoreTests: detail.restoreTests,
    };
    res.json(body);
  });

  router.post(`${ENTITY_PATH}/drills`, async (req, res) => {
    const { entityRef, credentials } = await visibleEntity(context, req);
    const [decision] = await context.permissions.authorize(
      [{ permission: disasterRecoveryDrillCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Recording a drill needs the ${disasterRecoveryDrillCreatePermission.name} permission`,
      );
    }
    const body = req.body && typeof req.body === 'object' ? req.body : {};
    const drill = parseInput(
      drillRecordSchema,
      {
        ...body,
        entityRefs: [...new Set([entityRef, ...(body.entityRefs ?? [])])],
      },
      'drill',
    );
    const recorded: RecordedDrill = {
      ...drill,
      id: crypto.randomUUID(),
      recordedBy: context.auth.isPrincipal(credentials, 'user')
        ? credentials.principal.userEntityRef
        : `service:${
            context.auth.isPrincipal(credentials, 'service')
              ? credentials.principal.subject
              : 'unknown'
          }`,
      recordedAt: new Date().toISOString(),
      effectiveOutcome: effectiveDrillOutcome(drill),
    };
    await context.drills.add(recorded);
    // The drill changes the posture of every entity it exercised.
    const ownCredentials = await context.auth.getOwnServiceCredentials();
    const { items } = await context.catalog.getEntitiesByRefs(
      { entityRefs: recorded.entityRefs },
      { credentials: ownCredentials },
    );
    await context.evaluator.evaluateEntities(
      items.filter((e): e is NonNullable<typeof e> => Boolean(e)),
    );
    res.status(201).json(recorded);
  });

  return router;
}
