import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';

/** How the collector authenticates to a cluster. */
export const SUPPORTED_AUTH_PROVIDERS = ['serviceAccount'] as const;

/** A cluster the collector reads. */
export interface ClusterConfig {
  name: string;
  url: string;
  authProvider: (typeof SUPPORTED_AUTH_PROVIDERS)[number];
  serviceAccountToken?: string;
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /** Which config key the cluster came from, for error messages. */
  configKey: string;
}

function readCluster(config: Config, configKey: string): ClusterConfig {
  const name = config.getString('name');
  const authProvider = config.getString('authProvider');
  if (!(SUPPORTED_AUTH_PROVIDERS as readonly string[]).includes(authProvider)) {
    throw new InputError(
      `Cluster '${name}' (${configKey}) uses authProvider '${authProvider}', which the disaster-recovery collector does not support; ` +
        `supported: ${SUPPORTED_AUTH_PROVIDERS.join(', ')}. ` +
        `Give it a service account token or list it in disasterRecovery.excludeClusters.`,
    );
  }
  const url = config.getString('url');
  if (!URL.canParse(url)) {
    throw new InputError(
      `Cluster '${name}' (${configKey}) has an invalid url '${url}'`,
    );
  }
  return {
    name,
    url: url.replace(/\/+$/, ''),
    authProvider: 'serviceAccount',
    serviceAccountToken: config.getOptionalString('serviceAccountToken'),
    caData: config.getOptionalString('caData'),
    caFile: config.getOptionalString('caFile'),
    skipTLSVerify: config.getOptionalBoolean('skipTLSVerify') ?? false,
    configKey,
  };
}

/**
 * The clusters to collect from: `kubernetes.clusterLocatorMethods` entries of
 * type `config` (so a portal with the Kubernetes plugin needs no new config)
 * plus `disasterRecovery.clusters`, minus `disasterRecovery.excludeClusters`.
 * Throws on unsupported auth providers and duplicate names, naming the cluster.
 */
export function readClusterConfigs(rootConfig: Config): ClusterConfig[] {
  const excluded = new Set(
    rootConfig.getOptionalStringArray('disasterRecovery.excludeClusters') ?? [],
  );
  const candidates: Array<{ config: Config; configKey: string }> = [];

  const locators =
    rootConfig.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];
  locators.forEach((locator, locatorIndex) => {
    if (locator.getString('type') !== 'config') {
      return;
    }
    (locator.getOptionalConfigArray('clusters') ?? []).forEach((cluster, i) =>
      candidates.push({
        config: cluster,
        configKey: `kubernetes.clusterLocatorMethods[${locatorIndex}].clusters[${i}]`,
      }),
    );
  });
  (
    rootConfig.getOptionalConfigArray('disasterRecovery.clusters') ?? []
  ).forEach((cluster, i) =>
    candidates.push({
      config: cluster,
      configKey: `disasterRecovery.clusters[${i}]`,
    }),
  );

  const clusters = new Map<string, ClusterConfig>();
  for (const { config, configKey } of candidates) {
    if (excluded.has(config.getString('name'))) {
      continue;
    }
    const cluster = readCluster(config, configKey);
    const existing = clusters.get(cluster.name);
    if (existing) {
      throw new InputError(
        `Cluster name '${cluster.name}' is used by both ${existing.configKey} and ${configKey}; cluster names must be unique`,
      );
    }
    clusters.set(cluster.name, cluster);
  }
  return [...clusters.values()];
}
