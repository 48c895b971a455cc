import { formatDuration } from './formatDuration';
import { parseDuration } from './parseDuration';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('parseDuration', () => {
  it.each([
    ['15m', 15 * MINUTE],
    ['2h', 2 * HOUR],
    ['1d', DAY],
    ['90d', 90 * DAY],
    ['2w', 14 * DAY],
    ['720h0m0s', 30 * DAY],
    ['1h30m', 90 * MINUTE],
    ['1.5h', 90 * MINUTE],
    ['300ms', 300],
    [' 45s ', 45 * SECOND],
    ['0', 0],
  ])('%s → %d ms', (text, expected) => {
    expect(parseDuration(text)).toBe(expected);
  });

  it.each(['', 'abc', '15', '15x', '-1h', 'h', '1h 30m', '1 day'])(
    'rejects %p',
    text => {
      expect(parseDuration(text)).toBeUndefined();
    },
  );
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [999, '0 s'],
    [45 * SECOND, '45 s'],
    [150 * SECOND, '2 min 30 s'],
    [HOUR, '1 h'],
    [HOUR + SECOND, '1 h'],
    [2 * HOUR + 5 * MINUTE, '2 h 5 min'],
    [DAY, '1 day'],
    [3 * DAY, '3 days'],
    [DAY + 4 * HOUR + 59 * MINUTE, '1 day 4 h'],
    [-90 * MINUTE, '1 h 30 min'],
  ])('%d ms → %s', (milliseconds, expected) => {
    expect(formatDuration(milliseconds)).toBe(expected);
  });
});
