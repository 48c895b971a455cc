import { EntityCardBlueprint } from '@backstage/plugin-catalog-react/alpha';
import { isDisasterRecoveryAvailable } from '../isDisasterRecoveryAvailable';

export const entityDisasterRecoveryCard = EntityCardBlueprint.make({
  params: {
    filter: isDisasterRecoveryAvailable,
    loader: () =>
      import('../components/EntityDisasterRecoveryCard').then(m => (
        <m.EntityDisasterRecoveryCard />
      )),
  },
});
