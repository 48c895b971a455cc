import type { EstateStanding } from '../../database/DatabasePostureHistoryStore';
import { DAY_MS, estateRpoDays } from './estateRpoDays';

const D0 = Date.parse('2026-12-01T00:00:00.000Z');
const HOUR = 3_600_000;

function standing(
  name: string,
  at: number,
  rpoStanding: EstateStanding['rpoStanding'],
  /** null: no tier declared. */
  tier: string | null = '1',
): EstateStanding {
  return {
    entityRef: `component:default/${name}`,
    at,
    tier: tier ?? undefined,
    rpoStanding,
  };
}

describe('estateRpoDays', () => {
  const options = {
    fromDay: D0,
    toDay: D0 + 2 * DAY_MS,
    now: D0 + 2 * DAY_MS + 12 * HOUR,
  };

  it.each<
    [
      string,
      EstateStanding[],
      Array<Record<string, [number, number, number, number]>>,
    ]
  >([
    ['no history, no entities', [], [{}, {}, {}]],
    [
      'within all along',
      [standing('a', D0, 'within')],
      [{ '1': [1, 1, 0, 0] }, { '1': [1, 1, 0, 0] }, { '1': [1, 1, 0, 0] }],
    ],
    [
      'a breach for an hour makes the whole day breached, and the next day within',
      [
        standing('a', D0, 'within'),
        standing('a', D0 + DAY_MS + 3 * HOUR, 'breached'),
        standing('a', D0 + DAY_MS + 4 * HOUR, 'within'),
      ],
      [{ '1': [1, 1, 0, 0] }, { '1': [1, 0, 1, 0] }, { '1': [1, 1, 0, 0] }],
    ],
    [
      'unknown is never within; a breach outranks it',
      [
        standing('a', D0, 'unknown'),
        standing('a', D0 + DAY_MS + HOUR, 'breached'),
        standing('a', D0 + 2 * DAY_MS, 'within'),
      ],
      [{ '1': [1, 0, 0, 1] }, { '1': [1, 0, 1, 0] }, { '1': [1, 1, 0, 0] }],
    ],
    [
      'evaluated from the second day, gone on the third, counted by the tier at the day end',
      [
        standing('b', D0 + DAY_MS + HOUR, 'within', '2'),
        standing('b', D0 + DAY_MS + 2 * HOUR, 'within', null),
        standing('b', D0 + 2 * DAY_MS + HOUR, undefined, null),
      ],
      [{}, { none: [1, 1, 0, 0] }, { none: [1, 1, 0, 0] }],
    ],
    [
      'today ends now: a breach planned after it does not count',
      [
        standing('a', D0, 'within'),
        standing('a', D0 + 2 * DAY_MS + 13 * HOUR, 'breached'),
      ],
      [{ '1': [1, 1, 0, 0] }, { '1': [1, 1, 0, 0] }, { '1': [1, 1, 0, 0] }],
    ],
  ])('%s', (_name, standings, expected) => {
    const days = estateRpoDays(standings, options);
    expect(days.map(d => d.date)).toEqual([
      '2026-12-01',
      '2026-12-02',
      '2026-12-03',
    ]);
    expect(
      days.map(d =>
        Object.fromEntries(
          Object.entries(d.tiers).map(([tier, t]) => [
            tier,
            [t.entities, t.withinRpo, t.breached, t.unknown],
          ]),
        ),
      ),
    ).toEqual(expected);
  });

  it('gives the share within the RPO per tier, and keeps only the tiers asked for', () => {
    const standings = [
      standing('a', D0, 'within'),
      standing('b', D0, 'breached'),
      standing('c', D0, 'within'),
      standing('d', D0, 'within', '3'),
    ];
    const [day] = estateRpoDays(standings, { ...options, toDay: D0 });
    expect(day.tiers['1'].withinRpoShare).toBeCloseTo(2 / 3);
    expect(day.tiers['3'].withinRpoShare).toBe(1);
    const [only] = estateRpoDays(standings, {
      ...options,
      toDay: D0,
      tiers: ['3'],
    });
    expect(Object.keys(only.tiers)).toEqual(['3']);
  });
});
