import { ResponseError } from '@backstage/errors';
import {
  disasterRecoveryDrillAdminPermission,
  disasterRecoveryDrillCreatePermission,
} from '@dr-posture/plugin-disaster-recovery-common';

/** What someone tried to do with a drill. */
export type DrillAction = 'record' | 'correct' | 'void';

function backendSaid(error: ResponseError): string {
  const message = error.body.error.message;
  return message ? ` The backend said: ${message}` : '';
}

/**
 * Why the backend refused an action on a drill, in a sentence that says
 * what would let it through. A 400 is not handled here: its problems go on
 * the form's fields.
 */
export function drillActionRefusal(
  error: unknown,
  action: DrillAction,
  recordedBy?: string,
): string {
  if (!(error instanceof ResponseError)) {
    return `Could not ${action} the drill: ${
      error instanceof Error ? error.message : String(error)
    }`;
  }
  switch (error.statusCode) {
    case 403:
      if (action === 'record') {
        return `You may not record this drill: it needs the ${
          disasterRecoveryDrillCreatePermission.name
        } permission on this entity and on every other entity it names.${backendSaid(
          error,
        )}`;
      }
      return `You may not ${action} this drill: only whoever recorded it${
        recordedBy ? ` (${recordedBy})` : ''
      } or a holder of the ${
        disasterRecoveryDrillAdminPermission.name
      } permission may.${backendSaid(error)}`;
    case 409:
      return 'This drill was already voided or corrected, perhaps by someone else; the history now shows where it stands.';
    case 404:
      return 'The drill or its entity is gone, or you may not read it any more.';
    default:
      return `Could not ${action} the drill (${error.statusCode}): ${error.body.error.message}`;
  }
}
