import { InputError, isError } from '@backstage/errors';
import type { ErrorRequestHandler } from 'express';

/** ajv's text for one error: `request/<where>/<path> <message>`. */
const PROBLEM = /^request\/(?:body|query|params|headers)\/?(\S*) (.*)$/s;
const MISSING = /^must have required property '([^']+)'$/;
/** What ajv says of a field the spec closes out with `not: {}`. */
const UNKNOWN = 'must NOT be valid';

/**
 * What the body parser and the validator say without naming a field, and
 * the field they mean. JSON.parse's text quotes the body, which an answer
 * must never echo.
 */
const UNNAMED: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [
    /^Unknown query parameter '([^']*)'$/,
    ([, name]) => `${name}: is not a known parameter`,
  ],
  [
    /^Empty value found for query parameter '([^']*)'$/,
    ([, name]) => `${name}: must not be empty`,
  ],
  [/^unsupported media type/i, () => '(body): must be application/json'],
  [/^request entity too large$/i, () => '(body): is larger than 100 kB'],
  [/^malformed uri/i, () => '(path): is not a valid URL encoding'],
  [/JSON/, () => '(body): is not valid JSON'],
];

function nameUnnamedProblem(message: string): string | undefined {
  // The API's own 400s all name their fields already.
  if (message.startsWith('Invalid ')) return undefined;
  for (const [pattern, name] of UNNAMED) {
    const match = pattern.exec(message);
    if (match) return name(match);
  }
  return undefined;
}

/**
 * Rewrites the spec validator's 400 (`request/body/evidence/backup must
 * have required property 'createdAt', request/query/limit must be <= 500`)
 * in the shape the API always answered and the drill form reads:
 * `Invalid request: evidence.backup.createdAt: is required; limit: must be
 * <= 500`, each bad field named by its path.
 */
export const nameInvalidFields: ErrorRequestHandler = (
  error,
  _req,
  _res,
  next,
) => {
  if (!isError(error) || error.name !== 'InputError') {
    next(error);
    return;
  }
  const unnamed = nameUnnamedProblem(error.message);
  if (unnamed) {
    next(new InputError(`Invalid request: ${unnamed}`));
    return;
  }
  const parts = error.message.split(/, (?=request\/)/);
  const problems = parts.map(part => PROBLEM.exec(part));
  if (problems.some(problem => !problem)) {
    next(error);
    return;
  }
  const named = problems.map(problem => {
    const [, path, message] = problem!;
    const missing = MISSING.exec(message);
    const field = [...path.split('/'), ...(missing ? [missing[1]] : [])]
      .filter(Boolean)
      .join('.');
    let text = message;
    if (missing) text = 'is required';
    else if (message === UNKNOWN) text = 'is not a known field';
    return `${field || '(root)'}: ${text}`;
  });
  next(new InputError(`Invalid request: ${named.join('; ')}`));
};
