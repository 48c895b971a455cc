import type { EstateHistoryDay } from '@dr-posture/plugin-disaster-recovery-common';
import type {
  EstateStanding,
  RpoStanding,
} from '../../database/DatabasePostureHistoryStore';

/** A UTC day in epoch ms. */
export const DAY_MS = 86_400_000;

type Tally = EstateHistoryDay['tiers'][string];

/** The worst standing first: a breach at any time of a day makes the day's. */
const WORST_FIRST: readonly RpoStanding[] = ['breached', 'unknown', 'within'];

/**
 * Per UTC day from `fromDay` to `toDay` (epoch ms of midnights), the
 * entities of each tier by their standing against the RPO that day: an
 * entity counts as within its RPO on a day only if it stood within it all
 * the time it was evaluated that day. `now` ends today. `standings` are in
 * time order per entity, as the history lists them.
 */
export function estateRpoDays(
  standings: readonly EstateStanding[],
  options: { fromDay: number; toDay: number; now: number; tiers?: string[] },
): EstateHistoryDay[] {
  const byEntity = new Map<string, EstateStanding[]>();
  for (const standing of standings) {
    const list = byEntity.get(standing.entityRef) ?? [];
    list.push(standing);
    byEntity.set(standing.entityRef, list);
  }
  const days: EstateHistoryDay[] = [];
  for (let day = options.fromDay; day <= options.toDay; day += DAY_MS) {
    days.push({ date: new Date(day).toISOString().slice(0, 10), tiers: {} });
  }
  for (const timeline of byEntity.values()) {
    days.forEach((day, i) => {
      const start = options.fromDay + i * DAY_MS;
      const end = Math.min(start + DAY_MS, options.now);
      // The standings in effect at some time of [start, end).
      const during = timeline.filter(
        (s, k) =>
          s.at < end &&
          (timeline[k + 1]?.at ?? Infinity) > start &&
          s.rpoStanding,
      );
      if (during.length === 0) return;
      const standing = WORST_FIRST.find(w =>
        during.some(s => s.rpoStanding === w),
      )!;
      const tier = during[during.length - 1].tier ?? 'none';
      if (options.tiers && !options.tiers.includes(tier)) return;
      const tally: Tally = (day.tiers[tier] ??= {
        entities: 0,
        withinRpo: 0,
        breached: 0,
        unknown: 0,
        withinRpoShare: 0,
      });
      tally.entities += 1;
      if (standing === 'within') tally.withinRpo += 1;
      else if (standing === 'breached') tally.breached += 1;
      else tally.unknown += 1;
      tally.withinRpoShare = tally.withinRpo / tally.entities;
    });
  }
  return days;
}
