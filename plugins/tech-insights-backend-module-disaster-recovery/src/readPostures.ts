import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DefaultApiClient,
  DISASTER_RECOVERY_PLUGIN_ID,
  type EntityPostureResponse,
} from '@dr-posture/plugin-disaster-recovery-common';

const PAGE_SIZE = 100;

/**
 * Every evaluated posture, page by page, from the disaster-recovery
 * backend's bulk route with this plugin's own service credentials: the
 * facts agree with the posture API because they are its answers.
 */
export async function* readPostures(options: {
  discovery: DiscoveryService;
  auth: AuthService;
  fetchApi?: { fetch: typeof fetch };
}): AsyncGenerator<EntityPostureResponse> {
  const { discovery, auth, fetchApi } = options;
  const client = new DefaultApiClient({ discoveryApi: discovery, fetchApi });
  let cursor: string | undefined;
  do {
    // A fresh token per page: a long listing can outlive one.
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: DISASTER_RECOVERY_PLUGIN_ID,
    });
    const response = await client.listPostures(
      { query: { limit: PAGE_SIZE, cursor } },
      { token },
    );
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const page = await response.json();
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
