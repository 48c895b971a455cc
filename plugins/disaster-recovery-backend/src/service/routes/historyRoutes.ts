import type { PostureHistoryItem } from '@dr-posture/plugin-disaster-recovery-common';
import { InputError } from '@backstage/errors';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { PostureRevision } from '../../database/DatabasePostureHistoryStore';
import { invalidCursor } from '../cursors';
import { DAY_MS, estateRpoDays } from '../history/estateRpoDays';
import {
  onlyVisible,
  visibleEntity,
  type ApiRouter,
  type RouteContext,
} from './context';
import { storedPosture } from './storedPosture';
import { readTimeRange } from './timeRange';

/** The longest estate history one request may ask for, the default retention. */
const MAX_ESTATE_DAYS = 400;
const DEFAULT_ESTATE_DAYS = 30;

function itemOf(revision: PostureRevision): PostureHistoryItem {
  return {
    at: new Date(revision.at).toISOString(),
    status: revision.status,
    previousStatus: revision.previousStatus,
    tier: revision.tier,
    rpoStanding: revision.rpoStanding,
    checks: revision.checks,
  };
}

/** Epoch ms of a `YYYY-MM-DD` day (UTC), or undefined for one that is no day. */
function parseDay(value: string): number | undefined {
  const ms = Date.parse(`${value}T00:00:00.000Z`);
  return Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== value
    ? undefined
    : ms;
}

function readDays(
  query: { from?: string; to?: string },
  now: number,
): { fromDay: number; toDay: number } {
  const today = now - (now % DAY_MS);
  const problems: string[] = [];
  const read = (field: 'from' | 'to') => {
    const value = query[field];
    if (value === undefined) return undefined;
    const day = parseDay(value);
    if (day === undefined) problems.push(`${field}: is not a valid date`);
    return day;
  };
  const toDay = Math.min(read('to') ?? today, today);
  const fromDay = read('from') ?? toDay - (DEFAULT_ESTATE_DAYS - 1) * DAY_MS;
  if (problems.length === 0 && fromDay > toDay) {
    problems.push('from: is later than to (or than today)');
  }
  if (problems.length === 0 && (toDay - fromDay) / DAY_MS >= MAX_ESTATE_DAYS) {
    problems.push(`from: is more than ${MAX_ESTATE_DAYS} days before to`);
  }
  if (problems.length > 0) {
    throw new InputError(`Invalid request: ${problems.join('; ')}`);
  }
  return { fromDay, toDay };
}

/** An entity's posture changes, and the estate's standing against the RPO per day. */
export function historyRoutes(router: ApiRouter, context: RouteContext) {
  router.get(
    '/entities/:kind/:namespace/:name/posture-history',
    async (req, res) => {
      const { from, to } = readTimeRange(req.query);
      const { limit = 50 } = req.query;
      const boundTo = [
        'posture-history',
        stringifyEntityRef(req.params).toLocaleLowerCase('en-US'),
        from,
        to,
      ];
      const position = context.cursors.open(req.query.cursor, boundTo) as
        | { before?: unknown }
        | undefined;
      if (position !== undefined && !Number.isSafeInteger(position?.before)) {
        throw invalidCursor();
      }
      const credentials = await context.httpAuth.credentials(req);
      const visible = await visibleEntity(context, credentials, req.params);
      // The same answers as the posture's: 404 before its first evaluation.
      await storedPosture(context, visible);
      const revisions = await context.postureHistory.listEntity({
        entityRef: visible.entityRef,
        before: position?.before as number | undefined,
        from,
        to,
        limit: limit + 1,
      });
      const page = revisions.slice(0, limit);
      res.json({
        items: page.map(itemOf),
        nextCursor:
          revisions.length > limit
            ? context.cursors.seal(
                { before: page[page.length - 1].revision },
                boundTo,
              )
            : undefined,
      });
    },
  );

  router.get('/history', async (req, res) => {
    const now = Date.now();
    const { fromDay, toDay } = readDays(req.query, now);
    const credentials = await context.httpAuth.credentials(req);
    const standings = await context.postureHistory.listEstateStandings({
      from: fromDay,
      to: Math.min(toDay + DAY_MS, now),
    });
    const refs = [...new Set(standings.map(s => s.entityRef))];
    const visible = new Set(
      await onlyVisible(context, credentials, refs, ref => ref),
    );
    res.json({
      from: new Date(fromDay).toISOString().slice(0, 10),
      to: new Date(toDay).toISOString().slice(0, 10),
      days: estateRpoDays(
        standings.filter(s => visible.has(s.entityRef)),
        { fromDay, toDay, now, tiers: req.query.tier },
      ),
    });
  });
}
