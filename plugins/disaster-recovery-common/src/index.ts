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
export {
  CLUSTER_ROLES,
  clusterCountsFor,
  entityEnvironment,
  ENVIRONMENTS,
} from './environments';
export type {
  ClusterFacts,
  ClusterRole,
  EntityEnvironment,
  Environment,
} from './environments';
export type {
  BackupHistoryDay,
  BackupHistoryItem,
  BackupHistoryQuery,
  BackupHistoryResponse,
  ClusterCollectionHealth,
  ClusterCollectionHealthResponse,
  CollectionRun,
  CollectionRunCounts,
  CollectionRunDetails,
  DrillListResponse,
  EntityAvailability,
  EntityOtherEnvironment,
  EntityPostgresCluster,
  EntityPostureResponse,
  EntityPostureSummary,
  EntitySchedule,
  EntityStandbyParity,
  EntityStorageLocation,
  EntityWorkloadAvailability,
  EstateHistoryDay,
  EstateHistoryQuery,
  EstateHistoryResponse,
  HealthResponse,
  OverviewQuery,
  OverviewResponse,
  PostureCheck,
  PostureHistoryItem,
  PostureHistoryQuery,
  PostureHistoryResponse,
  PostureListResponse,
  RecordedDrill,
  RestorePlanResponse,
  StaleCluster,
  SystemPostureResponse,
} from './api';
export { NOT_EVALUATED_ERROR_NAME } from './api';
export { DefaultApiClient } from './schema/openapi/generated';
export type { components, operations } from './schema/openapi/generated';
export type { RequestOptions, TypedResponse } from './schema/openapi/generated';
export {
  disasterRecoveryClustersReadPermission,
  disasterRecoveryDrillAdminPermission,
  disasterRecoveryDrillCreatePermission,
  disasterRecoveryPermissions,
} from './permissions';
export type {
  BackupStorageLocationRecord,
  BarmanObjectStoreRecord,
  CertificateRecord,
  ClusterCondition,
  CollectedObject,
  ContainerSpec,
  DataUploadRecord,
  HorizontalPodAutoscalerRecord,
  LabelSelector,
  NodeRecord,
  PodContainerStatus,
  PodDisruptionBudgetRecord,
  PodStatusRecord,
  PodVolumeBackupRecord,
  PostgresBackupRecord,
  PostgresClusterRecord,
  PostgresReplicaSource,
  PostgresScheduledBackupRecord,
  RecoveryWindow,
  RestartObservation,
  SnapshotCounts,
  SpreadRule,
  VeleroBackupRecord,
  VeleroBackupScope,
  VeleroRestoreRecord,
  VeleroScheduleRecord,
  VolumeSnapshotLocationRecord,
  WorkloadControllerRecord,
  WorkloadRecord,
} from './records';
export {
  defineRecordKind,
  postureRecordsOf,
  RECORD_KINDS,
  recordsOf,
} from './recordKinds';
export type {
  BuiltInPostureRecords,
  PostureKeyOf,
  PostureRecords,
  RecordKind,
} from './recordKinds';
export { formatDuration, parseDuration, parseGoDuration } from './durations';
export type { GoDuration } from './durations';
export {
  DEFAULT_TIER_POLICIES,
  HA_PATTERNS,
  readTierPolicies,
  resolveEntityPolicy,
  tierPoliciesConfigSchema,
} from './policy';
export type {
  EntityPolicy,
  HaPattern,
  HaPatternProfile,
  KubernetesRetention,
  PlanningRange,
  PolicySource,
  Resolved,
  TierPolicy,
  Unresolved,
} from './policy';
export { nextScheduledRun, parseBackupSchedule, scheduleTiming } from './cron';
export type {
  ParsedBackupSchedule,
  ScheduleDialect,
  ScheduleTiming,
} from './cron';
export { matchesLabelSelector, parseLabelSelector } from './selectors';
export {
  backupScopeCoversWorkload,
  backupScopeIncludesNamespace,
  backupScopeSelectsByLabel,
  CNPG_CLUSTER_LABEL,
  isMappedToEntity,
  resolveEntityCoverage,
  resolveEntityPostgresClusters,
  resolveWorkloadMapping,
} from './coverage';
export type {
  ClusterObjectRef,
  CoverageBasis,
  EntityCoverage,
  WorkloadMapping,
} from './coverage';
export {
  achievedRpoOf,
  controlCharacterProblems,
  DEFAULT_DRILL_EVIDENCE_REQUIREMENTS,
  derivedRpoOf,
  DRILL_EVIDENCE_KEYS,
  DRILL_LABEL,
  DRILL_LIMITS,
  drillCountsAt,
  drillEvidenceTitle,
  drillHistory,
  drillRecordSchema,
  drillStateOf,
  effectiveDrillOutcome,
  findVeleroRestoreTests,
  missingDrillEvidence,
  parseDrillRecord,
  readDrillEvidenceRequirements,
  restoreTargetWarnings,
} from './drills';
export type {
  DatabaseRecoveryWindow,
  DerivedRpo,
  DrillCorrections,
  DrillEvidence,
  DrillEvidenceKey,
  DrillEvidenceLink,
  DrillEvidenceRequirements,
  DrillHealthCheck,
  DrillHistoryEntry,
  DrillHistoryOptions,
  DrillKind,
  DrillObjectRef,
  DrillRecord,
  DrillState,
  DrillVerification,
  DrillVoid,
  EffectiveDrillOutcome,
  HistoryDrill,
  InputProblem,
  ParsedDrillRecord,
  RestoreTestInputs,
  VeleroRestoreTest,
} from './drills';
export {
  builtInCheck,
  CHECK_DEFINITIONS,
  CHECK_IDS,
  CHECK_TITLES,
  defineCheck,
  describeRef,
  evidenceOf,
  findCheck,
  judgeStandbyParity,
  refOf,
  verdict,
} from './checks';
export type {
  AvailabilityThresholds,
  BuiltInCheck,
  Check,
  CheckDefinition,
  CheckEvidence,
  CheckId,
  CheckRule,
  CheckStatus,
  EvidenceRef,
  EvidenceValue,
  PostureContext,
  RecencyEvidence,
  ScorecardDecision,
  Verdict,
} from './checks';
export {
  clusterStaleSince,
  DEFAULT_STALE_AFTER_INTERVALS,
  dependenciesOf,
  evaluateEntityPosture,
  evaluateSystemPosture,
  STATUS_SEVERITY,
  STATUSES_WORST_FIRST,
  summarizeEntityPosture,
  worstStatus,
} from './posture';
export type {
  EntityPosture,
  EntityPostureInput,
  EntityProtection,
  PostureOptions,
  SystemPosture,
} from './posture';
export {
  checkNextActionOf,
  checksWorstFirst,
  entityVerdictOf,
  FINISHED_RUN_PHASES,
  scheduleRunStateOf,
  VERDICT_REASON_PRIORITY,
  verdictInputOf,
} from './verdict';
export type {
  EntityVerdict,
  EntityVerdictInput,
  RecoveryPointVerdict,
  RecoveryTimeProof,
  RecoveryTimeVerdict,
  ScheduleRunState,
  VerdictAnswer,
  VerdictNextAction,
} from './verdict';
export {
  entityPostureSignalChannel,
  POSTURE_SIGNAL_CHANNEL,
  postureAlertOf,
} from './history';
export type { PostureAlertKind } from './history';
export { planRestoreOrder } from './restorePlan';
export {
  postureWarningCount,
  SCORECARD_CHECKS,
  SCORECARD_NO_WARNINGS_CHECK,
  scorecardFactOf,
  scorecardResultOf,
} from './scorecard';
export type { ScorecardCheck } from './scorecard';
export type { RestorePlan, RestorePlanInput, RestoreStep } from './restorePlan';
