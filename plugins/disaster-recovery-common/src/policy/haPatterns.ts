import type { HaPattern } from './types';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A planning range: the fastest and slowest a pattern is expected to recover
 * (RTO) or the least and most data it is expected to lose (RPO).
 *
 * @public
 */
export interface PlanningRange {
  bestMs: number;
  worstMs: number;
}

/**
 * What an HA pattern can be expected to achieve. Patterns without ranges
 * (`cloud-native`, `hot-hot`) fail over without a restore: how fast depends
 * on the estate, so their targets can be judged only once it proves the
 * pattern.
 *
 * @public
 */
export interface HaPatternProfile {
  description: string;
  /** What the estate must show before the pattern can be believed. */
  proof: string;
  rto?: PlanningRange;
  rpo?: PlanningRange;
}

/**
 * The planning ranges of the HA patterns, from the product design.
 *
 * @public
 */
export const HA_PATTERNS: Readonly<Record<HaPattern, HaPatternProfile>> = {
  'cloud-native': {
    description:
      'in-region managed HA; a region loss still needs a restore from an off-site copy',
    proof: 'multi-zone placement and database HA',
  },
  'hot-warm': {
    description: 'a scaled-down standby is promoted',
    proof: 'a standby in another failure domain',
    rto: { bestMs: 30 * MINUTE, worstMs: 180 * MINUTE },
    rpo: { bestMs: 5 * MINUTE, worstMs: 60 * MINUTE },
  },
  'hot-cold': {
    description: 'the standby site is built and restored from backups',
    proof: 'backups outside the region',
    rto: { bestMs: 8 * HOUR, worstMs: 72 * HOUR },
    rpo: { bestMs: 4 * HOUR, worstMs: 24 * HOUR },
  },
  'hot-hot': {
    description: 'active-active; traffic moves to the surviving site',
    proof: 'two active regions',
  },
};
