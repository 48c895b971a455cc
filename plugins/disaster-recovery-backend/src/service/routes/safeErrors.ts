import type { LoggerService } from '@backstage/backend-plugin-api';
import { isError } from '@backstage/errors';
import { NOT_EVALUATED_ERROR_NAME } from '@dr-posture/plugin-disaster-recovery-common';
import type { ErrorRequestHandler } from 'express';
import crypto from 'node:crypto';

/**
 * Errors this API raises itself, with messages it wrote: their name and
 * message are answered, never their cause or other properties.
 */
const OWN_ERRORS: Record<string, number> = {
  InputError: 400,
  AuthenticationError: 401,
  NotAllowedError: 403,
  NotFoundError: 404,
  [NOT_EVALUATED_ERROR_NAME]: 404,
  ConflictError: 409,
  ServiceUnavailableError: 503,
};

/** What an answer may say of an error. */
export interface SafeError {
  name: string;
  message: string;
  statusCode: number;
}

/**
 * The name and message an answer may carry for an error: those of an error
 * this plugin raised itself, else a log id alone. Anything it did not raise
 * itself (a failing catalog, a database error, a bug) is logged in full
 * under that log id.
 */
export function safeError(error: unknown, logger: LoggerService): SafeError {
  const statusCode = isError(error) ? OWN_ERRORS[error.name] : undefined;
  if (isError(error) && statusCode !== undefined) {
    return { name: error.name, message: error.message, statusCode };
  }
  const logId = crypto.randomBytes(8).toString('hex');
  logger.error(`Request failed (logId=${logId})`, toLoggable(error));
  // A Backstage service this API called (the catalog) answered an error.
  if (isError(error) && error.name === 'ResponseError') {
    return {
      name: 'ServiceUnavailableError',
      message: `A Backstage service this API relies on failed; try again later (logId=${logId})`,
      statusCode: 503,
    };
  }
  return {
    name: 'Error',
    message: `An internal error occurred; the backend log has the detail (logId=${logId})`,
    statusCode: 500,
  };
}

/**
 * Answers every error of the API in the Backstage error shape with nothing
 * but a name and a message it can stand behind (`safeError`): never a stack,
 * a cause, an upstream body or header, an internal URL or the request's
 * body.
 */
export function answerSafely(logger: LoggerService): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const { name, message, statusCode } = safeError(error, logger);
    res.status(statusCode).json({
      error: { name, message },
      request: { method: req.method, url: req.path },
      response: { statusCode },
    });
  };
}

function toLoggable(error: unknown): Error {
  return isError(error) ? (error as Error) : new Error(String(error));
}
