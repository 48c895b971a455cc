/**
 * The collector, store and overview building blocks that `packages/bench`
 * measures on their own, outside a running backend. Not a stable API: it
 * follows the plugin's internals.
 *
 * @packageDocumentation
 */

export { collectCluster } from './collector/collectCluster';
export type { CollectionResult } from './collector/collectCluster';
export { simulatedClusterConfig } from './collector/simulatedClusterConfig';
export { builtInResourceKinds } from './sources/builtInSources';
export { DatabaseResourceStore } from './database/DatabaseResourceStore';
export { DatabasePostureStore } from './database/DatabasePostureStore';
export type { StoredPosture } from './database/DatabasePostureStore';
export { applyDatabaseMigrations } from './database/migrations';
export { overviewRoutes } from './service/routes/overviewRoutes';
export { createApiRouter } from './service/router';
export type { RouteContext } from './service/routes/context';
export { resourceRow } from './database/DatabaseResourceStore';
export { finishedRecord } from './database/finishedRecord';
export { kubeConfigFor } from './collector/kubeConfigFor';
