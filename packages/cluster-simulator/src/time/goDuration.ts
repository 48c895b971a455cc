import { parseGoDuration as readGoDuration } from '@dr-posture/plugin-disaster-recovery-common';

/**
 * Go `time.Duration` strings in milliseconds, read exactly as Velero reads
 * them (the same parser as the posture rules: `30d` is refused); throws
 * Go's error on bad input.
 */
export function parseGoDuration(text: string): number {
  const duration = readGoDuration(text);
  if (!duration.ok) throw new Error(duration.reason);
  return duration.milliseconds;
}
