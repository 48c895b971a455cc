const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function days(count: number): string {
  return count === 1 ? '1 day' : `${count} days`;
}

function join(major: string, minorCount: number, minor: string): string {
  return minorCount === 0 ? major : `${major} ${minorCount} ${minor}`;
}

/**
 * Formats a duration in milliseconds for people: the two largest adjacent
 * units, rounded down — `45 s`, `2 min 30 s`, `2 h 5 min`, `3 days`,
 * `1 day 4 h`. Rounding down keeps the text honest about ages (a backup 59
 * minutes old is never shown as an hour old); sentences that compare a value
 * with a limit state the excess separately, so one second over a one-hour
 * objective still reads as over it.
 *
 * Negative input is formatted by its magnitude; below one second it is
 * `0 s`.
 *
 * @public
 */
export function formatDuration(milliseconds: number): string {
  const total = Math.abs(milliseconds);
  if (total >= DAY) {
    const wholeDays = Math.floor(total / DAY);
    return join(days(wholeDays), Math.floor((total % DAY) / HOUR), 'h');
  }
  if (total >= HOUR) {
    const hours = Math.floor(total / HOUR);
    return join(`${hours} h`, Math.floor((total % HOUR) / MINUTE), 'min');
  }
  if (total >= MINUTE) {
    const minutes = Math.floor(total / MINUTE);
    return join(`${minutes} min`, Math.floor((total % MINUTE) / SECOND), 's');
  }
  return `${Math.floor(total / SECOND)} s`;
}
