import { parseRobfigSpec, RobfigSpecError } from './robfigSpec';

/** The values a field matches, for readable expectations. */
function values(field: { matches: ReadonlyArray<boolean> }): number[] {
  return field.matches.flatMap((match, value) => (match ? [value] : []));
}

describe('parseRobfigSpec', () => {
  it.each([
    ['a list, a range and a step', '0,30 10-12 */8 * * *', 'hour', [0, 8, 16]],
    // `n/step` means `n-max/step`.
    ['a start with a step', '0 0 3/10 * * *', 'hour', [3, 13, 23]],
    ['month names, any case', '0 0 0 1 JAN,mar-May *', 'month', [1, 3, 4, 5]],
    ['weekday names', '0 0 0 * * MON-fri', 'dayOfWeek', [1, 2, 3, 4, 5]],
    // Go's Atoi takes a leading plus sign.
    ['a signed number', '+5 0 0 * * *', 'second', [5]],
    // Empty list items are dropped (strings.FieldsFunc).
    ['empty list items', '1,,2, 0 0 * * *', 'second', [1, 2]],
    // robfig ignores what follows a star's hyphen.
    ['a star with a hyphen', '0 0 *-5 * * *', 'hour', [...Array(24).keys()]],
  ] as const)('reads %s', (_, spec, field, expected) => {
    expect(values(parseRobfigSpec(spec)[field])).toEqual(expected);
  });

  it.each([
    // The day rule: `*` and `?` (and `*/1`) set the star, a stepped star does not.
    ['*', true],
    ['?', true],
    ['*/1', true],
    ['*/2', false],
    ['1-31', false],
  ])('day of month %s has the star: %s', (field, star) => {
    expect(parseRobfigSpec(`0 0 0 ${field} * *`).dayOfMonth.star).toBe(star);
  });

  it.each([
    [
      '5 fields',
      '0 0 * * *',
      'expected exactly 6 fields, found 5: [0 0 * * *]',
    ],
    ['an empty spec', '', 'empty spec string'],
    [
      'L (last day), which cron-parser knows and robfig does not',
      '0 0 0 L * *',
      'failed to parse int from L: strconv.Atoi: parsing "L": invalid syntax',
    ],
    ['7 as Sunday', '0 0 0 * * 7', 'end of range (7) above maximum (6): 7'],
    ['second 60', '60 0 0 * * *', 'end of range (60) above maximum (59): 60'],
    ['day 0', '0 0 0 0 * *', 'beginning of range (0) below minimum (1): 0'],
    [
      'a reversed range',
      '0 0 5-1 * * *',
      'beginning of range (5) beyond end of range (1): 5-1',
    ],
    [
      'a zero step',
      '0 0 */0 * * *',
      'step of range should be a positive number: */0',
    ],
    ['two hyphens', '0 0 1-2-3 * * *', 'too many hyphens: 1-2-3'],
    ['two slashes', '0 0 1/2/3 * * *', 'too many slashes: 1/2/3'],
    [
      'a number beyond int64',
      '99999999999999999999 0 0 * * *',
      'failed to parse int from 99999999999999999999: strconv.Atoi: parsing "99999999999999999999": value out of range',
    ],
    [
      'hexadecimal',
      '0x1 0 0 * * *',
      'failed to parse int from 0x1: strconv.Atoi: parsing "0x1": invalid syntax',
    ],
  ])('refuses %s with robfig’s message', (_, spec, message) => {
    expect(() => parseRobfigSpec(spec)).toThrow(new RobfigSpecError(message));
  });

  it('reports the first bad field, as robfig does', () => {
    expect(() => parseRobfigSpec('0 61 25 * * *')).toThrow(
      'end of range (61) above maximum (59): 61',
    );
  });
});
