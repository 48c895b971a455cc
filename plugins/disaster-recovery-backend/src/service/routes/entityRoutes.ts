import {
  CustomErrorBase,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  disasterRecoveryDrillCreatePermission,
  drillRecordSchema,
  effectiveDrillOutcome,
  hasDisasterRecoveryMapping,
  NOT_EVALUATED_ERROR_NAME,
  type EntityPostureResponse,
  type RecordedDrill,
} from '@dr-posture/plugin-disaster-recovery-common';
import crypto from 'node:crypto';
import { entityBackupHistory } from '../entityBackupHistory';
import {
  decodeCursor,
  encodeCursor,
  parseInput,
  visibleEntity,
  type ApiRouter,
  type RouteContext,
} from './context';

const ENTITY_PATH = '/entities/:kind/:namespace/:name';

/** A mapped entity whose posture the evaluator has not worked out yet. */
class NotEvaluatedError extends CustomErrorBase {
  name = NOT_EVALUATED_ERROR_NAME;
  statusCode = 404;
}

/** Posture, backup history and drills of one entity. */
export function entityRoutes(router: ApiRouter, context: RouteContext) {
  /**
   * The stored posture. Reads never evaluate: evaluation belongs to the
   * evaluator's schedule (and to recording a drill), so a GET stores nothing.
   */
  async function storedPosture(
    visible: Awaited<ReturnType<typeof visibleEntity>>,
  ): Promise<EntityPostureResponse> {
    const { entity, entityRef } = visible;
    const detail = await context.postures.get(entityRef);
    if (detail) return detail;
    if (!hasDisasterRecoveryMapping(entity)) {
      throw new NotFoundError(
        `${entityRef} has no disaster-recovery mapping: declare a tier or a Kubernetes mapping`,
      );
    }
    throw new NotEvaluatedError(
      `The disaster-recovery posture of ${entityRef} has not been evaluated yet`,
    );
  }

  router.get(`${ENTITY_PATH}/posture`, async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    res.json(
      await storedPosture(
        await visibleEntity(context, credentials, req.params),
      ),
    );
  });

  router.get(`${ENTITY_PATH}/backups`, async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const visible = await visibleEntity(context, credentials, req.params);
    const detail = await storedPosture(visible);
    const limit = req.query.limit ?? 50;
    const all = await entityBackupHistory(
      context.resources,
      visible.entity,
      detail,
      req.query,
    );
    const offset = decodeCursor(req.query.cursor);
    res.json({
      items: all.slice(offset, offset + limit),
      nextCursor:
        offset + limit < all.length ? encodeCursor(offset + limit) : undefined,
    });
  });

  router.get(`${ENTITY_PATH}/drills`, async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const visible = await visibleEntity(context, credentials, req.params);
    const detail = await storedPosture(visible);
    res.json({
      items: await context.drills.list(visible.entityRef),
      restoreTests: detail.restoreTests,
    });
  });

  router.post(`${ENTITY_PATH}/drills`, async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const { entityRef } = await visibleEntity(context, credentials, req.params);
    const [decision] = await context.permissions.authorize(
      [{ permission: disasterRecoveryDrillCreatePermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Recording a drill needs the ${disasterRecoveryDrillCreatePermission.name} permission`,
      );
    }
    // The spec has validated the shape; the domain rule adds the entity of
    // the path, the default evidence and the order of start and end.
    const drill = parseInput(
      drillRecordSchema,
      {
        ...req.body,
        entityRefs: [...new Set([entityRef, ...(req.body.entityRefs ?? [])])],
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
}
