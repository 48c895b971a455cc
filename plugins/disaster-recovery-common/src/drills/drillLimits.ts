const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/**
 * The limits of a recorded drill, the same in the backend's 400s and the
 * form's hints.
 *
 * @public
 */
export const DRILL_LIMITS = {
  /** Characters of one free-text field. */
  textLength: 2000,
  /** Items of one list (health checks, inventory, manual steps, links). */
  listItems: 100,
  /** Distinct entities one drill may name, the entity of the path included. */
  entityRefs: 50,
  /** How far in the future a time may be, for clocks that disagree a little. */
  futureToleranceMs: 5 * MINUTE,
  /** No drill, backup or restore target is older than this. */
  earliestTime: '2000-01-01T00:00:00.000Z',
  /** The largest achieved RTO or RPO accepted: a year. */
  maxObjectiveMs: 365 * DAY,
} as const;
