export { CHECK_IDS } from './types';
export type {
  Check,
  CheckId,
  CheckStatus,
  EvidenceRef,
  EvidenceValue,
} from './types';
export { CHECK_TITLES } from './checkTitles';
