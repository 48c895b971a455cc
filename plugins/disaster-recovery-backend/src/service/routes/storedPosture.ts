import { CustomErrorBase, NotFoundError } from '@backstage/errors';
import {
  hasDisasterRecoveryMapping,
  NOT_EVALUATED_ERROR_NAME,
  type EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { RouteContext, visibleEntity } from './context';

/** A mapped entity whose posture the evaluator has not worked out yet. */
class NotEvaluatedError extends CustomErrorBase {
  name = NOT_EVALUATED_ERROR_NAME;
  statusCode = 404;
}

/**
 * The stored posture of a visible entity. Reads never evaluate: evaluation
 * belongs to the evaluator's schedule (and to recording a drill), so a GET
 * stores nothing.
 */
export async function storedPosture(
  context: Pick<RouteContext, 'postures'>,
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
