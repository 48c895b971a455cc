/**
 * Types, posture rules and permissions shared by the disaster-recovery
 * plugins. Everything here is isomorphic: it runs in the browser and in Node.
 *
 * @packageDocumentation
 */

/**
 * The plugin id shared by the frontend and backend plugins; the backend serves
 * its routes under `/api/disaster-recovery`.
 *
 * @public
 */
export const DISASTER_RECOVERY_PLUGIN_ID = 'disaster-recovery';

export { DR_ANNOTATIONS, KUBERNETES_ANNOTATIONS } from './annotations';
export { hasDisasterRecoveryMapping } from './hasDisasterRecoveryMapping';
export type {
  ClusterCollectionHealth,
  ClusterCollectionHealthResponse,
  CollectionRun,
  CollectionRunCounts,
  CollectionRunDetails,
  HealthResponse,
} from './api';
export type {
  BackupStorageLocationRecord,
  BarmanObjectStoreRecord,
  ClusterCondition,
  CollectedObject,
  LabelSelector,
  PostgresBackupRecord,
  PostgresClusterRecord,
  PostgresScheduledBackupRecord,
  RecoveryWindow,
  VeleroBackupRecord,
  VeleroBackupScope,
  VeleroRestoreRecord,
  VeleroScheduleRecord,
  WorkloadRecord,
} from './records';
