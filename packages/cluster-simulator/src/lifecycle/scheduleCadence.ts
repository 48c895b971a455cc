import { CronExpressionParser } from 'cron-parser';
import { parseGoDuration } from '../time/goDuration.ts';

/**
 * When schedules fire. Velero reads `spec.schedule` with robfig/cron's
 * standard parser: five fields, `@hourly`-style descriptors, `@every <Go
 * duration>`, and an optional `CRON_TZ=<zone> ` (or `TZ=`) prefix.
 * CloudNativePG's ScheduledBackup uses six fields with seconds first, though
 * five-field strings are met in the wild and are read as minute-first.
 */

/** A parsed cadence: the next fire time strictly after `after`. */
export type Cadence = (after: number) => number;

const DESCRIPTORS = new Set([
  '@yearly',
  '@annually',
  '@monthly',
  '@weekly',
  '@daily',
  '@midnight',
  '@hourly',
]);

/**
 * Next fire times already computed, per expression and time zone. Many
 * schedules share an expression (every scale schedule is hourly), so they
 * share the (costly) cron arithmetic too.
 */
const nextFireCache = new Map<string, number>();

function cronCadence(expression: string, tz: string | undefined): Cadence {
  // Parse once up front so that an invalid expression fails here.
  CronExpressionParser.parse(expression, { tz });
  const prefix = `${tz ?? ''}|${expression}|`;
  return after => {
    const key = prefix + after;
    let next = nextFireCache.get(key);
    if (next === undefined) {
      next = CronExpressionParser.parse(expression, {
        currentDate: new Date(after),
        tz,
      })
        .next()
        .getTime();
      if (nextFireCache.size >= 100_000) {
        nextFireCache.clear();
      }
      nextFireCache.set(key, next);
    }
    return next;
  };
}

function isKnownTimeZone(zone: string): boolean {
  try {
    return (
      Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions()
        .timeZone !== undefined
    );
  } catch {
    return false;
  }
}

function splitTimeZone(schedule: string): { tz?: string; expression: string } {
  const match = /^(?:CRON_TZ|TZ)=(\S+)\s+(.*)$/.exec(schedule.trim());
  if (match) {
    // Rejects unknown zones the way Go's time.LoadLocation would.
    if (!isKnownTimeZone(match[1])) {
      throw new Error(`unknown time zone ${match[1]}`);
    }
    return { tz: match[1], expression: match[2].trim() };
  }
  return { expression: schedule.trim() };
}

/**
 * Parses a Velero Schedule's `spec.schedule`. `anchor` is when an `@every`
 * schedule counts from (its last backup, else its creation).
 *
 * @throws Error with the reason when the schedule is invalid.
 */
export function veleroCadence(schedule: string, anchor: number): Cadence {
  const { tz, expression } = splitTimeZone(schedule);
  if (expression.startsWith('@every ')) {
    const interval = parseGoDuration(expression.slice('@every '.length));
    // robfig/cron rounds @every intervals below a second up to one second.
    const step = Math.max(1000, Math.floor(interval / 1000) * 1000);
    return after => anchor + (Math.floor((after - anchor) / step) + 1) * step;
  }
  if (expression.startsWith('@')) {
    if (!DESCRIPTORS.has(expression)) {
      throw new Error(`unrecognized descriptor: ${expression}`);
    }
    return cronCadence(expression, tz);
  }
  const fields = expression.split(/\s+/).length;
  if (fields !== 5) {
    throw new Error(
      `expected exactly 5 fields, found ${fields}: ${expression}`,
    );
  }
  return cronCadence(expression, tz);
}

/**
 * Parses a CloudNativePG ScheduledBackup's `spec.schedule` (six fields,
 * seconds first; five fields read as minute-first).
 *
 * @throws Error with the reason when the schedule is invalid.
 */
export function cnpgCadence(schedule: string): Cadence {
  const { tz, expression } = splitTimeZone(schedule);
  const fields = expression.split(/\s+/).length;
  if (!expression.startsWith('@') && fields !== 5 && fields !== 6) {
    throw new Error(`expected 5 or 6 fields, found ${fields}: ${expression}`);
  }
  return cronCadence(expression, tz);
}
