/**
 * Disaster-recovery posture in Backstage: entity tab and estate overview.
 * Apps on the New Frontend System use `@dr-posture/plugin-disaster-recovery/alpha`.
 *
 * @packageDocumentation
 */

export {
  disasterRecoveryPlugin,
  DisasterRecoveryPage,
  EntityDisasterRecoveryContent,
} from './plugin';
export { isDisasterRecoveryAvailable } from './isDisasterRecoveryAvailable';
export {
  disasterRecoveryApiRef,
  DisasterRecoveryClient,
  type DisasterRecoveryApi,
} from './api';
