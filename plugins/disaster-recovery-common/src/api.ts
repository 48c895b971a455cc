import type { components, operations } from './schema/openapi/generated/types';

/*
 * The REST API's types, named for the packages that use them. Each one is
 * the spec's schema (plugins/disaster-recovery-backend/src/schema/openapi.yaml):
 * change the spec and run `yarn openapi:generate`, never these lines.
 */
/** @public */
export type HealthResponse = components['schemas']['HealthResponse'];
/** @public */
export type CollectionRunCounts = components['schemas']['CollectionRunCounts'];
/** @public */
export type CollectionRunDetails =
  components['schemas']['CollectionRunDetails'];
/** @public */
export type CollectionRun = components['schemas']['CollectionRun'];
/** @public */
export type ClusterCollectionHealth =
  components['schemas']['ClusterCollectionHealth'];
/** @public */
export type ClusterCollectionHealthResponse =
  components['schemas']['ClusterCollectionHealthResponse'];
/**
 * A check as the API answers it: its id is any registered check's, including
 * checks added by backend modules, so it is a string here.
 *
 * @public
 */
export type PostureCheck = components['schemas']['Check'];
/** @public */
export type EntityPostureSummary =
  components['schemas']['EntityPostureSummary'];
/** @public */
export type OverviewQuery = NonNullable<
  operations['GetOverview']['parameters']['query']
>;
/** @public */
export type OverviewResponse = components['schemas']['OverviewResponse'];
/** @public */
export type EntitySchedule = components['schemas']['EntitySchedule'];
/** @public */
export type EntityStorageLocation =
  components['schemas']['EntityStorageLocation'];
/** @public */
export type EntityPostgresCluster =
  components['schemas']['EntityPostgresCluster'];
/** @public */
export type EntityOtherEnvironment =
  components['schemas']['EntityOtherEnvironment'];
/** @public */
export type EntityAvailability = components['schemas']['EntityAvailability'];
/** @public */
export type EntityWorkloadAvailability =
  components['schemas']['EntityWorkloadAvailability'];
/** @public */
export type EntityStandbyParity = components['schemas']['EntityStandbyParity'];
/** @public */
export type BackupHistoryDay = components['schemas']['BackupHistoryDay'];
/** @public */
export type StaleCluster = components['schemas']['StaleCluster'];
/** @public */
export type EntityPostureResponse =
  components['schemas']['EntityPostureResponse'];
/** @public */
export type PostureListResponse = components['schemas']['PostureListResponse'];
/** @public */
export type BackupHistoryItem = components['schemas']['BackupHistoryItem'];
/** @public */
export type BackupHistoryQuery = NonNullable<
  operations['GetBackupHistory']['parameters']['query']
>;
/** @public */
export type BackupHistoryResponse =
  components['schemas']['BackupHistoryResponse'];
/** @public */
export type RecordedDrill = components['schemas']['RecordedDrill'];
/** @public */
export type DrillListResponse = components['schemas']['DrillListResponse'];
/** @public */
export type RestorePlanResponse = components['schemas']['RestorePlanResponse'];
/** @public */
export type SystemPostureResponse =
  components['schemas']['SystemPostureResponse'];

/**
 * The `error.name` of the 404 a read answers for an entity that has a
 * disaster-recovery mapping but no evaluated posture yet: reads never
 * evaluate, so it stays until the evaluator's next run.
 *
 * @public
 */
export const NOT_EVALUATED_ERROR_NAME = 'NotEvaluatedError';
/** @public */
export type PostureHistoryItem = components['schemas']['PostureHistoryItem'];
/** @public */
export type PostureHistoryQuery = NonNullable<
  operations['GetPostureHistory']['parameters']['query']
>;
/** @public */
export type PostureHistoryResponse =
  components['schemas']['PostureHistoryResponse'];
/** @public */
export type EstateHistoryQuery = NonNullable<
  operations['GetEstateHistory']['parameters']['query']
>;
/** @public */
export type EstateHistoryDay = components['schemas']['EstateHistoryDay'];
/** @public */
export type EstateHistoryResponse =
  components['schemas']['EstateHistoryResponse'];
