/**
 * A six-field cron spec (seconds first) read the way robfig/cron v3's parser
 * reads it (`Parser.Parse` with the fields Second | Minute | Hour | Dom |
 * Month | Dow): the same grammar, the same quirks and the same error texts.
 * Velero and CloudNativePG both schedule with that library, so a spec it
 * refuses never runs, and one it accepts runs exactly as `robfigNext` says.
 */

/** Which values of one field match; `star` when the field was `*` or `?`. */
export interface RobfigField {
  readonly matches: ReadonlyArray<boolean>;
  readonly star: boolean;
}

/** @internal */
export interface RobfigSpec {
  readonly second: RobfigField;
  readonly minute: RobfigField;
  readonly hour: RobfigField;
  readonly dayOfMonth: RobfigField;
  readonly month: RobfigField;
  /** 0 is Sunday; robfig has no 7. */
  readonly dayOfWeek: RobfigField;
}

interface Bounds {
  min: number;
  max: number;
  names?: Record<string, number>;
}

const MONTH_NAMES = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];
const WEEKDAY_NAMES = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

const SECONDS: Bounds = { min: 0, max: 59 };
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DAYS_OF_MONTH: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: Object.fromEntries(MONTH_NAMES.map((name, i) => [name, i + 1])),
};
const DAYS_OF_WEEK: Bounds = {
  min: 0,
  max: 6,
  names: Object.fromEntries(WEEKDAY_NAMES.map((name, i) => [name, i])),
};

/**
 * A spec robfig/cron refuses; the message is the library's own text, so a
 * finding can quote what the controller logs.
 *
 * @public
 */
export class RobfigSpecError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RobfigSpecError';
  }
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/**
 * Go's `strconv.Atoi`: an optional sign, then decimal digits only, within
 * int64. Kept as a bigint so that error texts print the number Go prints.
 */
function goAtoi(text: string): bigint {
  const syntax = () =>
    new RobfigSpecError(
      `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(
        text,
      )}: invalid syntax`,
    );
  if (!/^[+-]?[0-9]+$/.test(text)) {
    throw syntax();
  }
  const value = BigInt(text);
  if (value > INT64_MAX || value < INT64_MIN) {
    throw new RobfigSpecError(
      `failed to parse int from ${text}: strconv.Atoi: parsing ${JSON.stringify(
        text,
      )}: value out of range`,
    );
  }
  return value;
}

/** robfig's `mustParseInt`: Atoi, and no negative numbers. */
function parseUint(text: string): bigint {
  const value = goAtoi(text);
  if (value < 0n) {
    throw new RobfigSpecError(
      `negative number (${value}) not allowed: ${text}`,
    );
  }
  return value;
}

function parseIntOrName(text: string, bounds: Bounds): bigint {
  const named = bounds.names?.[text.toLowerCase()];
  return named === undefined ? parseUint(text) : BigInt(named);
}

/** robfig's `getRange`: `*`, `?`, `n`, `n-m`, each with an optional `/step`. */
function readRange(
  expression: string,
  bounds: Bounds,
  matches: boolean[],
): boolean {
  const rangeAndStep = expression.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleValue = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    // Anything after the star's hyphen is ignored, as robfig ignores it.
    start = BigInt(bounds.min);
    end = BigInt(bounds.max);
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], bounds);
    if (lowAndHigh.length === 1) {
      end = start;
    } else if (lowAndHigh.length === 2) {
      end = parseIntOrName(lowAndHigh[1], bounds);
    } else {
      throw new RobfigSpecError(`too many hyphens: ${expression}`);
    }
  }
  let step = 1n;
  if (rangeAndStep.length === 2) {
    step = parseUint(rangeAndStep[1]);
    // `n/step` means `n-max/step`.
    if (singleValue) {
      end = BigInt(bounds.max);
    }
    // A stepped star no longer counts as a star for the day rule.
    if (step > 1n) {
      star = false;
    }
  } else if (rangeAndStep.length > 2) {
    throw new RobfigSpecError(`too many slashes: ${expression}`);
  }
  if (start < BigInt(bounds.min)) {
    throw new RobfigSpecError(
      `beginning of range (${start}) below minimum (${bounds.min}): ${expression}`,
    );
  }
  if (end > BigInt(bounds.max)) {
    throw new RobfigSpecError(
      `end of range (${end}) above maximum (${bounds.max}): ${expression}`,
    );
  }
  if (start > end) {
    throw new RobfigSpecError(
      `beginning of range (${start}) beyond end of range (${end}): ${expression}`,
    );
  }
  if (step === 0n) {
    throw new RobfigSpecError(
      `step of range should be a positive number: ${expression}`,
    );
  }
  for (let value = Number(start); value <= Number(end); value += Number(step)) {
    matches[value] = true;
  }
  return star;
}

/** robfig's `getField`: a comma-separated list of ranges; empty items are dropped. */
function readField(field: string, bounds: Bounds): RobfigField {
  const matches = new Array<boolean>(bounds.max + 1).fill(false);
  let star = false;
  for (const expression of field.split(',').filter(part => part !== '')) {
    star = readRange(expression, bounds, matches) || star;
  }
  return { matches, star };
}

/**
 * Reads a six-field spec (second minute hour day-of-month month
 * day-of-week), throwing {@link RobfigSpecError} with robfig's message for
 * anything robfig refuses (for example `L`, `7` as a weekday, `*\/0`).
 *
 * @internal
 */
export function parseRobfigSpec(spec: string): RobfigSpec {
  if (spec.length === 0) {
    throw new RobfigSpecError('empty spec string');
  }
  // Go's strings.Fields splits on any Unicode white space.
  const fields = spec.split(/\s+/u).filter(field => field !== '');
  if (fields.length !== 6) {
    throw new RobfigSpecError(
      `expected exactly 6 fields, found ${fields.length}: [${fields.join(
        ' ',
      )}]`,
    );
  }
  return {
    second: readField(fields[0], SECONDS),
    minute: readField(fields[1], MINUTES),
    hour: readField(fields[2], HOURS),
    dayOfMonth: readField(fields[3], DAYS_OF_MONTH),
    month: readField(fields[4], MONTHS),
    dayOfWeek: readField(fields[5], DAYS_OF_WEEK),
  };
}
