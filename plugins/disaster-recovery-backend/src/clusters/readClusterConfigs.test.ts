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
        facts: {
          name: 'prod',
          role: 'production',
          region: undefined,
          provider: undefined,
          account: undefined,
          standbyFor: undefined,
        },
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

  const own = (entries: object[], extra: object = {}) =>
    new ConfigReader({
      disasterRecovery: {
        clusters: entries.map(entry => ({
          url: 'https://k8s.example.com',
          authProvider: 'serviceAccount',
          ...entry,
        })),
        ...extra,
      },
    });

  it('reads role and placement inline or from clusterProperties', () => {
    const clusters = readClusterConfigs(
      own(
        [
          {
            name: 'eu',
            role: 'production',
            region: 'eu-west-1',
            provider: 'aws',
            account: '111',
          },
          { name: 'us' },
          { name: 'stage', role: 'staging' },
        ],
        {
          clusterProperties: {
            us: {
              role: 'standby',
              standbyFor: 'eu',
              region: 'us-east-1',
              provider: 'aws',
            },
          },
        },
      ),
    );
    expect(clusters.map(c => c.facts)).toEqual([
      {
        name: 'eu',
        role: 'production',
        region: 'eu-west-1',
        provider: 'aws',
        account: '111',
        standbyFor: undefined,
      },
      {
        name: 'us',
        role: 'standby',
        region: 'us-east-1',
        provider: 'aws',
        account: undefined,
        standbyFor: 'eu',
      },
      expect.objectContaining({
        name: 'stage',
        role: 'staging',
        region: undefined,
      }),
    ]);
  });

  it.each([
    [
      'an unknown role',
      own([{ name: 'a', role: 'prod' }]),
      "Cluster 'a' (disasterRecovery.clusters[0].role) has role 'prod'; it must be one of production, standby, staging, development",
    ],
    [
      'standbyFor on a production cluster',
      own([{ name: 'a' }, { name: 'b', standbyFor: 'a' }]),
      "Cluster 'b' (disasterRecovery.clusters[1].standbyFor) names the cluster it stands in for, but its role is 'production'",
    ],
    [
      'a standby of an unknown cluster',
      own([{ name: 'b', role: 'standby', standbyFor: 'a' }]),
      "stands in for 'a', which is not a configured cluster",
    ],
    [
      'a standby of a staging cluster',
      own([
        { name: 'a', role: 'staging' },
        { name: 'b', role: 'standby', standbyFor: 'a' },
      ]),
      "stands in for 'a', which is a staging cluster",
    ],
    [
      'properties of a cluster that is not configured',
      own([{ name: 'a' }], {
        clusterProperties: { typo: { role: 'standby' } },
      }),
      'disasterRecovery.clusterProperties.typo describes a cluster that is not configured; configured clusters: a',
    ],
    [
      'properties given twice',
      own([{ name: 'a', region: 'x' }], {
        clusterProperties: { a: { region: 'y' } },
      }),
      "Cluster 'a' has region in disasterRecovery.clusters[0] and in disasterRecovery.clusterProperties.a",
    ],
  ])('refuses %s, naming the key', (_, config, message) => {
    expect(() => readClusterConfigs(config)).toThrow(message);
  });

  it('reads nothing when no cluster is configured', () => {
    expect(readClusterConfigs(new ConfigReader({}))).toEqual([]);
  });
});
