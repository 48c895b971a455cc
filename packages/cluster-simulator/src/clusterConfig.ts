import type { SimulatedClusterInfo } from './simulator.ts';

/**
 * Simulated clusters as `kubernetes.clusterLocatorMethods` or
 * `disasterRecovery.clusters` entries, for backends started in tests.
 */
export function simulatedClustersConfig(clusters: SimulatedClusterInfo[]) {
  return clusters.map(cluster => ({
    name: cluster.name,
    url: cluster.url,
    authProvider: 'serviceAccount',
    serviceAccountToken: cluster.token,
    // Over HTTPS the simulator's CA is trusted; plain HTTP has nothing to
    // verify.
    ...(cluster.caData ? { caData: cluster.caData } : { skipTLSVerify: true }),
  }));
}
