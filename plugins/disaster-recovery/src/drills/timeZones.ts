import { DateTime } from 'luxon';

/** The reader's time zone, as the browser names it (`Europe/Berlin`). */
export function browserTimeZone(): string {
  return new Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/**
 * The time zones to choose from: every zone the browser knows, `UTC` and
 * `zone` (the one chosen) always among them.
 */
export function timeZoneChoices(zone: string): string[] {
  const known =
    typeof Intl.supportedValuesOf === 'function'
      ? Intl.supportedValuesOf('timeZone')
      : [];
  const others = [...new Set([zone, ...known])].filter(z => z !== 'UTC');
  return ['UTC', ...others.sort((a, b) => a.localeCompare(b))];
}

/**
 * A wall-clock time as a `datetime-local` input holds it
 * (`2025-06-10T10:00`), read in `zone`, as an ISO 8601 UTC time. A time a
 * daylight-saving change skips moves forward, as clocks do.
 */
export function wallTimeToUtc(
  wallTime: string,
  zone: string,
): string | undefined {
  const time = DateTime.fromISO(wallTime, { zone });
  return time.isValid ? time.toUTC().toISO()! : undefined;
}

/** An ISO 8601 time as a `datetime-local` value in `zone`; seconds only when set. */
export function utcToWallTime(time: string, zone: string): string {
  const zoned = DateTime.fromISO(time, { zone: 'utc' }).setZone(zone);
  return zoned.toFormat(
    zoned.second === 0 ? "yyyy-MM-dd'T'HH:mm" : "yyyy-MM-dd'T'HH:mm:ss",
  );
}

/** An ISO 8601 time in UTC, for people: `2025-06-10 08:00 UTC`. */
export function formatUtc(time: string): string {
  const utc = DateTime.fromISO(time, { zone: 'utc' });
  return `${utc.toFormat(
    utc.second === 0 ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd HH:mm:ss',
  )} UTC`;
}
