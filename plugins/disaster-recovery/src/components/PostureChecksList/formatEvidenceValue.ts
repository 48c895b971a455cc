import {
  formatDuration,
  parseGoDuration,
  type EvidenceValue,
} from '@dr-posture/plugin-disaster-recovery-common';

/** A Go duration as Velero writes one (`720h0m0s`), not a bare number. */
const GO_DURATION = /^[+-]?(\d+(\.\d*)?|\.\d+)(ns|us|µs|ms|s|m|h)/;

/**
 * An evidence value for people. Checks keep durations in milliseconds under
 * keys ending in `Ms`, and pass on Go durations as Velero wrote them; both
 * are shown as durations (`30 days`, not `720h0m0s`).
 */
export function formatEvidenceValue(key: string, value: EvidenceValue): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'number' && key.endsWith('Ms')) {
    return formatDuration(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string' && GO_DURATION.test(value)) {
    const duration = parseGoDuration(value);
    if (duration.ok) return formatDuration(duration.milliseconds);
  }
  return String(value);
}
