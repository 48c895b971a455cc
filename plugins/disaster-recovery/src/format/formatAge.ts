import { formatDuration } from '@dr-posture/plugin-disaster-recovery-common';

const MINUTE = 60_000;

/**
 * How far an ISO 8601 time is from now, to the minute: `3 h 5 min ago`,
 * `in 2 h` for a time still to come (never "ago"), `less than a minute
 * ago`. Use it through {@link RelativeTime}, which adds the absolute time.
 */
export function formatAge(time: string, now: number = Date.now()): string {
  const milliseconds = now - Date.parse(time);
  const minutes = Math.floor(Math.abs(milliseconds) / MINUTE) * MINUTE;
  if (milliseconds < 0) {
    return minutes === 0
      ? 'in less than a minute'
      : `in ${formatDuration(minutes)}`;
  }
  return minutes === 0
    ? 'less than a minute ago'
    : `${formatDuration(minutes)} ago`;
}
