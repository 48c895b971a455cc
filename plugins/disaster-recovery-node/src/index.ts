/**
 * Extension points of the disaster-recovery backend plugin, for backend
 * modules that add sources of backup state and the checks that read them.
 *
 * @packageDocumentation
 */

export {
  disasterRecoverySourcesExtensionPoint,
  type CollectedRow,
  type DisasterRecoverySource,
  type DisasterRecoverySourcesExtensionPoint,
  type KubernetesResourceKind,
  type StoredVersion,
} from './extensions';
