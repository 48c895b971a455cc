import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import {
  actionsRegistryServiceRef,
  metricsServiceRef,
} from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import {
  DISASTER_RECOVERY_PLUGIN_ID,
  disasterRecoveryPermissions,
  readDrillEvidenceRequirements,
  readTierPolicies,
} from '@dr-posture/plugin-disaster-recovery-common';
import {
  disasterRecoverySourcesExtensionPoint,
  type DisasterRecoverySource,
} from '@dr-posture/plugin-disaster-recovery-node';
import { registerActions } from './actions/registerActions';
import { readClusterConfigs } from './clusters/readClusterConfigs';
import { scheduleCollection } from './collector/scheduleCollection';
import {
  durationMs,
  readCollectionOptions,
  runTimeout,
  staleAfterMs,
} from './collector/readCollectionOptions';
import { DatabaseBackupHistoryStore } from './database/DatabaseBackupHistoryStore';
import { DatabaseChangeQueue } from './database/DatabaseChangeQueue';
import { DatabaseDrillStore } from './database/DatabaseDrillStore';
import { DatabasePluginSecrets } from './database/DatabasePluginSecrets';
import { DatabasePostureHistoryStore } from './database/DatabasePostureHistoryStore';
import { DatabasePostureStore } from './database/DatabasePostureStore';
import { DatabaseResourceStore } from './database/DatabaseResourceStore';
import { applyDatabaseMigrations } from './database/migrations';
import { CursorCodec } from './service/cursors';
import { instrumentCollection } from './service/metrics/instrumentCollection';
import { observePostures } from './service/metrics/observePostures';
import { timeEvaluations } from './service/metrics/timeEvaluations';
import { PostureNotifier } from './service/notifications/PostureNotifier';
import { readNotificationOptions } from './service/notifications/readNotificationOptions';
import { tellEach } from './service/postureChangeListeners';
import { PostureEvaluator } from './service/PostureEvaluator';
import { readEvaluationOptions } from './service/readEvaluationOptions';
import { readPostureOptions } from './service/readPostureOptions';
import { createRouter } from './service/router';
import { publishPostureSignals } from './service/signals/publishPostureSignals';
import { BUILT_IN_SOURCES } from './sources/builtInSources';
import { resourceKindsOf } from './sources/resourceKindsOf';
import { sourceChecksOf } from './sources/sourceChecks';

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
        auditor: coreServices.auditor,
        catalog: catalogServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        notifications: notificationService,
        signals: signalsServiceRef,
        metrics: metricsServiceRef,
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
        auditor,
        catalog,
        actionsRegistry,
        notifications,
        signals,
        metrics,
      }) {
        const clusters = readClusterConfigs(rootConfig);
        const options = readCollectionOptions(rootConfig);
        const evaluation = readEvaluationOptions(rootConfig);
        const policies = readTierPolicies(
          rootConfig.getOptional('disasterRecovery.tiers'),
        );
        permissionsRegistry.addPermissions(disasterRecoveryPermissions);
        const drillRequirements = readDrillEvidenceRequirements(
          rootConfig.getOptional('disasterRecovery.drills.requiredEvidence'),
        );
        const resourceKinds = resourceKindsOf([...sources.values()]);
        const sourceChecks = sourceChecksOf([...sources.values()]);

        const client = await database.getClient();
        if (!database.migrations?.skip) {
          await applyDatabaseMigrations(client);
        }
        const store = DatabaseResourceStore.create(client, {
          staleAfterMs: staleAfterMs(options),
        });
        // A run ends within its task timeout, so one open longer belongs
        // to a process that died; younger ones may be another replica's.
        const closed = await store.closeAbandonedRuns({
          startedBefore: new Date(Date.now() - durationMs(runTimeout(options))),
          now: new Date(),
        });
        if (closed > 0) {
          logger.warn(
            `Closed ${closed} collection run(s) left running by a backend process that stopped`,
          );
        }
        const history = DatabaseBackupHistoryStore.create(client);
        const backfilled = await history.backfill();
        if (backfilled > 0) {
          logger.info(
            `Backup history: indexed ${backfilled} backups stored before history was paged in SQL`,
          );
        }
        // Cursors open on every replica: the key comes from config, or
        // from the plugin database, where the first replica stores one.
        const cursors = CursorCodec.fromSecret(
          rootConfig.getOptionalString('disasterRecovery.cursorSecret') ??
            (await DatabasePluginSecrets.create(client).getOrCreate(
              'cursor-key',
            )),
        );
        const drills = DatabaseDrillStore.create(client);
        const notifier = new PostureNotifier({
          notifications,
          policies,
          config: readNotificationOptions(rootConfig),
          logger,
        });
        const postures = DatabasePostureStore.create(client, {
          onChanges: tellEach(logger, {
            notifications: changes => notifier.notify(changes),
            signals: changes => publishPostureSignals(signals, changes),
          }),
        });
        const postureHistory = DatabasePostureHistoryStore.create(client);
        observePostures(metrics, client);
        const evaluator = new PostureEvaluator({
          catalog,
          auth,
          resources: store,
          history,
          drills,
          postures,
          policies,
          clusters: clusters.map(cluster => cluster.facts),
          logger,
          changes: DatabaseChangeQueue.create(client),
          recordKinds: resourceKinds,
          checks: sourceChecks,
          incremental: {
            fullEveryMs: durationMs(evaluation.fullFrequency),
            catalogEveryMs: durationMs(evaluation.catalogFrequency),
          },
          postureOptions: {
            ...readPostureOptions(rootConfig),
            drillRequirements,
          },
        });
        timeEvaluations(evaluator, metrics, [
          'evaluateAll',
          'evaluateEntities',
        ]);

        await scheduleCollection({
          scheduler,
          clusters,
          resourceKinds,
          store: instrumentCollection(store, metrics),
          logger,
          collection: options,
        });
        // Rounds as often as changes are gathered: the replica holding the
        // evaluation lease evaluates what they touch, the others skip.
        await scheduler.scheduleTask({
          id: 'evaluate-posture',
          frequency: evaluation.debounce,
          timeout: { minutes: 5 },
          initialDelay: options.initialDelay,
          fn: async () => {
            await evaluator.evaluateTurn();
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
            const postureChanges = await postureHistory.prune(before.getTime());
            logger.info(
              `Pruned history older than ${before.toISOString()}: ${
                pruned.resources
              } objects, ${
                pruned.runs
              } runs, ${postureChanges} posture changes`,
            );
          },
        });

        httpRouter.use(
          await createRouter({
            database: client,
            resources: store,
            history,
            cursors,
            logger,
            drills,
            postures,
            postureHistory,
            evaluator,
            policies,
            auditor,
            drillRequirements,
            auth,
            httpAuth,
            permissions,
            catalog,
            sourceIds: [...sources.keys()],
            clusterNames: clusters.map(cluster => cluster.name),
          }),
        );
        registerActions(actionsRegistry, {
          catalog,
          postures,
          cursors,
          policies,
          logger,
        });
        // Load balancers and uptime checks probe this without a token.
        httpRouter.addAuthPolicy({ path: '/health', allow: 'unauthenticated' });
        logger.info(
          `Disaster-recovery backend collects ${resourceKinds.length} kinds from ${clusters.length} cluster(s)`,
        );
      },
    });
  },
});
