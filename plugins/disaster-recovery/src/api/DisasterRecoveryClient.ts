import type { CompoundEntityRef } from '@backstage/catalog-model';
import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import {
  DefaultApiClient,
  type BackupHistoryQuery,
  type BackupHistoryResponse,
  type ClusterCollectionHealthResponse,
  type DrillListResponse,
  type DrillRecord,
  type EntityPostureResponse,
  type EstateHistoryQuery,
  type EstateHistoryResponse,
  type HealthResponse,
  type OverviewQuery,
  type OverviewResponse,
  type PostureHistoryQuery,
  type PostureHistoryResponse,
  type RecordedDrill,
  type RestorePlanResponse,
  type SystemPostureResponse,
  type TypedResponse,
} from '@dr-posture/plugin-disaster-recovery-common';
import type { DisasterRecoveryApi } from './DisasterRecoveryApi';

/** The body of a successful answer; an error status rejects with a ResponseError. */
async function bodyOf<T>(response: Promise<TypedResponse<T>>): Promise<T> {
  const answer = await response;
  if (!answer.ok) {
    throw await ResponseError.fromResponse(answer);
  }
  return answer.json();
}

/**
 * Talks to `/api/disaster-recovery` with the signed-in user's credentials,
 * through the client generated from the backend's OpenAPI spec.
 *
 * @public
 */
export class DisasterRecoveryClient implements DisasterRecoveryApi {
  private readonly client: DefaultApiClient;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.client = new DefaultApiClient(options);
  }

  getHealth(): Promise<HealthResponse> {
    return bodyOf(this.client.getHealth());
  }

  getEntityPosture(entity: CompoundEntityRef): Promise<EntityPostureResponse> {
    return bodyOf(this.client.getEntityPosture({ path: entity }));
  }

  getBackupHistory(
    entity: CompoundEntityRef,
    query?: BackupHistoryQuery,
  ): Promise<BackupHistoryResponse> {
    return bodyOf(this.client.getBackupHistory({ path: entity, query }));
  }

  getDrills(
    entity: CompoundEntityRef,
    query?: { cursor?: string; limit?: number },
  ): Promise<DrillListResponse> {
    return bodyOf(this.client.getDrills({ path: entity, query }));
  }

  recordDrill(
    entity: CompoundEntityRef,
    drill: DrillRecord,
  ): Promise<RecordedDrill> {
    return bodyOf(this.client.recordDrill({ path: entity, body: drill }));
  }

  voidDrill(
    entity: CompoundEntityRef,
    drillId: string,
    reason: string,
  ): Promise<RecordedDrill> {
    return bodyOf(
      this.client.voidDrill({
        path: { ...entity, drillId },
        body: { reason },
      }),
    );
  }

  supersedeDrill(
    entity: CompoundEntityRef,
    drillId: string,
    drill: DrillRecord,
  ): Promise<RecordedDrill> {
    return bodyOf(
      this.client.supersedeDrill({ path: { ...entity, drillId }, body: drill }),
    );
  }

  getOverview(query?: OverviewQuery): Promise<OverviewResponse> {
    return bodyOf(this.client.getOverview({ query }));
  }

  getRestorePlan(options?: { system?: string }): Promise<RestorePlanResponse> {
    return bodyOf(this.client.getRestorePlan({ query: options }));
  }

  getClusters(): Promise<ClusterCollectionHealthResponse> {
    return bodyOf(this.client.getClusters());
  }

  getSystemPosture(system: {
    namespace: string;
    name: string;
  }): Promise<SystemPostureResponse> {
    return bodyOf(this.client.getSystemPosture({ path: system }));
  }

  getPostureHistory(
    entity: CompoundEntityRef,
    query?: PostureHistoryQuery,
  ): Promise<PostureHistoryResponse> {
    return bodyOf(this.client.getPostureHistory({ path: entity, query }));
  }

  getEstateHistory(query?: EstateHistoryQuery): Promise<EstateHistoryResponse> {
    return bodyOf(this.client.getEstateHistory({ query }));
  }
}
