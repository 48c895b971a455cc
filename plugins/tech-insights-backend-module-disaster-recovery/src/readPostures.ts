import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DISASTER_RECOVERY_PLUGIN_ID,
  type EntityPostureResponse,
  type PostureListResponse,
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
}): AsyncGenerator<EntityPostureResponse> {
  const { discovery, auth } = options;
  const baseUrl = await discovery.getBaseUrl(DISASTER_RECOVERY_PLUGIN_ID);
  let cursor: string | undefined;
  do {
    const { token } = await auth.getPluginRequestToken({
      onBehalfOf: await auth.getOwnServiceCredentials(),
      targetPluginId: DISASTER_RECOVERY_PLUGIN_ID,
    });
    const query = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (cursor) query.set('cursor', cursor);
    const response = await fetch(`${baseUrl}/postures?${query}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    const page = (await response.json()) as PostureListResponse;
    yield* page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
