import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  DISASTER_RECOVERY_PLUGIN_ID,
  disasterRecoveryPermissions,
  readTierPolicies,
} from '@dr-posture/plugin-disaster-recovery-common';
import {
  disasterRecoverySourcesExtensionPoint,
  type DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';
import { readClusterConfigs } from './clusters/readClusterConfigs';
import { collectCluster } from './collector/collectCluster';
import {
  durationMs,
  readCollectionOptions,
} from './collector/readCollectionOptions';
import { DatabaseDrillStore } from './database/DatabaseDrillStore';
import { DatabasePostureStore } from './database/DatabasePostureStore';
import { DatabaseResourceStore } from './database/DatabaseResourceStore';
import { applyDatabaseMigrations } from './database/migrations';
import { PostureEvaluator } from './service/PostureEvaluator';
import { readPostureOptions } from './service/readPostureOptions';
import { createRouter } from './service/router';
import { BUILT_IN_SOURCES } from './sources/builtInSources';
import { resourceKindsOf } from './sources/resourceKindsOf';
import { sourceChecksOf } from './sources/sourceChecks';

/** Leaves time to record a run's outcome before the scheduler's timeout. */
const DEADLINE_MARGIN_MS = 5_000;

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
    const sources = new Map<string, DisasterRecoverySource>(
      BUILT_IN_SOURCES.map(source => [source.id, source]),
    );
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
        rootConfig: coreServices.rootConfig,
        scheduler: coreServices.scheduler,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init({
        database,
        httpRouter,
        logger,
        rootConfig,
        scheduler,
        auth,
        httpAuth,
        permissions,
        permissionsRegistry,
        catalog,
      }) {
        const clusters = readClusterConfigs(rootConfig);
        const options = readCollectionOptions(rootConfig);
        const policies = readTierPolicies(
          rootConfig.getOptional('disasterRecovery.tiers'),
        );
        permissionsRegistry.addPermissions(disasterRecoveryPermissions);
        const resourceKinds = resourceKindsOf([...sources.values()]);
        const sourceChecks = sourceChecksOf([...sources.values()]);

        const client = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(client);
        }
        const store = DatabaseResourceStore.create(client);
        const drills = DatabaseDrillStore.create(client);
        const postures = DatabasePostureStore.create(client);
        const evaluator = new PostureEvaluator({
          catalog,
          auth,
          resources: store,
          drills,
          postures,
          policies,
          clusters: clusters.map(cluster => cluster.facts),
          logger,
          recordKinds: resourceKinds,
          checks: sourceChecks,
          postureOptions: readPostureOptions(rootConfig),
        });

        // One task per cluster: backend replicas share clusters through the
        // scheduler's database locks, and one slow cluster delays no other.
        for (const cluster of clusters) {
          await scheduler.scheduleTask({
            id: `collect-cluster:${cluster.name}`,
            frequency: options.frequency,
            timeout: options.timeout,
            initialDelay: options.initialDelay,
            fn: async () => {
              await collectCluster({
                cluster,
                resourceKinds,
                store,
                logger: logger.child({ cluster: cluster.name }),
                pageSize: options.pageSize,
                deadline:
                  Date.now() + durationMs(options.timeout) - DEADLINE_MARGIN_MS,
                maxRetryDelayMs: durationMs(options.maxRetryDelay),
                maxDeletedShare: options.maxDeletedShare,
              });
            },
          });
        }
        await scheduler.scheduleTask({
          id: 'evaluate-posture',
          frequency: options.evaluationFrequency,
          timeout: { minutes: 5 },
          initialDelay: options.initialDelay,
          fn: async () => {
            await evaluator.evaluateAll();
          },
        });
        await scheduler.scheduleTask({
          id: 'prune-history',
          frequency: { hours: 24 },
          timeout: { minutes: 15 },
          initialDelay: { minutes: 1 },
          fn: async () => {
            const before = new Date(
              Date.now() - durationMs(options.historyRetention),
            );
            const pruned = await store.prune(before);
            logger.info(
              `Pruned history older than ${before.toISOString()}: ${
                pruned.resources
              } objects, ${pruned.runs} runs`,
            );
          },
        });

        httpRouter.use(
          await createRouter({
            database: client,
            resources: store,
            drills,
            postures,
            evaluator,
            policies,
            auth,
            httpAuth,
            permissions,
            catalog,
            sourceIds: [...sources.keys()],
            clusterNames: clusters.map(cluster => cluster.name),
          }),
        );
        // Load balancers and uptime checks probe this without a token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `Disaster-recovery backend collects ${resourceKinds.length} kinds from ${clusters.length} cluster(s)`,
        );
      },
    });
  },
});
