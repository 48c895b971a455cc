import { ResponseError } from '@backstage/errors';
import { NOT_EVALUATED_ERROR_NAME } from '@dr-posture/plugin-disaster-recovery-common';

/**
 * Whether the backend answered that the entity is mapped but its posture
 * has not been evaluated yet (reads never evaluate).
 */
export function isNotEvaluated(error: unknown): boolean {
  return (
    error instanceof ResponseError &&
    error.statusCode === 404 &&
    error.body.error.name === NOT_EVALUATED_ERROR_NAME
  );
}
