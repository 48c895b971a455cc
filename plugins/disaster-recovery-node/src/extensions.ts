import { createExtensionPoint } from '@backstage/backend-plugin-api';

/**
 * A source of backup state that the disaster-recovery backend collects from,
 * besides its built-in Velero and CloudNativePG collectors.
 *
 * @public
 */
export interface DisasterRecoverySource {
  /** Unique id of the source, e.g. `velero` or `cloudnativepg`. */
  readonly id: string;
}

/**
 * Lets backend modules add sources to the disaster-recovery backend plugin.
 *
 * @public
 */
export interface DisasterRecoverySourcesExtensionPoint {
  addSource(...sources: DisasterRecoverySource[]): void;
}

/**
 * Extension point for adding {@link DisasterRecoverySource}s.
 *
 * @public
 */
export const disasterRecoverySourcesExtensionPoint =
  createExtensionPoint<DisasterRecoverySourcesExtensionPoint>({
    id: 'disaster-recovery.sources',
  });
