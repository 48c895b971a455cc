export { VerdictsTable, worstFirst, type VerdictRow } from './VerdictsTable';
