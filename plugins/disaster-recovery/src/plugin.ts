import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/core-plugin-api';
import { DisasterRecoveryClient, disasterRecoveryApiRef } from './api';
import { rootRouteRef } from './routes';

/**
 * The disaster-recovery frontend plugin, for apps on the legacy frontend
 * system (`@backstage/core-plugin-api`).
 *
 * @public
 */
export const disasterRecoveryPlugin = createPlugin({
  id: 'disaster-recovery',
  apis: [
    createApiFactory({
      api: disasterRecoveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DisasterRecoveryClient(deps),
    }),
  ],
  routes: {
    root: rootRouteRef,
  },
});

/**
 * The DR overview page for the platform team.
 *
 * @public
 */
export const DisasterRecoveryPage: () => JSX.Element =
  disasterRecoveryPlugin.provide(
    createRoutableExtension({
      name: 'DisasterRecoveryPage',
      component: () =>
        import('./components/DisasterRecoveryPage').then(
          m => m.DisasterRecoveryPage,
        ),
      mountPoint: rootRouteRef,
    }),
  );

/**
 * The "Disaster Recovery" tab content of an entity page.
 *
 * @public
 */
export const EntityDisasterRecoveryContent: () => JSX.Element =
  disasterRecoveryPlugin.provide(
    createComponentExtension({
      name: 'EntityDisasterRecoveryContent',
      component: {
        lazy: () =>
          import('./components/EntityDisasterRecoveryContent').then(
            m => m.EntityDisasterRecoveryContent,
          ),
      },
    }),
  );

/**
 * A card for an entity's overview tab: status, tier, last backup age against
 * the RPO and the last drill. Show it with `isDisasterRecoveryAvailable`.
 *
 * @public
 */
export const EntityDisasterRecoveryCard: () => JSX.Element =
  disasterRecoveryPlugin.provide(
    createComponentExtension({
      name: 'EntityDisasterRecoveryCard',
      component: {
        lazy: () =>
          import('./components/EntityDisasterRecoveryCard').then(
            m => m.EntityDisasterRecoveryCard,
          ),
      },
    }),
  );
