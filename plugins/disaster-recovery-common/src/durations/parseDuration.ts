const MILLISECONDS_PER_UNIT: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
};

const WHOLE = /^(?:(?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h|d|w))+$/;
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h|d|w)/g;

/**
 * Parses a duration written the way people and Kubernetes write them, into
 * milliseconds: the short policy form (`15m`, `2h`, `1d`, `90d`, `2w`) and Go
 * durations as Velero prints them (`720h0m0s`, `1h30m`, `1.5h`, `300ms`).
 * Units may be combined, largest first or not, as Go allows. A bare `0` is
 * zero, as in Go.
 *
 * Returns `undefined` for anything else, including negative durations, which
 * no recovery objective or retention can have; callers turn that into a
 * message naming the annotation or key that held the text.
 *
 * @public
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '0') {
    return 0;
  }
  if (!WHOLE.test(trimmed)) {
    return undefined;
  }
  let total = 0;
  for (const [, amount, unit] of trimmed.matchAll(PART)) {
    total += Number(amount) * MILLISECONDS_PER_UNIT[unit];
  }
  return total;
}
