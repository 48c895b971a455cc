import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  BackupHistoryQuery,
  BackupHistoryResponse,
  ClusterCollectionHealthResponse,
  DrillListResponse,
  DrillRecord,
  EntityPostureResponse,
  HealthResponse,
  OverviewQuery,
  OverviewResponse,
  RecordedDrill,
  RestorePlanResponse,
} from '@dr-posture/plugin-disaster-recovery-common';

/**
 * Client of the disaster-recovery backend API. Every method rejects with a
 * `ResponseError` from `@backstage/errors` when the backend answers with an
 * error status.
 *
 * @public
 */
export interface DisasterRecoveryApi {
  /** `GET /health`: whether the backend runs and which sources it reads. */
  getHealth(): Promise<HealthResponse>;

  /**
   * `GET /entities/{kind}/{namespace}/{name}/posture`, as last evaluated. 404
   * `NotFoundError` for an unknown, hidden or unmapped entity; 404
   * `NotEvaluatedError` (`NOT_EVALUATED_ERROR_NAME`) before its first evaluation.
   */
  getEntityPosture(entity: CompoundEntityRef): Promise<EntityPostureResponse>;

  /** `GET /entities/{kind}/{namespace}/{name}/backups`, newest first, one page. */
  getBackupHistory(
    entity: CompoundEntityRef,
    query?: BackupHistoryQuery,
  ): Promise<BackupHistoryResponse>;

  /** `GET /entities/{kind}/{namespace}/{name}/drills`: recorded drills and detected restore tests. */
  getDrills(entity: CompoundEntityRef): Promise<DrillListResponse>;

  /**
   * `POST /entities/{kind}/{namespace}/{name}/drills`. `drill.entityRefs` may
   * leave out `entity`, which the backend adds. Rejects with status 400 and a
   * message naming each invalid field, or 403 without the
   * `disaster-recovery.drill.create` permission.
   */
  recordDrill(
    entity: CompoundEntityRef,
    drill: DrillRecord,
  ): Promise<RecordedDrill>;

  /** `GET /overview`: one page of the entities matching the filters. */
  getOverview(query?: OverviewQuery): Promise<OverviewResponse>;

  /** `GET /restore-plan`: the restore order of the estate, or of one System when `system` is an entity ref. */
  getRestorePlan(options?: { system?: string }): Promise<RestorePlanResponse>;

  /** `GET /clusters`: collection health per cluster. */
  getClusters(): Promise<ClusterCollectionHealthResponse>;
}

/**
 * Reference to the {@link DisasterRecoveryApi}.
 *
 * @public
 */
export const disasterRecoveryApiRef = createApiRef<DisasterRecoveryApi>({
  id: 'plugin.disaster-recovery.api',
});
