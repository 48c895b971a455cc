import { createApiRef } from '@backstage/core-plugin-api';
import type { HealthResponse } from '@dr-posture/plugin-disaster-recovery-common';

/**
 * Client of the disaster-recovery backend API.
 *
 * @public
 */
export interface DisasterRecoveryApi {
  getHealth(): Promise<HealthResponse>;
}

/**
 * Reference to the {@link DisasterRecoveryApi}.
 *
 * @public
 */
export const disasterRecoveryApiRef = createApiRef<DisasterRecoveryApi>({
  id: 'plugin.disaster-recovery.api',
});
