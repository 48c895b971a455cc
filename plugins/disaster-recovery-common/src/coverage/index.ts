export { resolveWorkloadMapping } from './workloadMapping';
export type { ClusterObjectRef, WorkloadMapping } from './workloadMapping';
export {
  backupScopeCoversWorkload,
  backupScopeIncludesKind,
  backupScopeIncludesNamespace,
  backupScopeMatchesLabels,
  backupScopeSelectsByLabel,
} from './backupScope';
export {
  CNPG_CLUSTER_LABEL,
  isMappedToEntity,
  resolveEntityCoverage,
  resolveEntityPostgresClusters,
} from './entityCoverage';
export type { CoverageBasis, EntityCoverage } from './entityCoverage';
