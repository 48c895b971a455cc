import { browserTimeZone } from '../drills/timeZones';

/** Where and how the reader reads times; the browser's own by default. */
export interface TimeFormatOptions {
  /** An IANA time zone; the reader's by default. */
  timeZone?: string;
  /** A BCP 47 locale; the reader's by default. */
  locale?: string;
}

/**
 * An ISO 8601 time in the reader's locale and time zone, to the minute, with
 * the zone named: `11 Jun 2025, 14:05 (Europe/Berlin)`.
 */
export function formatDateTime(
  time: string,
  options: TimeFormatOptions = {},
): string {
  const timeZone = options.timeZone ?? browserTimeZone();
  const text = new Date(time).toLocaleString(options.locale, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  });
  return `${text} (${timeZone})`;
}
