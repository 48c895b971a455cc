import {
  planRestoreOrder,
  type CheckStatus,
  type OverviewResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import {
  decodeCursor,
  encodeCursor,
  onlyVisible,
  type ApiRouter,
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

/** The estate overview and its restore plan. */
export function overviewRoutes(router: ApiRouter, context: RouteContext) {
  router.get('/overview', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const limit = req.query.limit ?? 50;
    const offset = decodeCursor(req.query.cursor);
    const visible = await onlyVisible(
      context,
      credentials,
      await context.postures.listMatches(req.query),
      match => match.entityRef,
    );
    res.json({
      items: await context.postures.getSummaries(
        visible.slice(offset, offset + limit).map(m => m.entityRef),
      ),
      nextCursor:
        offset + limit < visible.length
          ? encodeCursor(offset + limit)
          : undefined,
      totalItems: visible.length,
      summary: countByTierAndStatus(visible),
    });
  });

  router.get('/restore-plan', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const { system } = req.query;
    const all = await onlyVisible(
      context,
      credentials,
      await context.postures.listForRestorePlan(),
      entry => entry.summary.entityRef,
    );
    const members = system ? all.filter(e => e.summary.system === system) : all;
    const plan = planRestoreOrder(
      members.map(({ summary, dependsOn }) => ({
        entityRef: summary.entityRef,
        tier: summary.tier,
        dependsOn,
      })),
      context.policies,
    );
    res.json({
      ...plan,
      system,
      entities: Object.fromEntries(
        members.map(({ summary }) => [
          summary.entityRef,
          { title: summary.title, status: summary.status },
        ]),
      ),
    });
  });
}
