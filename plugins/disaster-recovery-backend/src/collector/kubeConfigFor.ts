import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConfig } from '../clusters/readClusterConfigs';

/** A client configuration for one cluster, authenticated with its token. */
export function kubeConfigFor(cluster: ClusterConfig): KubeConfig {
  const kubeConfig = new KubeConfig();
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        skipTLSVerify: cluster.skipTLSVerify,
        caData: cluster.caData,
        caFile: cluster.caFile,
      },
    ],
    users: [
      {
        name: 'disaster-recovery-collector',
        token: cluster.serviceAccountToken,
      },
    ],
    contexts: [
      {
        name: cluster.name,
        cluster: cluster.name,
        user: 'disaster-recovery-collector',
      },
    ],
    currentContext: cluster.name,
  });
  return kubeConfig;
}
