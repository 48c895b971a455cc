import { badRequest } from '../kube/apiStatus.ts';

/**
 * The continue token: base64url JSON of the same fields kube-apiserver puts
 * in its tokens (`v`, `rv`, `start`), plus the page number `p` that the
 * "expire after N pages" fault counts. Clients must treat it as opaque.
 */
export interface ContinuePosition {
  /** Cluster resource version the list is consistent at; -1 = latest. */
  rv: number;
  /** Storage key to resume from (inclusive). */
  start: string;
  /** Number of pages already served for this list. */
  page: number;
}

const TOKEN_VERSION = 'meta.k8s.io/v1';

/** Encodes a continue position as an opaque token. */
export function encodeContinue(position: ContinuePosition): string {
  return Buffer.from(
    JSON.stringify({
      v: TOKEN_VERSION,
      rv: position.rv,
      start: position.start,
      p: position.page,
    }),
  ).toString('base64url');
}

/** Decodes a continue token; throws 400 BadRequest when it is not one. */
export function decodeContinue(token: string): ContinuePosition {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch {
    throw badRequest(
      'continue key is not valid: illegal base64 data or not JSON',
    );
  }
  const fields = parsed as {
    v?: unknown;
    rv?: unknown;
    start?: unknown;
    p?: unknown;
  };
  if (fields?.v !== TOKEN_VERSION) {
    throw badRequest(
      `continue key is not valid: server does not recognize this encoded key version`,
    );
  }
  if (
    typeof fields.rv !== 'number' ||
    fields.rv === 0 ||
    !Number.isInteger(fields.rv)
  ) {
    throw badRequest(
      `continue key is not valid: incorrect encoded start resourceVersion (version ${TOKEN_VERSION})`,
    );
  }
  if (typeof fields.start !== 'string' || fields.start.length === 0) {
    throw badRequest('continue key is not valid: encoded start key empty');
  }
  return {
    rv: fields.rv,
    start: fields.start,
    page: typeof fields.p === 'number' ? fields.p : 1,
  };
}
