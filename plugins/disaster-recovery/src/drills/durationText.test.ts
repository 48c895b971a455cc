import { parseDuration } from '@dr-posture/plugin-disaster-recovery-common';
import { durationText } from './durationText';

describe('durationText', () => {
  it.each([
    [0, '0'],
    [1, '1ms'],
    [600_000, '10m'],
    [9_000_000, '2h30m'],
    [90_061_001, '1d1h1m1s1ms'],
  ])('writes %i ms as %s, which reads back the same', (ms, text) => {
    expect(durationText(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
