import type { ClusterConfig } from '../clusters/readClusterConfigs';

/**
 * The config of a cluster served by the cluster simulator, for tests and
 * benchmarks; the simulator speaks plain HTTP.
 */
export function simulatedClusterConfig(cluster: {
  name: string;
  url: string;
  token: string;
}): ClusterConfig {
  return {
    name: cluster.name,
    url: cluster.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.token,
    skipTLSVerify: true,
    configKey: `simulator.${cluster.name}`,
    facts: { name: cluster.name, role: 'production' },
  };
}
