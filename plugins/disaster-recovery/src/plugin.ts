import {
  createApiFactory,
  createComponentExtension,
  createPlugin,
  createRoutableExtension,
} from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import type { JSX } from 'react';
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
      // The very refs core-plugin-api re-exports (ids core.discovery and
      // core.fetch), so a legacy app's own discovery and fetch APIs resolve.
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
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

/**
 * The "Disaster Recovery" tab content of a System page: each component's
 * verdict worst first, the restore order and the estimated restore time
 * against the RTO.
 *
 * @public
 */
export const EntitySystemDisasterRecoveryContent: () => JSX.Element =
  disasterRecoveryPlugin.provide(
    createComponentExtension({
      name: 'EntitySystemDisasterRecoveryContent',
      component: {
        lazy: () =>
          import('./components/EntitySystemDisasterRecoveryContent').then(
            m => m.EntitySystemDisasterRecoveryContent,
          ),
      },
    }),
  );

/**
 * A card for Group and User pages: the team's services and their verdicts,
 * worst first.
 *
 * @public
 */
export const EntityTeamDisasterRecoveryCard: () => JSX.Element =
  disasterRecoveryPlugin.provide(
    createComponentExtension({
      name: 'EntityTeamDisasterRecoveryCard',
      component: {
        lazy: () =>
          import('./components/EntityTeamDisasterRecoveryCard').then(
            m => m.EntityTeamDisasterRecoveryCard,
          ),
      },
    }),
  );
