import type { LoggerService } from '@backstage/backend-plugin-api';
import type { PostureChangeListener } from '../database/DatabasePostureStore';

/**
 * One listener telling each of these in turn: the posture is stored by
 * then, so one that fails (notifications or signals unreachable) is logged
 * and keeps neither the others nor the evaluation from going on.
 */
export function tellEach(
  logger: LoggerService,
  listeners: Record<string, PostureChangeListener>,
): PostureChangeListener {
  return async changes => {
    for (const [name, listener] of Object.entries(listeners)) {
      try {
        await listener(changes);
      } catch (error) {
        logger.warn(
          `Could not tell ${name} of ${changes.length} posture change(s): ${error}`,
        );
      }
    }
  };
}
