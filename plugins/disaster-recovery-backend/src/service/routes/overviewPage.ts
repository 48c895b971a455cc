import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type {
  CheckStatus,
  OverviewQuery,
  OverviewResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import {
  offsetCursor,
  onlyVisible,
  readOffset,
  type RouteContext,
} from './context';

function countByTierAndStatus(
  matches: Array<{ tier?: string; status: CheckStatus }>,
) {
  const counts: OverviewResponse['summary'] = {};
  for (const { tier, status } of matches) {
    const key = tier ?? 'none';
    counts[key] ??= { pass: 0, warn: 0, fail: 0, unknown: 0 };
    counts[key][status] += 1;
  }
  return counts;
}

/**
 * One page of the evaluated entities the caller may read, as `GET /overview`
 * and the `list-findings` action answer it. Paging and counting happen after
 * the catalog's visibility filter, so an entity the caller may not read is
 * neither listed nor counted.
 */
export async function overviewPage(
  context: Pick<RouteContext, 'catalog' | 'postures' | 'cursors'>,
  credentials: BackstageCredentials,
  query: OverviewQuery,
): Promise<OverviewResponse> {
  const { cursor, limit = 50, tier, status, owner, system, q } = query;
  const { sort, order } = query;
  // An offset means something only in the order and filters it came from.
  const boundTo = ['overview', tier, status, owner, system, q, sort, order];
  const offset = readOffset(context, cursor, boundTo);
  const visible = await onlyVisible(
    context,
    credentials,
    await context.postures.listMatches(query),
    match => match.entityRef,
  );
  return {
    items: await context.postures.getSummaries(
      visible.slice(offset, offset + limit).map(m => m.entityRef),
    ),
    nextCursor:
      offset + limit < visible.length
        ? offsetCursor(context, offset + limit, boundTo)
        : undefined,
    totalItems: visible.length,
    summary: countByTierAndStatus(visible),
  };
}
