import { estateRpoTrendOf } from './estateRpoTrend';

const tier = (entities: number, withinRpo: number) => ({
  entities,
  withinRpo,
  breached: entities - withinRpo,
  unknown: 0,
  withinRpoShare: entities ? withinRpo / entities : 0,
});

describe('estateRpoTrendOf', () => {
  it('charts each tier as a percentage per day and sums the period', () => {
    const { points, tiers } = estateRpoTrendOf([
      { date: '2026-11-29', tiers: { '2': tier(4, 4), '1': tier(3, 2) } },
      { date: '2026-11-30', tiers: { none: tier(1, 0), '1': tier(3, 3) } },
      { date: '2026-12-01', tiers: {} },
    ]);

    expect(points).toEqual([
      { date: '2026-11-29', '1': 66.7, '2': 100 },
      { date: '2026-11-30', '1': 100, none: 0 },
      { date: '2026-12-01' },
    ]);
    expect(tiers).toEqual([
      { tier: '1', share: 5 / 6 },
      { tier: '2', share: 1 },
      { tier: 'none', share: 0 },
    ]);
  });

  it('leaves out a tier on a day it had no entities', () => {
    expect(
      estateRpoTrendOf([{ date: '2026-12-01', tiers: { '1': tier(0, 0) } }]),
    ).toEqual({ points: [{ date: '2026-12-01' }], tiers: [] });
  });
});
