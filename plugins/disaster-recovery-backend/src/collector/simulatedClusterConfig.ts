import type { ClusterConfig } from '../clusters/readClusterConfigs';

/**
 * The config of a cluster served by the cluster simulator, for tests and
 * benchmarks: over HTTPS the simulator's CA is trusted (`caData`), as a real
 * cluster's would be; a simulator on plain HTTP has nothing to verify.
 */
export function simulatedClusterConfig(cluster: {
  name: string;
  url: string;
  token: string;
  caData?: string;
}): ClusterConfig {
  return {
    name: cluster.name,
    url: cluster.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.token,
    ...(cluster.caData
      ? { caData: cluster.caData, skipTLSVerify: false }
      : { skipTLSVerify: true }),
    configKey: `simulator.${cluster.name}`,
    facts: { name: cluster.name, role: 'production' },
  };
}
