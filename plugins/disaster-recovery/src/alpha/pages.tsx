import { convertLegacyRouteRef } from '@backstage/core-compat-api';
import { PageBlueprint } from '@backstage/frontend-plugin-api';
import RestoreIcon from '@material-ui/icons/Restore';
import { rootRouteRef } from '../routes';

export const disasterRecoveryPage = PageBlueprint.make({
  params: {
    path: '/disaster-recovery',
    title: 'Disaster Recovery',
    icon: <RestoreIcon />,
    routeRef: convertLegacyRouteRef(rootRouteRef),
    loader: () =>
      import('../components/DisasterRecoveryPage').then(m => (
        <m.DisasterRecoveryPage />
      )),
  },
});
