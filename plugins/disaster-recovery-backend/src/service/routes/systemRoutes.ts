import { stringifyEntityRef } from '@backstage/catalog-model';
import { NotFoundError } from '@backstage/errors';
import { evaluateSystemPosture } from '@dr-posture/plugin-disaster-recovery-common';
import { onlyVisible, type ApiRouter, type RouteContext } from './context';

/** The posture of a System: the worst of its visible components. */
export function systemRoutes(router: ApiRouter, context: RouteContext) {
  router.get('/systems/:namespace/:name/posture', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const ref = { kind: 'system', ...req.params };
    const system = await context.catalog.getEntityByRef(ref, { credentials });
    if (!system) {
      throw new NotFoundError(
        `No system ${stringifyEntityRef(ref)} in the catalog`,
      );
    }
    const entityRef = stringifyEntityRef(system);
    const components = await onlyVisible(
      context,
      credentials,
      (
        await context.postures.listForRestorePlan()
      ).filter(entry => entry.summary.system === entityRef),
      entry => entry.summary.entityRef,
    );
    res.json({
      entityRef,
      ...evaluateSystemPosture(components.map(({ summary }) => summary)),
    });
  });
}
