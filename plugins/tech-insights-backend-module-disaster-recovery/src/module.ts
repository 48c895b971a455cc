import { createBackendModule } from '@backstage/backend-plugin-api';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  DISASTER_RECOVERY_FACT_RETRIEVER_ID,
  disasterRecoveryFactRetriever,
} from './disasterRecoveryFactRetriever';

/**
 * Adds disaster-recovery facts to Tech Insights. The retriever runs on the
 * cadence and keeps facts for the lifecycle set in
 * `techInsights.factRetrievers.disasterRecoveryFactRetriever`; without that
 * block Tech Insights does not schedule it.
 *
 * @public
 */
export const techInsightsModuleDisasterRecovery = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'disaster-recovery',
  register(env) {
    env.registerInit({
      deps: { retrievers: techInsightsFactRetrieversExtensionPoint },
      async init({ retrievers }) {
        retrievers.addFactRetrievers({
          [DISASTER_RECOVERY_FACT_RETRIEVER_ID]: disasterRecoveryFactRetriever,
        });
      },
    });
  },
});
