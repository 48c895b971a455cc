import { postureStatusLabel } from '../components/PostureStatus';
import {
  DEFAULT_OVERVIEW_VIEW,
  describeOverviewFilters,
  type OverviewFilters,
} from './overviewView';

const labels = {
  status: postureStatusLabel,
  ref: (ref: string) => (ref === 'group:default/team-a' ? 'Team A' : ref),
};
const none = DEFAULT_OVERVIEW_VIEW.filters;

describe('describeOverviewFilters', () => {
  it.each<[Partial<OverviewFilters>, string]>([
    [{}, ''],
    [{ tier: ['1', 'none'] }, 'tier 1 or none'],
    [{ status: ['fail', 'warn'] }, 'status Failing or Warning'],
    [
      { owner: ['group:default/team-a'], system: ['system:default/shop'] },
      'owner Team A; system system:default/shop',
    ],
    [{ q: '  pay ' }, 'search "pay"'],
    [{ q: '   ' }, ''],
  ])('%j reads "%s"', (filters, words) => {
    expect(describeOverviewFilters({ ...none, ...filters }, labels)).toBe(
      words,
    );
  });
});
