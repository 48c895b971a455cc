/**
 * Disaster-recovery posture in Backstage: entity tab, entity card and estate
 * overview.
 * Apps on the New Frontend System use `@dr-posture/plugin-disaster-recovery/alpha`.
 *
 * @packageDocumentation
 */

export {
  disasterRecoveryPlugin,
  DisasterRecoveryPage,
  EntityDisasterRecoveryCard,
  EntityDisasterRecoveryContent,
  EntitySystemDisasterRecoveryContent,
  EntityTeamDisasterRecoveryCard,
} from './plugin';
export { createDisasterRecoveryStatusColumn } from './components/DisasterRecoveryStatusColumn';
export { isDisasterRecoveryAvailable } from './isDisasterRecoveryAvailable';
export {
  disasterRecoveryApiRef,
  DisasterRecoveryClient,
  type DisasterRecoveryApi,
} from './api';
export { PostureStatus, postureStatusLabel } from './components/PostureStatus';
