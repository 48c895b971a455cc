import { InputError } from '@backstage/errors';

/** RFC 3339 as the spec's `date-time` format takes it (ajv-formats). */
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?(?:[Zz]|([+-])(\d{2})(?::?(\d{2}))?)$/;

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * Epoch ms of an RFC 3339 date-time, or undefined for one that names no
 * instant. The spec's format check lets days that do not exist through
 * (`2026-02-30`), which `Date.parse` would roll over into March, and leap
 * seconds, which it cannot read.
 */
export function parseDateTime(value: string): number | undefined {
  const match = DATE_TIME.exec(value);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1, 7).map(Number);
  const [fraction, sign, offsetHours, offsetMinutes] = match.slice(7);
  const [oh, om] = [Number(offsetHours ?? 0), Number(offsetMinutes ?? 0)];
  if (
    mo < 1 ||
    mo > 12 ||
    d < 1 ||
    d > daysInMonth(y, mo) ||
    h > 23 ||
    mi > 59 ||
    s > 59 ||
    oh > 23 ||
    om > 59
  ) {
    return undefined;
  }
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(
    h,
    mi,
    s,
    fraction ? Math.floor(Number(fraction) * 1000) : 0,
  );
  const offsetMs = (sign === '-' ? -1 : 1) * (oh * 60 + om) * 60_000;
  return date.getTime() - offsetMs;
}

/**
 * The `from`/`to` query parameters as epoch ms: a 400 naming each that is
 * no instant, and `from` when it is later than `to`.
 */
export function readTimeRange(query: { from?: string; to?: string }): {
  from?: number;
  to?: number;
} {
  const problems: string[] = [];
  const read = (field: 'from' | 'to') => {
    const value = query[field];
    if (value === undefined) return undefined;
    const ms = parseDateTime(value);
    if (ms === undefined) problems.push(`${field}: is not a valid date-time`);
    return ms;
  };
  const from = read('from');
  const to = read('to');
  if (from !== undefined && to !== undefined && from > to) {
    problems.push('from: is later than to');
  }
  if (problems.length > 0) {
    throw new InputError(`Invalid request: ${problems.join('; ')}`);
  }
  return { from, to };
}
