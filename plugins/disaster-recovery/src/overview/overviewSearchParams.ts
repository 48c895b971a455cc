import type { CheckStatus } from '@dr-posture/plugin-disaster-recovery-common';
import {
  DEFAULT_OVERVIEW_VIEW,
  type OverviewSort,
  type OverviewView,
} from './overviewView';

/** The page sizes the pager offers; anything else in a URL is ignored. */
export const OVERVIEW_PAGE_SIZES = [25, 50, 100];

const STATUSES: CheckStatus[] = ['fail', 'warn', 'unknown', 'pass'];
const SORTS: OverviewSort[] = [
  'name',
  'status',
  'tier',
  'owner',
  'system',
  'lastCleanBackupAt',
  'lastDrillAt',
];

/** The overview's view and the server cursors of the pages visited. */
export interface OverviewLocation {
  view: OverviewView;
  /** One cursor per page after the first; empty on the first page. */
  cursors: string[];
}

function oneOf<T extends string>(
  value: string | null,
  allowed: readonly T[],
): T | undefined {
  return allowed.find(a => a === value);
}

/**
 * The overview's view as a URL says it. Unknown or malformed values fall
 * back to the default, so an edited or old link still opens.
 */
export function overviewLocationOf(params: URLSearchParams): OverviewLocation {
  const defaults = DEFAULT_OVERVIEW_VIEW;
  const pageSize = Number(params.get('pageSize'));
  return {
    view: {
      filters: {
        tier: params.getAll('tier').filter(Boolean),
        status: params.getAll('status').flatMap(s => oneOf(s, STATUSES) ?? []),
        owner: params.getAll('owner').filter(Boolean),
        system: params.getAll('system').filter(Boolean),
        q: params.get('q') ?? '',
      },
      sort: oneOf(params.get('sort'), SORTS) ?? defaults.sort,
      order: oneOf(params.get('order'), ['asc', 'desc']) ?? defaults.order,
      pageSize: OVERVIEW_PAGE_SIZES.includes(pageSize)
        ? pageSize
        : defaults.pageSize,
    },
    cursors: params.getAll('cursor').filter(Boolean),
  };
}

/** The URL search parameters of a view; defaults are left out. */
export function overviewSearchParamsOf(
  location: OverviewLocation,
): URLSearchParams {
  const { view, cursors } = location;
  const defaults = DEFAULT_OVERVIEW_VIEW;
  const params = new URLSearchParams();
  const { filters } = view;
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const key of ['tier', 'status', 'owner', 'system'] as const)
    for (const value of filters[key]) params.append(key, value);
  if (view.sort !== defaults.sort || view.order !== defaults.order) {
    params.set('sort', view.sort);
    params.set('order', view.order);
  }
  if (view.pageSize !== defaults.pageSize)
    params.set('pageSize', String(view.pageSize));
  for (const cursor of cursors) params.append('cursor', cursor);
  return params;
}
