import { ConfigReader } from '@backstage/config';
import { readClusterConfigs } from './readClusterConfigs';

const kubernetesConfig = {
  kubernetes: {
    clusterLocatorMethods: [
      { type: 'catalog' },
      {
        type: 'config',
        clusters: [
          {
            name: 'prod',
            url: 'https://prod.example.com/',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'secret-token',
            caData: 'Q0E=',
          },
          {
            name: 'legacy',
            url: 'https://legacy.example.com',
            authProvider: 'google',
          },
        ],
      },
    ],
  },
};

describe('readClusterConfigs', () => {
  it('reads Kubernetes plugin clusters and its own, minus excluded ones', () => {
    const clusters = readClusterConfigs(
      new ConfigReader({
        ...kubernetesConfig,
        disasterRecovery: {
          excludeClusters: ['legacy'],
          clusters: [
            {
              name: 'backup-only',
              url: 'http://127.0.0.1:7100/clusters/backup-only',
              authProvider: 'serviceAccount',
              serviceAccountToken: 'other',
              skipTLSVerify: true,
            },
          ],
        },
      }),
    );

    expect(clusters).toEqual([
      {
        name: 'prod',
        url: 'https://prod.example.com',
        authProvider: 'serviceAccount',
        serviceAccountToken: 'secret-token',
        caData: 'Q0E=',
        caFile: undefined,
        skipTLSVerify: false,
        configKey: 'kubernetes.clusterLocatorMethods[1].clusters[0]',
      },
      expect.objectContaining({
        name: 'backup-only',
        url: 'http://127.0.0.1:7100/clusters/backup-only',
        skipTLSVerify: true,
        configKey: 'disasterRecovery.clusters[0]',
      }),
    ]);
  });

  it('refuses an unsupported auth provider, naming the cluster', () => {
    expect(() =>
      readClusterConfigs(new ConfigReader(kubernetesConfig)),
    ).toThrow(
      "Cluster 'legacy' (kubernetes.clusterLocatorMethods[1].clusters[1]) uses authProvider 'google'",
    );
  });

  it('refuses two clusters with the same name', () => {
    expect(() =>
      readClusterConfigs(
        new ConfigReader({
          disasterRecovery: {
            clusters: [
              { name: 'a', url: 'https://a', authProvider: 'serviceAccount' },
              { name: 'a', url: 'https://b', authProvider: 'serviceAccount' },
            ],
          },
        }),
      ),
    ).toThrow(
      "Cluster name 'a' is used by both disasterRecovery.clusters[0] and disasterRecovery.clusters[1]",
    );
  });

  it('refuses an invalid url', () => {
    expect(() =>
      readClusterConfigs(
        new ConfigReader({
          disasterRecovery: {
            clusters: [
              { name: 'a', url: 'not a url', authProvider: 'serviceAccount' },
            ],
          },
        }),
      ),
    ).toThrow(
      "Cluster 'a' (disasterRecovery.clusters[0]) has an invalid url 'not a url'",
    );
  });

  it('reads nothing when no cluster is configured', () => {
    expect(readClusterConfigs(new ConfigReader({}))).toEqual([]);
  });
});
