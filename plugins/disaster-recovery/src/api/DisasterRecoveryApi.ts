import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/core-plugin-api';
import type {
  BackupHistoryQuery,
  BackupHistoryResponse,
  ClusterCollectionHealthResponse,
  DrillListResponse,
  DrillRecord,
  EntityPostureResponse,
  EstateHistoryQuery,
  EstateHistoryResponse,
  HealthResponse,
  OverviewQuery,
  OverviewResponse,
  PostureHistoryQuery,
  PostureHistoryResponse,
  RecordedDrill,
  RestorePlanResponse,
  SystemPostureResponse,
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

  /**
   * `GET /entities/{kind}/{namespace}/{name}/drills`: one page of the
   * recorded drills (voided and superseded ones included), newest first,
   * and the Velero restores of the entity's backups; `nextCursor` asks for
   * the next page.
   */
  getDrills(
    entity: CompoundEntityRef,
    query?: { cursor?: string; limit?: number },
  ): Promise<DrillListResponse>;

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

  /**
   * `POST …/drills/{drillId}/void`: the drill stays in the history and
   * never counts again. 403 unless the caller recorded it or holds
   * `disaster-recovery.drill.admin`; 409 when it is already voided or
   * superseded.
   */
  voidDrill(
    entity: CompoundEntityRef,
    drillId: string,
    reason: string,
  ): Promise<RecordedDrill>;

  /**
   * `POST …/drills/{drillId}/supersede`: records `drill` as the correction
   * of the drill `drillId`, which stays in the history, superseded. Rejects
   * as `recordDrill` does, and as `voidDrill` does for the old drill.
   */
  supersedeDrill(
    entity: CompoundEntityRef,
    drillId: string,
    drill: DrillRecord,
  ): Promise<RecordedDrill>;

  /** `GET /overview`: one page of the entities matching the filters. */
  getOverview(query?: OverviewQuery): Promise<OverviewResponse>;

  /** `GET /restore-plan`: the restore order of the estate, or of one System when `system` is an entity ref. */
  getRestorePlan(options?: { system?: string }): Promise<RestorePlanResponse>;

  /** `GET /clusters`: collection health per cluster. */
  getClusters(): Promise<ClusterCollectionHealthResponse>;

  /** `GET /systems/{namespace}/{name}/posture`: a System's components and their statuses. */
  getSystemPosture(system: {
    namespace: string;
    name: string;
  }): Promise<SystemPostureResponse>;

  /** `GET /entities/{kind}/{namespace}/{name}/posture-history`: the entity's posture changes, newest first. */
  getPostureHistory(
    entity: CompoundEntityRef,
    query?: PostureHistoryQuery,
  ): Promise<PostureHistoryResponse>;

  /** `GET /history`: per day and tier, the share of entities within their RPO. */
  getEstateHistory(query?: EstateHistoryQuery): Promise<EstateHistoryResponse>;
}

/**
 * Reference to the {@link DisasterRecoveryApi}.
 *
 * @public
 */
export const disasterRecoveryApiRef = createApiRef<DisasterRecoveryApi>({
  id: 'plugin.disaster-recovery.api',
});
