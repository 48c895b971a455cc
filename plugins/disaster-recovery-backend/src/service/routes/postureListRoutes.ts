import { invalidCursor } from '../cursors';
import { onlyVisible, type ApiRouter, type RouteContext } from './context';

/**
 * Keyset cursors (the last entity ref of the page, sealed: it may be one the
 * caller cannot read): postures are replaced every evaluation, and an offset
 * would skip or repeat entities when one comes or goes between pages.
 */
const BOUND_TO = ['postures'];

function readAfter(
  context: RouteContext,
  cursor: string | undefined,
): string | undefined {
  const payload = context.cursors.open(cursor, BOUND_TO);
  if (payload === undefined) return undefined;
  const after = (payload as { after?: unknown }).after;
  if (typeof after === 'string' && after) return after;
  throw invalidCursor();
}

/** Every evaluated posture in full, for bulk readers such as scorecards. */
export function postureListRoutes(router: ApiRouter, context: RouteContext) {
  router.get('/postures', async (req, res) => {
    const after = readAfter(context, req.query.cursor);
    const credentials = await context.httpAuth.credentials(req);
    const limit = req.query.limit ?? 50;
    const page = await context.postures.listDetails({ after, limit });
    const visible = await onlyVisible(
      context,
      credentials,
      page,
      detail => detail.summary.entityRef,
    );
    res.json({
      items: visible,
      nextCursor:
        page.length === limit
          ? context.cursors.seal(
              { after: page[page.length - 1].summary.entityRef },
              BOUND_TO,
            )
          : undefined,
    });
  });
}
