import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseYaml } from 'yaml';
import {
  ApiError,
  badRequest,
  unsupportedMediaType,
} from '../kube/apiStatus.ts';
import type { BodyFault } from '../faults/faultInjector.ts';

/** Largest request body accepted (the API server's limit is 3 MiB too). */
const MAX_BODY_BYTES = 3 * 1024 * 1024;

/** Reads and parses a JSON or YAML request body; 400/413/415 on bad input. */
export async function readRequestBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) {
      throw new ApiError({
        code: 413,
        reason: 'RequestEntityTooLarge',
        message: 'Request entity too large: limit is 3145728',
      });
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') {
    return undefined;
  }
  const contentType = (req.headers['content-type'] ?? 'application/json')
    .split(';')[0]
    .trim();
  try {
    if (contentType === 'application/json' || contentType.endsWith('+json')) {
      return JSON.parse(text);
    }
    if (
      contentType === 'application/yaml' ||
      contentType === 'application/x-yaml'
    ) {
      return parseYaml(text);
    }
  } catch (error) {
    throw badRequest(
      `the body of the request could not be decoded: ${
        (error as Error).message
      }`,
    );
  }
  throw unsupportedMediaType(contentType);
}

/**
 * Sends a JSON answer, damaged by `fault` when given:
 * - `drop` sends half the body with chunked encoding (as Go's net/http does
 *   for a large answer) and then resets the connection. With a
 *   Content-Length instead, @kubernetes/client-node 1.4.0 (node-fetch)
 *   waits forever for the missing bytes, so callers need timeouts; the
 *   README says so.
 * - `truncate` sends a cleanly ended body cut in half.
 * - `malformed` puts a control character in the middle of the body, which
 *   no JSON parser accepts, inside a string or outside one.
 * - `stall` sends the Content-Length and half the body, then nothing: the
 *   connection stays open until the client closes it.
 */
export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
  fault?: BodyFault,
): void {
  let payload = Buffer.from(JSON.stringify(body), 'utf8');
  const half = Math.floor(payload.length / 2);
  if (fault === 'truncate') {
    payload = payload.subarray(0, half);
  } else if (fault === 'malformed') {
    payload = Buffer.concat([
      payload.subarray(0, half),
      Buffer.from([0x07]),
      payload.subarray(half),
    ]);
  }
  res.writeHead(status, {
    'Content-Type': 'application/json',
    ...(fault === 'drop' ? {} : { 'Content-Length': String(payload.length) }),
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  if (fault === 'drop') {
    res.write(payload.subarray(0, half), () => res.destroy());
    return;
  }
  if (fault === 'stall') {
    res.write(payload.subarray(0, half));
    return;
  }
  res.end(payload);
}

/** Sends an ApiError as a Status object. */
export function sendStatus(res: ServerResponse, error: ApiError): void {
  sendJson(res, error.code, error.toStatus(), error.headers);
}
