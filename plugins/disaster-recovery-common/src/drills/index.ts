export { controlCharacterProblems } from './controlCharacters';
export type { InputProblem } from './controlCharacters';
export { achievedRpoOf, derivedRpoOf } from './derivedRpo';
export type { DerivedRpo } from './derivedRpo';
export { DRILL_LIMITS } from './drillLimits';
export { drillRecordSchema } from './drillRecord';
export type {
  DrillCorrections,
  DrillEvidence,
  DrillEvidenceLink,
  DrillHealthCheck,
  DrillKind,
  DrillObjectRef,
  DrillRecord,
  DrillVerification,
  DrillVoid,
} from './drillRecord';
export { drillHistory } from './drillHistory';
export type {
  DrillHistoryEntry,
  DrillHistoryOptions,
  HistoryDrill,
} from './drillHistory';
export { drillCountsAt, drillStateOf } from './drillState';
export type { DrillState } from './drillState';
export { effectiveDrillOutcome } from './effectiveDrillOutcome';
export type { EffectiveDrillOutcome } from './effectiveDrillOutcome';
export { parseDrillRecord } from './parseDrillRecord';
export { restoreTargetWarnings } from './restoreTargetWindow';
export type { DatabaseRecoveryWindow } from './restoreTargetWindow';
export type { ParsedDrillRecord } from './parseDrillRecord';
export {
  DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
  DRILL_EVIDENCE_KEYS,
  drillEvidenceTitle,
  missingDrillEvidence,
  readDrillEvidenceRequirements,
} from './requiredEvidence';
export type {
  DrillEvidenceKey,
  DrillEvidenceRequirements,
} from './requiredEvidence';
export { DRILL_LABEL, findVeleroRestoreTests } from './veleroRestoreTests';
export type {
  RestoreTestInputs,
  VeleroRestoreTest,
} from './veleroRestoreTests';
