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

  it.each(['', 'h', '10', '5 m', '3d'])('rejects %p', text => {
    expect(() => parseGoDuration(text)).toThrow('invalid duration');
  });
});
