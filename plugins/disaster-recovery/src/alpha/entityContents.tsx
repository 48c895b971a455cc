import type { Entity } from '@backstage/catalog-model';
import { ReactRouterV6PageRouter } from '@backstage/frontend-adapter-react-router-v6';
import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDisasterRecoveryAvailable } from '../isDisasterRecoveryAvailable';

const isSystem = (entity: Entity) =>
  entity.kind.toLocaleLowerCase('en-US') === 'system';

export const entityDisasterRecoveryContent = EntityContentBlueprint.make({
  params: {
    path: '/disaster-recovery',
    title: 'Disaster Recovery',
    // A System has its own tab at the same path.
    filter: entity => !isSystem(entity) && isDisasterRecoveryAvailable(entity),
    loader: () =>
      import('../components/EntityDisasterRecoveryContent').then(m => (
        <ReactRouterV6PageRouter>
          <m.EntityDisasterRecoveryContent />
        </ReactRouterV6PageRouter>
      )),
  },
});

export const entitySystemDisasterRecoveryContent = EntityContentBlueprint.make({
  name: 'system',
  params: {
    path: '/disaster-recovery',
    title: 'Disaster Recovery',
    filter: isSystem,
    loader: () =>
      import('../components/EntitySystemDisasterRecoveryContent').then(m => (
        <m.EntitySystemDisasterRecoveryContent />
      )),
  },
});
