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

export const entityTeamDisasterRecoveryCard = EntityCardBlueprint.make({
  name: 'team',
  params: {
    filter: entity =>
      ['group', 'user'].includes(entity.kind.toLocaleLowerCase('en-US')),
    loader: () =>
      import('../components/EntityTeamDisasterRecoveryCard').then(m => (
        <m.EntityTeamDisasterRecoveryCard />
      )),
  },
});
