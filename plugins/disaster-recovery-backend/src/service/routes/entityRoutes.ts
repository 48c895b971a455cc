import { stringifyEntityRef } from '@backstage/catalog-model';
import { entityBackupHistory } from '../entityBackupHistory';
import { visibleEntity, type ApiRouter, type RouteContext } from './context';
import { drillRoutes } from './drillRoutes';
import { storedPosture as readStoredPosture } from './storedPosture';
import { readHistoryPosition } from './historyPosition';
import { readTimeRange } from './timeRange';

const ENTITY_PATH = '/entities/:kind/:namespace/:name';

/** Posture, backup history and drills of one entity. */
export function entityRoutes(router: ApiRouter, context: RouteContext) {
  const storedPosture = (visible: Awaited<ReturnType<typeof visibleEntity>>) =>
    readStoredPosture(context, visible);

  router.get(`${ENTITY_PATH}/posture`, async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    res.json(
      await storedPosture(
        await visibleEntity(context, credentials, req.params),
      ),
    );
  });

  router.get(`${ENTITY_PATH}/backups`, async (req, res) => {
    // Every input is checked before any work, the cursor against the
    // entity and filters it was issued for.
    const { from, to } = readTimeRange(req.query);
    const { phase: phases, limit = 50 } = req.query;
    const boundTo = [
      'backups',
      stringifyEntityRef(req.params).toLocaleLowerCase('en-US'),
      from,
      to,
      phases,
    ];
    const after = readHistoryPosition(
      context.cursors.open(req.query.cursor, boundTo),
    );
    const credentials = await context.httpAuth.credentials(req);
    const visible = await visibleEntity(context, credentials, req.params);
    const detail = await storedPosture(visible);
    const { items, next } = await entityBackupHistory({
      history: context.history,
      veleroGroups: await context.postures.getBackupGroups(visible.entityRef),
      postgresClusters: detail.postgresClusters,
      from,
      to,
      phases,
      after,
      limit,
    });
    res.json({
      items,
      nextCursor: next ? context.cursors.seal(next, boundTo) : undefined,
    });
  });

  drillRoutes(router, context);
}
