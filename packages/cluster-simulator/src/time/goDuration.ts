/**
 * Go `time.Duration` strings, as Velero writes them (`720h0m0s`, `10m`, `1.5h`).
 */

const UNIT_MS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** Parses a Go duration string into milliseconds; throws on bad input. */
export function parseGoDuration(text: string): number {
  const trimmed = text.trim();
  if (trimmed === '0') {
    return 0;
  }
  const pattern = /(\d+(?:\.\d+)?)(ns|us|µs|ms|s|m|h)/gy;
  let total = 0;
  let matched = 0;
  let match: RegExpExecArray | null;
  const sign = trimmed.startsWith('-') ? -1 : 1;
  const body = trimmed.replace(/^[-+]/, '');
  for (match = pattern.exec(body); match !== null; match = pattern.exec(body)) {
    total += Number(match[1]) * UNIT_MS[match[2]];
    matched = pattern.lastIndex;
  }
  if (matched === 0 || matched !== body.length) {
    throw new Error(`invalid duration "${text}"`);
  }
  return sign * total;
}
