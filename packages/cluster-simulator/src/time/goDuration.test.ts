import { parseGoDuration } from './goDuration.ts';

describe('parseGoDuration', () => {
  it.each([
    ['720h0m0s', 720 * 3_600_000],
    ['10m', 600_000],
    ['1.5h', 5_400_000],
    ['1h30m', 5_400_000],
    ['250ms', 250],
    ['0', 0],
  ])('parses %s', (text, expected) => {
    expect(parseGoDuration(text)).toBe(expected);
  });

  it.each([
    ['', 'invalid duration'],
    ['h', 'invalid duration'],
    ['10', 'missing unit'],
    ['5 m', 'unknown unit " m"'],
    ['3d', 'unknown unit "d"'],
  ])('rejects %p as Go does', (text, reason) => {
    expect(() => parseGoDuration(text)).toThrow(reason);
  });
});
