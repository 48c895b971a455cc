import type { PostureHistoryItem } from '@dr-posture/plugin-disaster-recovery-common';
import { dailyStatusesOf, failingSinceOf } from './postureTrend';

function change(
  at: string,
  status: PostureHistoryItem['status'],
  previousStatus?: PostureHistoryItem['status'],
): PostureHistoryItem {
  return { at, status, previousStatus, checks: [] };
}

const FROM = '2026-11-28';

describe('failingSinceOf', () => {
  it.each<[string, PostureHistoryItem[], ReturnType<typeof failingSinceOf>]>([
    ['no history', [], undefined],
    [
      'passing now',
      [change('2026-11-30T10:00:00Z', 'pass', 'fail')],
      undefined,
    ],
    [
      'failing since it turned, through check changes',
      [
        change('2026-11-30T12:00:00Z', 'fail', 'fail'),
        change('2026-11-30T10:00:00Z', 'fail', 'warn'),
        change('2026-11-29T10:00:00Z', 'warn', 'pass'),
      ],
      { at: '2026-11-30T10:00:00Z' },
    ],
    [
      'failing from before the history read',
      [change('2026-11-30T12:00:00Z', 'fail', 'fail')],
      { before: FROM },
    ],
    [
      'no longer evaluated',
      [change('2026-11-30T12:00:00Z', undefined, 'fail')],
      undefined,
    ],
  ])('%s', (_, items, expected) => {
    expect(failingSinceOf(items, FROM)).toEqual(expected);
  });
});

describe('dailyStatusesOf', () => {
  it('takes the worst status of each day, carried over quiet days', () => {
    const items = [
      change('2026-11-30T18:00:00Z', 'pass', 'fail'),
      change('2026-11-30T06:00:00Z', 'fail', 'warn'),
      change('2026-11-29T06:00:00Z', 'warn', 'pass'),
    ];
    expect(dailyStatusesOf(items, FROM, 4)).toEqual([
      { date: '2026-11-28', status: 'pass' },
      { date: '2026-11-29', status: 'warn' },
      { date: '2026-11-30', status: 'fail' },
      { date: '2026-12-01', status: 'pass' },
    ]);
  });

  it('knows nothing before a first evaluation', () => {
    const items = [change('2026-11-29T06:00:00Z', 'pass')];
    expect(dailyStatusesOf(items, FROM, 2)).toEqual([
      { date: '2026-11-28', status: undefined },
      { date: '2026-11-29', status: 'pass' },
    ]);
  });
});
