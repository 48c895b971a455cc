import { growthExponent, percentile, summarizeLatency } from './latency';

describe('percentile', () => {
  const samples = Array.from({ length: 20 }, (_, i) => i + 1);

  it('picks a measured sample by nearest rank', () => {
    expect(percentile(samples, 50)).toBe(10);
    expect(percentile(samples, 95)).toBe(19);
    expect(percentile(samples, 100)).toBe(20);
    expect(percentile(samples, 0)).toBe(1);
  });

  it('answers with the only sample of one', () => {
    expect(percentile([7], 50)).toBe(7);
    expect(percentile([7], 95)).toBe(7);
  });

  it('refuses an empty series', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
  });
});

describe('summarizeLatency', () => {
  it('sorts before ranking', () => {
    expect(summarizeLatency([30, 10, 20, 40])).toEqual({
      count: 4,
      p50: 20,
      p95: 40,
      min: 10,
      max: 40,
    });
  });
});

describe('growthExponent', () => {
  it('is 1 for time proportional to size', () => {
    expect(
      growthExponent([
        { size: 1000, value: 5 },
        { size: 5000, value: 25 },
        { size: 20000, value: 100 },
      ]),
    ).toBeCloseTo(1, 10);
  });

  it('is 0 for a flat time and 2 for a quadratic one', () => {
    expect(
      growthExponent([
        { size: 10, value: 3 },
        { size: 100, value: 3 },
      ]),
    ).toBeCloseTo(0, 10);
    expect(
      growthExponent([
        { size: 10, value: 1 },
        { size: 100, value: 100 },
      ]),
    ).toBeCloseTo(2, 10);
  });

  it('needs two different sizes', () => {
    expect(() => growthExponent([{ size: 1, value: 1 }])).toThrow();
    expect(() =>
      growthExponent([
        { size: 5, value: 1 },
        { size: 5, value: 2 },
      ]),
    ).toThrow('different sizes');
  });
});
