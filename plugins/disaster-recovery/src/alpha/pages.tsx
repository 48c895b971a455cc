import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import {
  PageBlueprint,
  SubPageBlueprint,
} from '@backstage/frontend-plugin-api';
import RestoreIcon from '@material-ui/icons/Restore';
import {
  DISASTER_RECOVERY_TABS,
  type DisasterRecoveryTabPath,
} from '../components/DisasterRecoveryPage/tabs';
import { rootRouteRef } from '../routes';

// No loader: the framework renders the header with a tab per sub-page and
// sends the page's own path to the first of them.
export const disasterRecoveryPage = PageBlueprint.make({
  params: {
    path: '/disaster-recovery',
    title: 'Disaster Recovery',
    icon: <RestoreIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
  },
});

function disasterRecoverySubPage<TPath extends DisasterRecoveryTabPath>(
  path: TPath,
) {
  return SubPageBlueprint.make({
    name: path,
    attachTo: { id: 'page:disaster-recovery', input: 'pages' },
    params: {
      path,
      title: DISASTER_RECOVERY_TABS[path],
      // Our components route with React Router v6: the adapter scopes it to
      // this sub-page instead of the framework's implicit (deprecated) routing.
      loader: () =>
        import('../components/DisasterRecoveryPage').then(m => (
          <ReactRouterV6PageRouter>
            <m.DisasterRecoveryTab tab={path} />
          </ReactRouterV6PageRouter>
        )),
    },
  });
}

export const disasterRecoveryOverviewSubPage =
  disasterRecoverySubPage('overview');
export const disasterRecoveryRestorePlanSubPage =
  disasterRecoverySubPage('restore-plan');
export const disasterRecoveryCollectionSubPage =
  disasterRecoverySubPage('collection');
