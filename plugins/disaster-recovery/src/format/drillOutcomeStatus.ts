/**
 * The status colour of a last drill's outcome. An incomplete drill lacks
 * evidence its kind needs: it proves no recovery, but nothing failed.
 */
export const DRILL_OUTCOME_STATUS = {
  succeeded: 'pass',
  failed: 'fail',
  incomplete: 'warn',
} as const;
