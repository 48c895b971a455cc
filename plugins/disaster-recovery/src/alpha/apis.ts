import { ApiBlueprint, coreApis } from '@backstage/frontend-plugin-api';
import { DisasterRecoveryClient, disasterRecoveryApiRef } from '../api';

export const disasterRecoveryApi = ApiBlueprint.make({
  params: defineParams =>
    defineParams({
      api: disasterRecoveryApiRef,
      deps: { discoveryApi: coreApis.discovery, fetchApi: coreApis.fetch },
      factory: deps => new DisasterRecoveryClient(deps),
    }),
});
