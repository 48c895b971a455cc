import type {
  CheckStatus,
  OverviewQuery,
} from '@dr-posture/plugin-disaster-recovery-common';

/** The filters of the overview as the user set them. */
export interface OverviewFilters {
  tier: string[];
  status: CheckStatus[];
  owner: string[];
  system: string[];
  /** Free-text search over name, title, owner and system. */
  q: string;
}

/** A column the overview can be sorted by. */
export type OverviewSort = NonNullable<OverviewQuery['sort']>;

/** What the overview table shows: filters, sort and page size, without the page. */
export interface OverviewView {
  filters: OverviewFilters;
  sort: OverviewSort;
  order: 'asc' | 'desc';
  pageSize: number;
}

/** No filter, worst status first. */
export const DEFAULT_OVERVIEW_VIEW: OverviewView = {
  filters: { tier: [], status: [], owner: [], system: [], q: '' },
  sort: 'status',
  order: 'desc',
  pageSize: 50,
};

/** The query of a view without its page: for the table and the CSV export. */
export function overviewQueryOf(
  view: OverviewView,
): Omit<OverviewQuery, 'cursor' | 'limit'> {
  const { filters } = view;
  return {
    tier: filters.tier,
    status: filters.status,
    owner: filters.owner,
    system: filters.system,
    q: filters.q.trim() || undefined,
    sort: view.sort,
    order: view.order,
  };
}

/** Whether any filter narrows the view. */
export function hasOverviewFilters(filters: OverviewFilters): boolean {
  return (
    filters.tier.length +
      filters.status.length +
      filters.owner.length +
      filters.system.length >
      0 || filters.q.trim() !== ''
  );
}

/**
 * The filters in words, for saying what the tiles count: `tier 1 or 2;
 * status Failing; owner Team A (team-a); search "pay"`. `labels.ref` names an
 * owner or system ref as the filter offers it.
 */
export function describeOverviewFilters(
  filters: OverviewFilters,
  labels: {
    status: (status: CheckStatus) => string;
    ref: (ref: string) => string;
  },
): string {
  const parts: string[] = [];
  const add = (name: string, values: string[]) => {
    if (values.length) parts.push(`${name} ${values.join(' or ')}`);
  };
  add('tier', filters.tier);
  add('status', filters.status.map(labels.status));
  add('owner', filters.owner.map(labels.ref));
  add('system', filters.system.map(labels.ref));
  if (filters.q.trim()) parts.push(`search "${filters.q.trim()}"`);
  return parts.join('; ');
}
