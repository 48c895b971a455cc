/**
 * Error answers in the shape kube-apiserver gives them: a `Status` object
 * with the HTTP code repeated in `code` and a machine-readable `reason`.
 */

/** A resource as the API server names it in messages: `backups.velero.io`. */
function resourceOf(group: string, plural: string): string {
  return group ? `${plural}.${group}` : plural;
}

/** Kubernetes `metav1.StatusCause`. */
export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

/** Kubernetes `metav1.StatusDetails`. */
export interface StatusDetails {
  name?: string;
  group?: string;
  kind?: string;
  causes?: StatusCause[];
  retryAfterSeconds?: number;
}

/** Kubernetes `metav1.Status` for a failure. */
export interface KubeStatus {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: { continue?: string };
  status: 'Failure';
  message: string;
  reason: string;
  details?: StatusDetails;
  code: number;
}

/** An API failure; the server turns it into a Status response. */
export class ApiError extends Error {
  readonly code: number;
  readonly reason: string;
  readonly details?: StatusDetails;
  readonly continueToken?: string;
  readonly headers: Record<string, string>;

  constructor(options: {
    code: number;
    reason: string;
    message: string;
    details?: StatusDetails;
    continueToken?: string;
    headers?: Record<string, string>;
  }) {
    super(options.message);
    this.name = 'ApiError';
    this.code = options.code;
    this.reason = options.reason;
    this.details = options.details;
    this.continueToken = options.continueToken;
    this.headers = options.headers ?? {};
  }

  /** The Status body for this error. */
  toStatus(): KubeStatus {
    return {
      kind: 'Status',
      apiVersion: 'v1',
      metadata: this.continueToken ? { continue: this.continueToken } : {},
      status: 'Failure',
      message: this.message,
      reason: this.reason,
      ...(this.details ? { details: this.details } : {}),
      code: this.code,
    };
  }
}

/** 400 BadRequest. */
export function badRequest(message: string): ApiError {
  return new ApiError({ code: 400, reason: 'BadRequest', message });
}

/** 401 Unauthorized, worded as the API server words it. */
export function unauthorized(): ApiError {
  return new ApiError({
    code: 401,
    reason: 'Unauthorized',
    message: 'Unauthorized',
  });
}

/** 403 Forbidden for an RBAC denial. */
export function forbidden(options: {
  user: string;
  verb: string;
  group: string;
  plural: string;
  namespace?: string;
  name?: string;
}): ApiError {
  const { user, verb, group, plural, namespace, name } = options;
  const resource = resourceOf(group, plural);
  const subject = name ? `${resource} "${name}"` : resource;
  const scope = namespace
    ? `in the namespace "${namespace}"`
    : 'at the cluster scope';
  return new ApiError({
    code: 403,
    reason: 'Forbidden',
    message: `${subject} is forbidden: User "${user}" cannot ${verb} resource "${plural}" in API group "${group}" ${scope}`,
    details: { ...(name ? { name } : {}), group, kind: plural },
  });
}

/** 404 for a path the server does not serve (e.g. a group not installed). */
export function resourceNotFound(): ApiError {
  return new ApiError({
    code: 404,
    reason: 'NotFound',
    message: 'the server could not find the requested resource',
    details: {},
  });
}

/** 404 for a named object that does not exist. */
export function objectNotFound(
  group: string,
  plural: string,
  name: string,
): ApiError {
  const resource = resourceOf(group, plural);
  return new ApiError({
    code: 404,
    reason: 'NotFound',
    message: `${resource} "${name}" not found`,
    details: { name, group, kind: plural },
  });
}

/** 405 for a verb the simulator does not implement. */
export function methodNotSupported(method: string): ApiError {
  return new ApiError({
    code: 405,
    reason: 'MethodNotAllowed',
    message: `the server does not allow this method on the requested resource (${method})`,
    details: {},
  });
}

/** 409 AlreadyExists on create. */
export function alreadyExists(
  group: string,
  plural: string,
  name: string,
): ApiError {
  const resource = resourceOf(group, plural);
  return new ApiError({
    code: 409,
    reason: 'AlreadyExists',
    message: `${resource} "${name}" already exists`,
    details: { name, group, kind: plural },
  });
}

/** 410 Expired for a continue token whose snapshot is gone. */
export function continueExpired(inconsistentContinue?: string): ApiError {
  return new ApiError({
    code: 410,
    reason: 'Expired',
    message:
      'The provided continue parameter is too old to display a consistent list result. ' +
      'You can start a new list without the continue parameter, or use the continue token ' +
      'in this response to retrieve the remainder of the results. Continuing with the provided ' +
      'token results in an inconsistent list - objects that were created, modified, or deleted ' +
      'between the time the first chunk was returned and now may show up in the list.',
    continueToken: inconsistentContinue,
  });
}

/** 422 Invalid with one cause per failed field. */
export function invalidObject(options: {
  kind: string;
  group: string;
  name: string;
  causes: StatusCause[];
}): ApiError {
  const { kind, group, name, causes } = options;
  const qualifiedKind = group ? `${kind}.${group}` : kind;
  const summary = causes
    .map(c => (c.field ? `${c.field}: ${c.message}` : c.message))
    .join(', ');
  return new ApiError({
    code: 422,
    reason: 'Invalid',
    message: `${qualifiedKind} "${name}" is invalid: [${summary}]`,
    details: { name, group, kind, causes },
  });
}

/** 415 for a request body that is not JSON. */
export function unsupportedMediaType(contentType: string): ApiError {
  return new ApiError({
    code: 415,
    reason: 'UnsupportedMediaType',
    message: `the body of the request was in an unknown format - accepted media types include: application/json, application/yaml (got ${contentType})`,
  });
}

/** 429 TooManyRequests with a Retry-After header. */
export function tooManyRequests(retryAfterSeconds: number): ApiError {
  return new ApiError({
    code: 429,
    reason: 'TooManyRequests',
    message: 'Too many requests, please try again later.',
    details: { retryAfterSeconds },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  });
}

/** 500 InternalError. */
export function internalError(cause: string): ApiError {
  return new ApiError({
    code: 500,
    reason: 'InternalError',
    message: `Internal error occurred: ${cause}`,
    details: { causes: [{ message: cause }] },
  });
}

/** 503 ServiceUnavailable. */
export function serviceUnavailable(): ApiError {
  return new ApiError({
    code: 503,
    reason: 'ServiceUnavailable',
    message: 'the server is currently unable to handle the request',
  });
}

/** 409 Conflict for an update whose resourceVersion is not the stored one. */
export function conflict(
  group: string,
  plural: string,
  name: string,
): ApiError {
  const resource = resourceOf(group, plural);
  return new ApiError({
    code: 409,
    reason: 'Conflict',
    message: `Operation cannot be fulfilled on ${resource} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
    details: { name, group, kind: plural },
  });
}

/** 404 for a write into a namespace that does not exist. */
export function namespaceNotFound(namespace: string): ApiError {
  return objectNotFound('', 'namespaces', namespace);
}
