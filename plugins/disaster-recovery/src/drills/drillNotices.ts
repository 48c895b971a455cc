import type { RecordedDrill } from '@dr-posture/plugin-disaster-recovery-common';

/**
 * The notice after a drill was recorded: that it was, and how it counts,
 * as the backend judged it.
 */
export function recordedDrillNotice(
  drill: RecordedDrill,
  corrected: boolean,
): string {
  const { outcome, reasons } = drill.effectiveOutcome;
  const done = corrected
    ? 'Correction recorded; the earlier record is superseded and no longer counts.'
    : 'Drill recorded.';
  const why = reasons.length > 0 ? `: ${reasons.join('; ')}` : '';
  return `${done} It counts as ${outcome}${why}.`;
}
