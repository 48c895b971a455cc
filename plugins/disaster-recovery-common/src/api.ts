import type { components, operations } from './schema/openapi/generated/types';

/*
 * The REST API's types, named for the packages that use them. Each one is
 * the spec's schema (plugins/disaster-recovery-backend/src/schema/openapi.yaml):
 * change the spec and run `yarn openapi:generate`, never these lines.
 */
type Schemas = components['schemas'];

/** @public */
export type HealthResponse = Schemas['HealthResponse'];
/** @public */
export type CollectionRunCounts = Schemas['CollectionRunCounts'];
/** @public */
export type CollectionRunDetails = Schemas['CollectionRunDetails'];
/** @public */
export type CollectionRun = Schemas['CollectionRun'];
/** @public */
export type ClusterCollectionHealth = Schemas['ClusterCollectionHealth'];
/** @public */
export type ClusterCollectionHealthResponse =
  Schemas['ClusterCollectionHealthResponse'];
/**
 * A check as the API answers it: its id is any registered check's, including
 * checks added by backend modules, so it is a string here.
 *
 * @public
 */
export type PostureCheck = Schemas['Check'];
/** @public */
export type EntityPostureSummary = Schemas['EntityPostureSummary'];
/** @public */
export type OverviewQuery = NonNullable<
  operations['GetOverview']['parameters']['query']
>;
/** @public */
export type OverviewResponse = Schemas['OverviewResponse'];
/** @public */
export type EntitySchedule = Schemas['EntitySchedule'];
/** @public */
export type EntityStorageLocation = Schemas['EntityStorageLocation'];
/** @public */
export type EntityPostgresCluster = Schemas['EntityPostgresCluster'];
/** @public */
export type EntityOtherEnvironment = Schemas['EntityOtherEnvironment'];
/** @public */
export type BackupHistoryDay = Schemas['BackupHistoryDay'];
/** @public */
export type StaleCluster = Schemas['StaleCluster'];
/** @public */
export type EntityPostureResponse = Schemas['EntityPostureResponse'];
/** @public */
export type PostureListResponse = Schemas['PostureListResponse'];
/** @public */
export type BackupHistoryItem = Schemas['BackupHistoryItem'];
/** @public */
export type BackupHistoryQuery = NonNullable<
  operations['GetBackupHistory']['parameters']['query']
>;
/** @public */
export type BackupHistoryResponse = Schemas['BackupHistoryResponse'];
/** @public */
export type RecordedDrill = Schemas['RecordedDrill'];
/** @public */
export type DrillListResponse = Schemas['DrillListResponse'];
/** @public */
export type RestorePlanResponse = Schemas['RestorePlanResponse'];
/** @public */
export type SystemPostureResponse = Schemas['SystemPostureResponse'];

/**
 * The `error.name` of the 404 a read answers for an entity that has a
 * disaster-recovery mapping but no evaluated posture yet: reads never
 * evaluate, so it stays until the evaluator's next run.
 *
 * @public
 */
export const NOT_EVALUATED_ERROR_NAME = 'NotEvaluatedError';
