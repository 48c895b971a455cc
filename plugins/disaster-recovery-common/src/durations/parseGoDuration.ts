/**
 * A string read as Go's `time.ParseDuration` reads it, or why Go refuses it.
 *
 * @public
 */
export type GoDuration =
  | { ok: true; milliseconds: number }
  | { ok: false; reason: string };

const NANOSECONDS_PER_UNIT: Record<string, bigint> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek small letter mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};

/** `time.Duration` is an int64 of nanoseconds; only the negative side reaches 2^63. */
const MAX_NANOSECONDS = (1n << 63n) - 1n;

const DIGITS = /^\d*/;
const UNIT = /^[^.\d]*/;

function refused(text: string, what: string): GoDuration {
  return { ok: false, reason: `time: ${what} ${JSON.stringify(text)}` };
}

/**
 * Reads a duration exactly as Go's `time.ParseDuration` does, which is how
 * Velero reads a Backup's or Schedule's `ttl` and robfig/cron reads
 * `@every <duration>`: an optional sign, then one or more decimal numbers,
 * each with an optional fraction and a unit of `ns`, `us` (`µs`), `ms`, `s`,
 * `m` or `h`. There are no days or weeks (`30d` is refused), no spaces, and
 * a bare `0` is the only number without a unit. The reasons are Go's own
 * error texts, so a person can search for them.
 *
 * Unlike {@link parseDuration}, which also reads the policy form (`1d`,
 * `2w`), this refuses everything the controllers refuse.
 *
 * @public
 */
export function parseGoDuration(text: string): GoDuration {
  let rest = text;
  let negative = false;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    negative = rest[0] === '-';
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, milliseconds: 0 };
  if (rest === '') return refused(text, 'invalid duration');

  let total = 0n;
  while (rest !== '') {
    const whole = DIGITS.exec(rest)![0];
    rest = rest.slice(whole.length);
    let fraction = '';
    if (rest.startsWith('.')) {
      fraction = DIGITS.exec(rest.slice(1))![0];
      rest = rest.slice(1 + fraction.length);
      if (whole === '' && fraction === '') {
        return refused(text, 'invalid duration');
      }
    } else if (whole === '') {
      // Go's "[0-9]*(\.[0-9]*)?" must have consumed something.
      return refused(text, 'invalid duration');
    }
    const unitText = UNIT.exec(rest)![0];
    rest = rest.slice(unitText.length);
    if (unitText === '') return refused(text, 'missing unit in duration');
    const unit = NANOSECONDS_PER_UNIT[unitText];
    if (unit === undefined) {
      return {
        ok: false,
        reason: `time: unknown unit ${JSON.stringify(
          unitText,
        )} in duration ${JSON.stringify(text)}`,
      };
    }
    let value = BigInt(whole === '' ? '0' : whole) * unit;
    if (fraction !== '') {
      // Go scales the fraction in float64, keeping at most 19 digits.
      const digits = fraction.slice(0, 19);
      value += BigInt(
        Math.trunc(Number(digits) * (Number(unit) / 10 ** digits.length)),
      );
    }
    total += value;
    if (total > MAX_NANOSECONDS + (negative ? 1n : 0n)) {
      return refused(text, 'invalid duration');
    }
  }
  const milliseconds = Number(total) / 1e6;
  return { ok: true, milliseconds: negative ? -milliseconds : milliseconds };
}
