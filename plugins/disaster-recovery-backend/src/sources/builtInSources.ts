import type { DisasterRecoverySource } from '@dr-posture/plugin-disaster-recovery-node';
import { certManagerSource } from './certManager';
import { cloudNativePgSource } from './cloudnativepg';
import { resourceKindsOf } from './resourceKindsOf';
import { veleroSource } from './velero';
import { workloadsSource } from './workloads';

/** The sources the plugin collects without any module. */
export const BUILT_IN_SOURCES: DisasterRecoverySource[] = [
  veleroSource,
  cloudNativePgSource,
  workloadsSource,
  certManagerSource,
];

/** The resource kinds of the built-in sources. */
export const builtInResourceKinds = () => resourceKindsOf(BUILT_IN_SOURCES);
