import { EntityContentBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDisasterRecoveryAvailable } from '../isDisasterRecoveryAvailable';

export const entityDisasterRecoveryContent = EntityContentBlueprint.make({
  params: {
    path: '/disaster-recovery',
    title: 'Disaster Recovery',
    filter: isDisasterRecoveryAvailable,
    loader: () =>
      import('../components/EntityDisasterRecoveryContent').then(m => (
        <m.EntityDisasterRecoveryContent />
      )),
  },
});
