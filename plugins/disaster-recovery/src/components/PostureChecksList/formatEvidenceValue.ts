import {
  formatDuration,
  type EvidenceValue,
} from '@dr-posture/plugin-disaster-recovery-common';

/**
 * An evidence value for people. Checks keep durations in milliseconds under
 * keys ending in `Ms`; those are shown as durations.
 */
export function formatEvidenceValue(key: string, value: EvidenceValue): string {
  if (value === null) return 'none';
  if (Array.isArray(value)) return value.length ? value.join(', ') : 'none';
  if (typeof value === 'number' && key.endsWith('Ms')) {
    return formatDuration(value);
  }
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}
