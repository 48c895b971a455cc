import fc from 'fast-check';
import { CursorCodec } from './cursors';

const INVALID =
  'Invalid request: cursor: is not a cursor this API issued for this query';

describe('CursorCodec', () => {
  const codec = CursorCodec.fromSecret('a secret from config');
  const bound = ['postures'];

  it('opens what it sealed, for the same query only', () => {
    const cursor = codec.seal({ after: 'component:default/secret' }, bound);
    expect(codec.open(cursor, bound)).toEqual({
      after: 'component:default/secret',
    });
    expect(codec.open(undefined, bound)).toBeUndefined();
    expect(() => codec.open(cursor, ['overview'])).toThrow(INVALID);
    expect(() =>
      CursorCodec.fromSecret('another secret').open(cursor, bound),
    ).toThrow(INVALID);
  });

  it('hides what the cursor holds', () => {
    const cursor = codec.seal({ after: 'component:default/secret' }, bound);
    const bytes = Buffer.from(cursor, 'base64url').toString('latin1');
    expect(bytes).not.toContain('secret');
    expect(cursor).not.toContain('c2VjcmV0'); // base64 of "secret"
    // A fresh IV every time: equal pages do not give equal cursors.
    expect(codec.seal({ after: 'x' }, bound)).not.toBe(
      codec.seal({ after: 'x' }, bound),
    );
  });

  it.each([
    ['garbage', 'nonsense'],
    ['empty', ''],
    ['the old unsigned offset cursor', 'eyJvZmZzZXQiOjUwMH0'],
    ['not base64url', '!!!!'],
  ])('refuses %s with a 400 that does not echo it', (_what, cursor) => {
    expect(() => codec.open(cursor, bound)).toThrow(
      expect.objectContaining({ name: 'InputError', message: INVALID }),
    );
  });

  it('refuses every altered cursor (property)', () => {
    const cursor = codec.seal({ offset: 50 }, bound);
    const bytes = Buffer.from(cursor, 'base64url');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: bytes.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (index, flip) => {
          const altered = Buffer.from(bytes);
          altered[index] ^= flip;
          expect(() =>
            codec.open(altered.toString('base64url'), bound),
          ).toThrow(INVALID);
        },
      ),
    );
    fc.assert(
      fc.property(fc.string(), text => {
        expect(() => codec.open(text, bound)).toThrow(INVALID);
      }),
    );
  });
});
