import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DISASTER_RECOVERY_PLUGIN_ID,
  type BackupHistoryQuery,
  type BackupHistoryResponse,
  type ClusterCollectionHealthResponse,
  type DrillListResponse,
  type DrillRecord,
  type EntityPostureResponse,
  type HealthResponse,
  type OverviewQuery,
  type OverviewResponse,
  type RecordedDrill,
  type RestorePlanResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { DisasterRecoveryApi } from './DisasterRecoveryApi';

type QueryValue = string | number | readonly string[] | undefined;

/** `?a=1&tier=1&tier=2`: lists repeat their key; undefined and empty values are left out. */
function queryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (item !== undefined && item !== '') params.append(key, String(item));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function entityPath(entity: CompoundEntityRef): string {
  return `/entities/${[entity.kind, entity.namespace, entity.name]
    .map(encodeURIComponent)
    .join('/')}`;
}

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
    return this.request<HealthResponse>('/health');
  }

  async getEntityPosture(
    entity: CompoundEntityRef,
  ): Promise<EntityPostureResponse> {
    return this.request(`${entityPath(entity)}/posture`);
  }

  async getBackupHistory(
    entity: CompoundEntityRef,
    query: BackupHistoryQuery = {},
  ): Promise<BackupHistoryResponse> {
    return this.request(
      `${entityPath(entity)}/backups${queryString({
        from: query.from,
        to: query.to,
        phase: query.phase,
        cursor: query.cursor,
        limit: query.limit,
      })}`,
    );
  }

  async getDrills(entity: CompoundEntityRef): Promise<DrillListResponse> {
    return this.request(`${entityPath(entity)}/drills`);
  }

  async recordDrill(
    entity: CompoundEntityRef,
    drill: DrillRecord,
  ): Promise<RecordedDrill> {
    return this.request(`${entityPath(entity)}/drills`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(drill),
    });
  }

  async getOverview(query: OverviewQuery = {}): Promise<OverviewResponse> {
    return this.request(
      `/overview${queryString({
        tier: query.tier,
        status: query.status,
        owner: query.owner,
        system: query.system,
        q: query.q,
        sort: query.sort,
        order: query.order,
        cursor: query.cursor,
        limit: query.limit,
      })}`,
    );
  }

  async getRestorePlan(
    options: { system?: string } = {},
  ): Promise<RestorePlanResponse> {
    return this.request(
      `/restore-plan${queryString({ system: options.system })}`,
    );
  }

  async getClusters(): Promise<ClusterCollectionHealthResponse> {
    return this.request('/clusters');
  }

  private async request<T>(path: string, init?: RequestInit): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl(
      DISASTER_RECOVERY_PLUGIN_ID,
    );
    const url = `${baseUrl}${path}`;
    const response = await (init
      ? this.fetchApi.fetch(url, init)
      : this.fetchApi.fetch(url));
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
