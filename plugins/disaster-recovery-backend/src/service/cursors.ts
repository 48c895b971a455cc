import { InputError } from '@backstage/errors';
import crypto from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The 400 of a bad cursor, which never echoes it. */
export function invalidCursor(): InputError {
  return new InputError(
    'Invalid request: cursor: is not a cursor this API issued for this query',
  );
}

/**
 * Page cursors sealed with AES-256-GCM. A cursor is opaque (a keyset cursor
 * holds the last entity ref of a page, which may be one the caller cannot
 * read), cannot be forged or altered, and opens only for the query it was
 * issued for: `boundTo` (the route, its path and its filters) is the
 * additional authenticated data.
 */
export class CursorCodec {
  private constructor(private readonly key: Buffer) {}

  /** A codec whose key is derived from `secret` (any length). */
  static fromSecret(secret: string | Buffer): CursorCodec {
    const key = crypto.hkdfSync(
      'sha256',
      secret,
      Buffer.alloc(0),
      'disaster-recovery page cursors',
      32,
    );
    return new CursorCodec(Buffer.from(key));
  }

  seal(payload: unknown, boundTo: readonly unknown[]): string {
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(JSON.stringify(boundTo)));
    const sealed = Buffer.concat([
      cipher.update(JSON.stringify(payload), 'utf8'),
      cipher.final(),
    ]);
    return Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString(
      'base64url',
    );
  }

  /**
   * The payload of a cursor issued by {@link CursorCodec.seal} with the same
   * `boundTo`, undefined for no cursor; anything else is a 400.
   */
  open(cursor: string | undefined, boundTo: readonly unknown[]): unknown {
    if (cursor === undefined) return undefined;
    const bytes = Buffer.from(cursor, 'base64url');
    if (
      bytes.length <= IV_BYTES + TAG_BYTES ||
      bytes.toString('base64url') !== cursor
    ) {
      throw invalidCursor();
    }
    try {
      const decipher = crypto.createDecipheriv(
        'aes-256-gcm',
        this.key,
        bytes.subarray(0, IV_BYTES),
      );
      decipher.setAAD(Buffer.from(JSON.stringify(boundTo)));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]);
      return JSON.parse(plain.toString('utf8'));
    } catch {
      throw invalidCursor();
    }
  }
}
