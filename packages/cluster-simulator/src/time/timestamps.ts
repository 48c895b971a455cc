/** Kubernetes timestamps: RFC 3339 in UTC with whole seconds. */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Milliseconds per unit, for readable arithmetic in scenarios. */
export const Millis = { second: 1000, minute: MINUTE, hour: HOUR, day: DAY };

const recentTimestamps = new Map<number, string>();

/**
 * Formats a time as `2024-05-01T02:00:00Z`, the form the API server uses for
 * metav1.Time (seconds precision, no fraction).
 */
export function kubeTimestamp(ms: number): string {
  const second = Math.floor(ms / 1000);
  let text = recentTimestamps.get(second);
  if (text === undefined) {
    text = `${new Date(second * 1000).toISOString().slice(0, 19)}Z`;
    // Many objects share fire times; reusing the strings saves memory.
    if (recentTimestamps.size >= 8192) {
      recentTimestamps.clear();
    }
    recentTimestamps.set(second, text);
  }
  return text;
}

/**
 * The `20060102150405` stamp that Velero and CloudNativePG append to the
 * names of backups made by a schedule.
 */
export function compactTimestamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace(/[-T:]/g, '');
}
