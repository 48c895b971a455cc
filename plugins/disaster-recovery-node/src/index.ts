/**
 * Extension points of the disaster-recovery backend plugin, for backend
 * modules that add sources of backup state.
 *
 * @packageDocumentation
 */

export {
  disasterRecoverySourcesExtensionPoint,
  type DisasterRecoverySource,
  type DisasterRecoverySourcesExtensionPoint,
} from './extensions';
