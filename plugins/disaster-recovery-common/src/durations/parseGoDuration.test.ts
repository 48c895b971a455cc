import fc from 'fast-check';
import { parseDuration } from './parseDuration';
import { parseGoDuration } from './parseGoDuration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('parseGoDuration', () => {
  // What Go's time.ParseDuration answers for the same strings.
  it.each([
    ['0', 0],
    ['-0', 0],
    ['+0', 0],
    ['720h0m0s', 720 * HOUR],
    ['24h', 24 * HOUR],
    ['1h30m', 90 * MINUTE],
    ['30m1h', 90 * MINUTE],
    ['1.5h', 90 * MINUTE],
    ['.5h', 30 * MINUTE],
    ['1.h', HOUR],
    ['300ms', 300],
    ['1500us', 1.5],
    ['1500µs', 1.5],
    ['1500μs', 1.5],
    ['2000000ns', 2],
    ['+5s', 5 * SECOND],
    ['-1h', -HOUR],
    ['1h1h', 2 * HOUR],
    ['0s', 0],
    ['0.000000001s', 0.000001],
    ['2562047h47m16.854775807s', 9223372036854.775],
    ['-2562047h47m16.854775808s', -9223372036854.775],
  ])('%p → %d ms', (text, expected) => {
    const result = parseGoDuration(text);
    expect(result).toEqual({ ok: true, milliseconds: expected });
  });

  it.each([
    ['30d', 'time: unknown unit "d" in duration "30d"'],
    ['1w', 'time: unknown unit "w" in duration "1w"'],
    ['30', 'time: missing unit in duration "30"'],
    ['1h30', 'time: missing unit in duration "1h30"'],
    ['', 'time: invalid duration ""'],
    ['-', 'time: invalid duration "-"'],
    ['.', 'time: invalid duration "."'],
    ['.s', 'time: invalid duration ".s"'],
    ['h', 'time: invalid duration "h"'],
    [' 1h', 'time: invalid duration " 1h"'],
    ['1h ', 'time: unknown unit "h " in duration "1h "'],
    ['1h 30m', 'time: unknown unit "h " in duration "1h 30m"'],
    ['1H', 'time: unknown unit "H" in duration "1H"'],
    ['--1h', 'time: invalid duration "--1h"'],
    [
      '2562047h47m16.854775808s',
      'time: invalid duration "2562047h47m16.854775808s"',
    ],
    ['9223372036854775808ns', 'time: invalid duration "9223372036854775808ns"'],
  ])('refuses %p as Go does', (text, reason) => {
    expect(parseGoDuration(text)).toEqual({ ok: false, reason });
  });

  it('agrees with parseDuration on every duration Go accepts that is not negative', () => {
    const part = fc
      .tuple(
        fc.nat({ max: 10_000 }),
        fc.option(fc.nat({ max: 999 }), { nil: undefined }),
        fc.constantFrom('h', 'm', 's', 'ms'),
      )
      .map(
        ([whole, fraction, unit]) =>
          `${whole}${fraction === undefined ? '' : `.${fraction}`}${unit}`,
      );
    fc.assert(
      fc.property(fc.array(part, { minLength: 1, maxLength: 4 }), parts => {
        const text = parts.join('');
        expect(parseGoDuration(text)).toEqual({
          ok: true,
          milliseconds: expect.closeTo(parseDuration(text)!, 3),
        });
      }),
    );
  });

  it('refuses every policy-only unit that Go does not know', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: 1000 }),
        fc.constantFrom('d', 'w', 'y', 'min', 'sec', 'hr'),
        (amount, unit) => {
          expect(parseGoDuration(`${amount}${unit}`).ok).toBe(false);
        },
      ),
    );
  });
});
