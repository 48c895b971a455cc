import { InputError } from '@backstage/errors';
import { onlyVisible, type ApiRouter, type RouteContext } from './context';

/**
 * Keyset cursors (the last entity ref of the page): postures are replaced
 * every evaluation, and an offset would skip or repeat entities when one
 * comes or goes between pages.
 */
function encodeAfter(entityRef: string): string {
  return Buffer.from(JSON.stringify({ after: entityRef })).toString(
    'base64url',
  );
}

function decodeAfter(cursor: string | undefined): string | undefined {
  if (!cursor) return undefined;
  try {
    const { after } = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (typeof after === 'string' && after) return after;
  } catch {
    // fall through to the error below
  }
  throw new InputError(`Invalid cursor '${cursor}'`);
}

/** Every evaluated posture in full, for bulk readers such as scorecards. */
export function postureListRoutes(router: ApiRouter, context: RouteContext) {
  router.get('/postures', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const limit = req.query.limit ?? 50;
    const page = await context.postures.listDetails({
      after: decodeAfter(req.query.cursor),
      limit,
    });
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
          ? encodeAfter(page[page.length - 1].summary.entityRef)
          : undefined,
    });
  });
}
