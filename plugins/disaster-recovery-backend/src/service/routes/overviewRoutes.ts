import {
  planRestoreOrder,
  type CheckStatus,
  type OverviewResponse,
  type RestorePlanResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import {
  asList,
  decodeCursor,
  encodeCursor,
  onlyVisible,
  parseInput,
  type RouteContext,
} from './context';

const STATUSES = ['pass', 'warn', 'fail', 'unknown'] as const;

const overviewQuery = z.strictObject({
  tier: z.array(z.string().min(1)).optional(),
  status: z.array(z.enum(STATUSES)).optional(),
  owner: z.array(z.string().min(1)).optional(),
  system: z.array(z.string().min(1)).optional(),
  q: z.string().max(200).optional(),
  sort: z
    .enum([
      'name',
      'status',
      'tier',
      'owner',
      'system',
      'lastCleanBackupAt',
      'lastDrillAt',
    ])
    .optional(),
  order: z.enum(['asc', 'desc']).optional(),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const restorePlanQuery = z.strictObject({
  system: z.string().min(1).optional(),
});

function countByTierAndStatus(
  matches: Array<{ tier?: string; status: CheckStatus }>,
) {
  const counts: OverviewResponse['summary'] = {};
  for (const { tier, status } of matches) {
    const key = tier ?? 'none';
    counts[key] ??= { pass: 0, warn: 0, fail: 0, unknown: 0 } as Record<
      CheckStatus,
      number
    >;
    counts[key][status] += 1;
  }
  return counts;
}

/** The estate overview and its restore plan. */
export function overviewRoutes(context: RouteContext) {
  const router = Router();

  router.get('/overview', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const query = parseInput(
      overviewQuery,
      {
        ...req.query,
        tier: asList(req.query.tier),
        status: asList(req.query.status),
        owner: asList(req.query.owner),
        system: asList(req.query.system),
      },
      'overview query',
    );
    const offset = decodeCursor(query.cursor);
    const visible = await onlyVisible(
      context,
      credentials,
      await context.postures.listMatches(query),
      match => match.entityRef,
    );
    const body: OverviewResponse = {
      items: await context.postures.getSummaries(
        visible.slice(offset, offset + query.limit).map(m => m.entityRef),
      ),
      nextCursor:
        offset + query.limit < visible.length
          ? encodeCursor(offset + query.limit)
          : undefined,
      totalItems: visible.length,
      summary: countByTierAndStatus(visible),
    };
    res.json(body);
  });

  router.get('/restore-plan', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const { system } = parseInput(
      restorePlanQuery,
      req.query,
      'restore plan query',
    );
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
    const body: RestorePlanResponse = {
      ...plan,
      system,
      entities: Object.fromEntries(
        members.map(({ summary }) => [
          summary.entityRef,
          { title: summary.title, status: summary.status },
        ]),
      ),
    };
    res.json(body);
  });

  return router;
}
