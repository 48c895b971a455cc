import type { EstateHistoryDay } from '@dr-posture/plugin-disaster-recovery-common';
import { tierOrder } from '../../overview/tierOrder';

/** A day of the chart: the share (0–100 %) within RPO per tier id; absent without entities. */
export type TrendPoint = { date: string } & Record<string, number | string>;

/** The days to chart: today and the 89 before it. */
export const TREND_DAYS = 90;

/**
 * The estate history as chart points and the tiers seen, with each tier's
 * share within RPO over the whole period (entity-days within over
 * entity-days evaluated) for the text that stands in for the chart.
 */
export function estateRpoTrendOf(days: EstateHistoryDay[]): {
  points: TrendPoint[];
  tiers: Array<{ tier: string; share?: number }>;
} {
  const totals = new Map<string, { within: number; entities: number }>();
  const points = days.map(day => {
    const point: TrendPoint = { date: day.date };
    for (const [tier, counts] of Object.entries(day.tiers)) {
      if (counts.entities === 0) continue;
      point[tier] = Math.round(counts.withinRpoShare * 1000) / 10;
      const total = totals.get(tier) ?? { within: 0, entities: 0 };
      total.within += counts.withinRpo;
      total.entities += counts.entities;
      totals.set(tier, total);
    }
    return point;
  });
  const tiers = [...totals.keys()].sort(tierOrder).map(tier => {
    const { within, entities } = totals.get(tier)!;
    return { tier, share: entities ? within / entities : undefined };
  });
  return { points, tiers };
}
