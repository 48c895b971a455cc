import {
  overviewLocationOf,
  overviewSearchParamsOf,
  type OverviewLocation,
} from './overviewSearchParams';
import { DEFAULT_OVERVIEW_VIEW } from './overviewView';

const DEFAULT: OverviewLocation = { view: DEFAULT_OVERVIEW_VIEW, cursors: [] };

describe('overview search params', () => {
  it.each<[string, string, OverviewLocation]>([
    ['no parameter', '', DEFAULT],
    [
      'filters, search, sort, page size and pages',
      'q=pay&tier=1&tier=none&status=fail&owner=group%3Adefault%2Fteam-a&system=system%3Adefault%2Fshop&sort=lastCleanBackupAt&order=asc&pageSize=100&cursor=c2&cursor=c3',
      {
        view: {
          filters: {
            q: 'pay',
            tier: ['1', 'none'],
            status: ['fail'],
            owner: ['group:default/team-a'],
            system: ['system:default/shop'],
          },
          sort: 'lastCleanBackupAt',
          order: 'asc',
          pageSize: 100,
        },
        cursors: ['c2', 'c3'],
      },
    ],
  ])('round-trips %s', (_, search, location) => {
    expect(overviewLocationOf(new URLSearchParams(search))).toEqual(location);
    expect(overviewSearchParamsOf(location).toString()).toBe(search);
  });

  it.each([
    ['an unknown status', 'status=broken', DEFAULT],
    [
      'an unknown sort',
      'sort=evil&order=asc',
      { ...DEFAULT, view: { ...DEFAULT_OVERVIEW_VIEW, order: 'asc' as const } },
    ],
    ['a page size the pager does not offer', 'pageSize=100000', DEFAULT],
    ['an unknown order', 'order=sideways', DEFAULT],
    ['empty values', 'tier=&owner=&cursor=', DEFAULT],
  ])('ignores %s', (_, search, location) => {
    expect(overviewLocationOf(new URLSearchParams(search))).toEqual(location);
  });
});
