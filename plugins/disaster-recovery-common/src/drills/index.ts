export { drillRecordSchema } from './drillRecord';
export type {
  DrillEvidence,
  DrillKind,
  DrillRecord,
  DrillVerification,
} from './drillRecord';
export { drillHistory } from './drillHistory';
export type { DrillHistoryEntry } from './drillHistory';
export { effectiveDrillOutcome } from './effectiveDrillOutcome';
export type { EffectiveDrillOutcome } from './effectiveDrillOutcome';
export { DRILL_LABEL, findVeleroRestoreTests } from './veleroRestoreTests';
export type { VeleroRestoreTest } from './veleroRestoreTests';
