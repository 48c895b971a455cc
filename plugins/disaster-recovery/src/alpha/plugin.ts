import { convertLegacyRouteRefs } from '@backstage/core-compat-api';
import { createFrontendPlugin } from '@backstage/frontend-plugin-api';
import { rootRouteRef } from '../routes';
import { disasterRecoveryApi } from './apis';
import {
  entityDisasterRecoveryCard,
  entityTeamDisasterRecoveryCard,
} from './entityCards';
import {
  entityDisasterRecoveryContent,
  entitySystemDisasterRecoveryContent,
} from './entityContents';
import {
  disasterRecoveryCollectionSubPage,
  disasterRecoveryOverviewSubPage,
  disasterRecoveryPage,
  disasterRecoveryRestorePlanSubPage,
} from './pages';

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
    disasterRecoveryOverviewSubPage,
    disasterRecoveryRestorePlanSubPage,
    disasterRecoveryCollectionSubPage,
    entityDisasterRecoveryContent,
    entityDisasterRecoveryCard,
    entitySystemDisasterRecoveryContent,
    entityTeamDisasterRecoveryCard,
  ],
  routes: convertLegacyRouteRefs({ root: rootRouteRef }),
});
