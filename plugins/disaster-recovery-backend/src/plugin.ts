import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { DISASTER_RECOVERY_PLUGIN_ID } from '@dr-posture/plugin-disaster-recovery-common';
import {
  disasterRecoverySourcesExtensionPoint,
  type DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';
import { applyDatabaseMigrations } from './database/migrations';
import { createRouter } from './service/router';

/**
 * The disaster-recovery backend plugin: collects backup state from Kubernetes
 * clusters into its own database and serves posture under
 * `/api/disaster-recovery`.
 *
 * @public
 */
export const disasterRecoveryPlugin = createBackendPlugin({
  pluginId: DISASTER_RECOVERY_PLUGIN_ID,
  register(env) {
    const sources = new Map<string, DisasterRecoverySource>();
    env.registerExtensionPoint(disasterRecoverySourcesExtensionPoint, {
      addSource(...added) {
        for (const source of added) {
          if (sources.has(source.id)) {
            throw new Error(
              `Disaster-recovery source '${source.id}' is registered twice`,
            );
          }
          sources.set(source.id, source);
        }
      },
    });

    env.registerInit({
      deps: {
        database: coreServices.database,
        httpRouter: coreServices.httpRouter,
        logger: coreServices.logger,
      },
      async init({ database, httpRouter, logger }) {
        const client = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(client);
        }

        httpRouter.use(
          await createRouter({
            database: client,
            sourceIds: [...sources.keys()],
          }),
        );
        // Load balancers and uptime checks probe this without a token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `Disaster-recovery backend ready with ${sources.size} additional source(s)`,
        );
      },
    });
  },
});
