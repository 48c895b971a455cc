import { hasDisasterRecoveryMapping } from '@dr-posture/plugin-disaster-recovery-common';

/**
 * Whether an entity gets the Disaster Recovery tab: it declares a tier or is
 * mapped to Kubernetes workloads. Use it with `EntitySwitch` in legacy apps;
 * the `/alpha` plugin applies it on its own.
 *
 * @public
 */
export const isDisasterRecoveryAvailable = hasDisasterRecoveryMapping;
