import {
  formatCount,
  formatMiB,
  formatMs,
  formatRatio,
  formatSeconds,
} from './format';

describe('formats', () => {
  it('keeps a decimal only where it matters', () => {
    expect(formatMs(4.26)).toBe('4.3 ms');
    expect(formatMs(1234.4)).toBe('1,234 ms');
    expect(formatRatio(1.234)).toBe('1.23×');
    expect(formatRatio(23.45)).toBe('23.4×');
    expect(formatSeconds(56.04)).toBe('56.0 s');
  });

  it('separates thousands', () => {
    expect(formatCount(216000)).toBe('216,000');
    expect(formatMiB(371.4)).toBe('371 MiB');
  });
});
