import type { ApiRouter, RouteContext } from './context';
import { overviewPage } from './overviewPage';
import { restorePlan } from './restorePlan';

/** The estate overview and its restore plan. */
export function overviewRoutes(router: ApiRouter, context: RouteContext) {
  router.get('/overview', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    res.json(await overviewPage(context, credentials, req.query));
  });

  router.get('/restore-plan', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    res.json(await restorePlan(context, credentials, req.query.system));
  });
}
