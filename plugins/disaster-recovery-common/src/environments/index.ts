export { CLUSTER_ROLES } from './clusterFacts';
export type { ClusterFacts, ClusterRole } from './clusterFacts';
export {
  clusterCountsFor,
  entityEnvironment,
  ENVIRONMENTS,
} from './entityEnvironment';
export type { EntityEnvironment, Environment } from './entityEnvironment';
export { recordsForEnvironment } from './environmentRecords';
export type { EnvironmentRecords } from './environmentRecords';
