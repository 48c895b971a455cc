import type { LoggerService } from '@backstage/backend-plugin-api';
import { NOT_EVALUATED_ERROR_NAME } from '@dr-posture/plugin-disaster-recovery-common';
import { safeError } from '../service/routes/safeErrors';

/**
 * Runs an action so that its failure says no more than the REST API's
 * would: the actions registry answers an error's message (and cause) as it
 * is, so it gets a fresh error with the safe name and message alone.
 */
export async function answeringSafely<T>(
  logger: LoggerService,
  run: () => Promise<T>,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const { name, message } = safeError(error, logger);
    const safe = new Error(message);
    // MCP clients are told only Backstage's own error names apart, and the
    // registry sets the status from the name: not evaluated is not found.
    safe.name = name === NOT_EVALUATED_ERROR_NAME ? 'NotFoundError' : name;
    safe.stack = undefined;
    throw safe;
  }
}
