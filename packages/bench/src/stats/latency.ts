/** Latency figures of one series of timed requests, in milliseconds. */
export interface LatencySummary {
  count: number;
  p50: number;
  p95: number;
  min: number;
  max: number;
}

/**
 * The nearest-rank percentile of ascending samples: the smallest sample with
 * at least p% of the samples at or below it, so p95 of 20 samples is the
 * 19th, never an interpolated value that was not measured.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) {
    throw new Error('percentile of no samples');
  }
  if (p <= 0) return sorted[0];
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, rank) - 1];
}

/** Summarises samples given in any order. */
export function summarizeLatency(samples: readonly number[]): LatencySummary {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/**
 * How a time grows with size: the exponent k of time ∝ size^k, from a
 * least-squares fit on the log-log points (1 is linear, 0 is flat).
 */
export function growthExponent(
  points: ReadonlyArray<{ size: number; value: number }>,
): number {
  if (points.length < 2) {
    throw new Error('a growth exponent needs at least two sizes');
  }
  const xs = points.map(p => Math.log(p.size));
  const ys = points.map(p => Math.log(p.value));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, i) => {
    covariance += (x - meanX) * (ys[i] - meanY);
    variance += (x - meanX) ** 2;
  });
  if (variance === 0) {
    throw new Error('a growth exponent needs at least two different sizes');
  }
  return covariance / variance;
}
