import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';
import { disasterRecoveryApi } from './apis';
import { entityDisasterRecoveryCard } from './entityCards';
import { entityDisasterRecoveryContent } from './entityContents';
import { disasterRecoveryPage } from './pages';

/**
 * The disaster-recovery frontend plugin for the New Frontend System.
 *
 * @alpha
 */
export default createFrontendPlugin({
  pluginId: 'disaster-recovery',
  extensions: [
    disasterRecoveryApi,
    disasterRecoveryPage,
    entityDisasterRecoveryContent,
    entityDisasterRecoveryCard,
  ],
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
});
