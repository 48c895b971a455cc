export type { Check, CheckStatus, EvidenceRef, EvidenceValue } from './types';
export {
  describeRef,
  refOf,
  type AvailabilityThresholds,
  type PostureContext,
} from './context';
export {
  defineCheck,
  evidenceOf,
  findCheck,
  verdict,
  type CheckDefinition,
  type CheckEvidence,
  type CheckRule,
  type ScorecardDecision,
  type Verdict,
} from './definition';
export type { RecencyEvidence } from './exercises';
export { judgeStandbyParity } from './standbyReadiness';
export {
  builtInCheck,
  CHECK_DEFINITIONS,
  CHECK_IDS,
  CHECK_TITLES,
  type BuiltInCheck,
  type CheckId,
} from './registry';
