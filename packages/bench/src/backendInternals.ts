/**
 * The backend's collector, store and router, which the bench measures on
 * their own, outside a running backend. They are the plugin's internals,
 * not its published API, so the bench imports them from the source tree
 * instead of an entry point every adopter would see.
 */
/* eslint-disable @backstage/no-relative-monorepo-imports */

export { collectCluster } from '../../../plugins/disaster-recovery-backend/src/collector/collectCluster';
export type { CollectionResult } from '../../../plugins/disaster-recovery-backend/src/collector/collectCluster';
export { simulatedClusterConfig } from '../../../plugins/disaster-recovery-backend/src/collector/simulatedClusterConfig';
export { builtInResourceKinds } from '../../../plugins/disaster-recovery-backend/src/sources/builtInSources';
export { DatabaseResourceStore } from '../../../plugins/disaster-recovery-backend/src/database/DatabaseResourceStore';
export { DatabasePostureStore } from '../../../plugins/disaster-recovery-backend/src/database/DatabasePostureStore';
export type { StoredPosture } from '../../../plugins/disaster-recovery-backend/src/database/DatabasePostureStore';
export { applyDatabaseMigrations } from '../../../plugins/disaster-recovery-backend/src/database/migrations';
export { overviewRoutes } from '../../../plugins/disaster-recovery-backend/src/service/routes/overviewRoutes';
export { createApiRouter } from '../../../plugins/disaster-recovery-backend/src/service/router';
export type { RouteContext } from '../../../plugins/disaster-recovery-backend/src/service/routes/context';
export { resourceRow } from '../../../plugins/disaster-recovery-backend/src/database/DatabaseResourceStore';
export { finishedRecord } from '../../../plugins/disaster-recovery-backend/src/database/finishedRecord';
export { kubeConfigFor } from '../../../plugins/disaster-recovery-backend/src/collector/kubeConfigFor';
export { DatabaseBackupHistoryStore } from '../../../plugins/disaster-recovery-backend/src/database/DatabaseBackupHistoryStore';
export {
  historyColumnsOf,
  representativeBackup,
} from '../../../plugins/disaster-recovery-backend/src/database/backupHistoryColumns';
export { protectingBackupGroups } from '../../../plugins/disaster-recovery-backend/src/service/protectingBackupGroups';
export { entityRoutes } from '../../../plugins/disaster-recovery-backend/src/service/routes/entityRoutes';
export { CursorCodec } from '../../../plugins/disaster-recovery-backend/src/service/cursors';
