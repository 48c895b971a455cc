import { formatDuration } from '@dr-posture/plugin-disaster-recovery-common';

/**
 * How long ago an ISO 8601 time was, for people: `3 h 5 min ago`, or
 * `in 2 h` for a time still to come.
 */
export function formatAge(time: string, now: number = Date.now()): string {
  const milliseconds = now - Date.parse(time);
  return milliseconds < 0
    ? `in ${formatDuration(milliseconds)}`
    : `${formatDuration(milliseconds)} ago`;
}
