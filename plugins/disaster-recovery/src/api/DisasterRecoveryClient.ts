import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DISASTER_RECOVERY_PLUGIN_ID,
  type HealthResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { DisasterRecoveryApi } from './DisasterRecoveryApi';

/**
 * Talks to `/api/disaster-recovery` with the signed-in user's credentials.
 *
 * @public
 */
export class DisasterRecoveryClient implements DisasterRecoveryApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  async getHealth(): Promise<HealthResponse> {
    return this.get<HealthResponse>('/health');
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      DISASTER_RECOVERY_PLUGIN_ID,
    );
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
