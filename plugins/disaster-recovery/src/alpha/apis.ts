import {
  ApiBlueprint,
  discoveryApiRef,
  fetchApiRef,
} from '@backstage/frontend-plugin-api';
import { DisasterRecoveryClient, disasterRecoveryApiRef } from '../api';

export const disasterRecoveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: disasterRecoveryApiRef,
      deps: { discoveryApi: discoveryApiRef, fetchApi: fetchApiRef },
      factory: deps => new DisasterRecoveryClient(deps),
    }),
});
