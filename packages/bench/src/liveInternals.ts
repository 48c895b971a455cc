/**
 * The backend's watch collection and incremental evaluation, which the live
 * posture benchmark runs on their own, outside a running backend (see
 * `backendInternals`).
 */
/* eslint-disable @backstage/no-relative-monorepo-imports */

export { watchCluster } from '../../../plugins/disaster-recovery-backend/src/collector/watchCluster';
export type { WatchSettings } from '../../../plugins/disaster-recovery-backend/src/collector/watchCluster';
export { watchSettingsOf } from '../../../plugins/disaster-recovery-backend/src/collector/scheduleCollection';
export {
  DEFAULT_COLLECTION_OPTIONS,
  durationMs,
} from '../../../plugins/disaster-recovery-backend/src/collector/readCollectionOptions';
export { PostureEvaluator } from '../../../plugins/disaster-recovery-backend/src/service/PostureEvaluator';
export { DatabaseChangeQueue } from '../../../plugins/disaster-recovery-backend/src/database/DatabaseChangeQueue';
export { DatabaseDrillStore } from '../../../plugins/disaster-recovery-backend/src/database/DatabaseDrillStore';
export { DatabasePostureStore } from '../../../plugins/disaster-recovery-backend/src/database/DatabasePostureStore';
