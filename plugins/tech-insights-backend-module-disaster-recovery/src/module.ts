import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { techInsightsFactRetrieversExtensionPoint } from '@backstage-community/plugin-tech-insights-node';
import {
  createDisasterRecoveryFactRetriever,
  DISASTER_RECOVERY_FACT_RETRIEVER_ID,
} from './disasterRecoveryFactRetriever';

/**
 * Adds disaster-recovery facts to Tech Insights. The retriever runs on the
 * cadence set in `techInsights.factRetrievers.disasterRecoveryFactRetriever`.
 *
 * @public
 */
export const techInsightsModuleDisasterRecovery = createBackendModule({
  pluginId: 'tech-insights',
  moduleId: 'disaster-recovery',
  register(env) {
    env.registerInit({
      deps: {
        retrievers: techInsightsFactRetrieversExtensionPoint,
        catalog: catalogServiceRef,
        auth: coreServices.auth,
      },
      async init({ retrievers, catalog, auth }) {
        retrievers.addFactRetrievers({
          [DISASTER_RECOVERY_FACT_RETRIEVER_ID]:
            createDisasterRecoveryFactRetriever({ catalog, auth }),
        });
      },
    });
  },
});
