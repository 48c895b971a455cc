/**
 * A Kubernetes API stand-in serving Velero and CloudNativePG objects, for the
 * demo, the collector's tests and benchmarks.
 *
 * @packageDocumentation
 */

export { startSimulator } from './simulator.ts';
export type {
  ScenarioName,
  Simulator,
  SimulatedClusterInfo,
  SimulatorOptions,
} from './simulator.ts';
export type {
  FaultSettings,
  InjectableStatusCode,
} from './faults/faultSettings.ts';
export type { FaultStats } from './faults/faultInjector.ts';
export type { ApiVerb, TokenGrant } from './server/accessControl.ts';
export type { KubeObject, ObjectMeta } from './kube/kubeObject.ts';
export { ApiError } from './kube/apiStatus.ts';
export type {
  KubeStatus,
  StatusCause,
  StatusDetails,
} from './kube/apiStatus.ts';
export type { Scenario, ClusterSeed } from './scenarios/scenario.ts';
export type { ScaleParameters } from './scenarios/scaleScenario.ts';
export { DEFAULT_SCALE } from './scenarios/scaleScenario.ts';
export { demoToken } from './scenarios/demo/demoScenario.ts';
export { DEMO_CLUSTERS, DEMO_SERVICES } from './scenarios/demo/demoEstate.ts';
export type { DemoService, Tier } from './scenarios/demo/demoEstate.ts';
export { demoDrillRecord, demoDrills } from './scenarios/demo/demoDrills.ts';
export { demoCatalogEntities } from './scenarios/demo/demoCatalog.ts';
export { simulatedClustersConfig } from './clusterConfig.ts';
export { DEMO_INTENDED_POSTURE } from './scenarios/demo/demoIntendedPosture.ts';
export type { IntendedPosture } from './scenarios/demo/demoIntendedPosture.ts';
export type { DemoDrill } from './scenarios/demo/demoDrills.ts';
