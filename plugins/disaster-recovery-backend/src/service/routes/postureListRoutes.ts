import { InputError } from '@backstage/errors';
import type { PostureListResponse } from '@dr-posture/plugin-disaster-recovery-common';
import Router from 'express-promise-router';
import { z } from 'zod';
import { onlyVisible, parseInput, type RouteContext } from './context';

const postureListQuery = z.strictObject({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

const cursorSchema = z.strictObject({ after: z.string().min(1) });

/**
 * Keyset cursors (the last entity ref of the page): postures are replaced
 * every evaluation, and an offset would skip or repeat entities when one
 * comes or goes between pages.
 */
function decodeAfter(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  try {
    return cursorSchema.parse(
      JSON.parse(Buffer.from(cursor, 'base64url').toString()),
    ).after;
  } catch {
    throw new InputError(`Invalid cursor '${cursor}'`);
  }
}

/** Every evaluated posture in full, for bulk readers such as scorecards. */
export function postureListRoutes(context: RouteContext) {
  const router = Router();

  router.get('/postures', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const query = parseInput(postureListQuery, req.query, 'posture list query');
    const page = await context.postures.listDetails({
      after: decodeAfter(query.cursor),
      limit: query.limit,
    });
    const visible = await onlyVisible(
      context,
      credentials,
      page,
      detail => detail.summary.entityRef,
    );
    const last = page[page.length - 1];
    const body: PostureListResponse = {
      items: visible,
      nextCursor:
        page.length === query.limit
          ? Buffer.from(
              JSON.stringify({ after: last.summary.entityRef }),
            ).toString('base64url')
          : undefined,
    };
    res.json(body);
  });

  return router;
}
