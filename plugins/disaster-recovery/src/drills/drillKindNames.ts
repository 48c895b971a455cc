import type { DrillKind } from '@dr-posture/plugin-disaster-recovery-common';

/** How a drill kind is named as a title: `Restore test`. */
export const DRILL_KIND_TITLES: Record<DrillKind, string> = {
  'restore-test': 'Restore test',
  'dr-drill': 'DR drill',
  'full-dr-test': 'Full DR test',
  'failover-drill': 'Failover drill',
};

/** How a drill kind is named within a sentence: `restore test`, `DR drill`. */
export function drillKindInSentence(kind: DrillKind): string {
  return DRILL_KIND_TITLES[kind].replace(/^[A-Z](?=[a-z])/, first =>
    first.toLowerCase(),
  );
}
