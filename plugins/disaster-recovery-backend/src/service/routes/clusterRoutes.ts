import { NotAllowedError } from '@backstage/errors';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import { disasterRecoveryClustersReadPermission } from '@dr-posture/plugin-disaster-recovery-common';
import type { ApiRouter, RouteContext } from './context';

/**
 * Collection health per cluster, for the platform team: its error detail
 * may hold internal URLs and upstream answers.
 */
export function clusterRoutes(
  router: ApiRouter,
  context: RouteContext & {
    /** Names of the clusters in config, collected or not yet. */
    clusterNames: string[];
  },
) {
  router.get('/clusters', async (req, res) => {
    const credentials = await context.httpAuth.credentials(req);
    const [decision] = await context.permissions.authorize(
      [{ permission: disasterRecoveryClustersReadPermission }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) {
      throw new NotAllowedError(
        `Reading collection health needs the ${disasterRecoveryClustersReadPermission.name} permission; each entity's posture says how old the data of its clusters is`,
      );
    }
    const stored = new Map(
      (await context.resources.listClusterHealth()).map(health => [
        health.name,
        health,
      ]),
    );
    const configured = new Set(context.clusterNames);
    const names = [
      ...new Set([...context.clusterNames, ...stored.keys()]),
    ].sort();
    res.json({
      items: names.map(name => ({
        ...(stored.get(name) ?? { name }),
        configured: configured.has(name),
      })),
    });
  });
}
