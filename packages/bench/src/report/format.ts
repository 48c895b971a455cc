/** Milliseconds with one decimal below 100 ms, whole above. */
export function formatMs(ms: number): string {
  return ms < 100
    ? `${ms.toFixed(1)} ms`
    : `${Math.round(ms).toLocaleString('en-US')} ms`;
}

/** A speed-up or ratio, e.g. `23.4×`. */
export function formatRatio(ratio: number): string {
  return `${ratio < 10 ? ratio.toFixed(2) : ratio.toFixed(1)}×`;
}

/** Seconds with one decimal. */
export function formatSeconds(seconds: number): string {
  return `${seconds.toFixed(1)} s`;
}

/** A count with thousands separators. */
export function formatCount(count: number): string {
  return Math.round(count).toLocaleString('en-US');
}

/** Bytes as MiB. */
export function formatMiB(mib: number): string {
  return `${Math.round(mib).toLocaleString('en-US')} MiB`;
}
