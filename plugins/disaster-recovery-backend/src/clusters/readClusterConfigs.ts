import type { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  CLUSTER_ROLES,
  type ClusterFacts,
  type ClusterRole,
} from '@dr-posture/plugin-disaster-recovery-common';

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
  /** Role, region, provider and account, as the posture rules read them. */
  facts: ClusterFacts;
}

const FACT_KEYS = [
  'role',
  'region',
  'provider',
  'account',
  'standbyFor',
] as const;

/** Role and placement of a cluster; absent placement stays unknown. */
function readFacts(
  name: string,
  config: Config | undefined,
  configKey: string,
): ClusterFacts {
  const role = config?.getOptionalString('role') ?? 'production';
  if (!(CLUSTER_ROLES as readonly string[]).includes(role)) {
    throw new InputError(
      `Cluster '${name}' (${configKey}.role) has role '${role}'; it must be one of ${CLUSTER_ROLES.join(
        ', ',
      )}`,
    );
  }
  const standbyFor = config?.getOptionalString('standbyFor');
  if (standbyFor !== undefined && role !== 'standby') {
    throw new InputError(
      `Cluster '${name}' (${configKey}.standbyFor) names the cluster it stands in for, but its role is '${role}', not 'standby'`,
    );
  }
  return {
    name,
    role: role as ClusterRole,
    region: config?.getOptionalString('region'),
    provider: config?.getOptionalString('provider'),
    account: config?.getOptionalString('account'),
    standbyFor,
  };
}

function readCluster(
  config: Config,
  configKey: string,
  properties: Config | undefined,
): ClusterConfig {
  const name = config.getString('name');
  const inline = FACT_KEYS.filter(key => config.has(key));
  if (inline.length > 0 && properties?.has(name)) {
    throw new InputError(
      `Cluster '${name}' has ${inline.join(
        ', ',
      )} in ${configKey} and in disasterRecovery.clusterProperties.${name}; give them in one place`,
    );
  }
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
    facts: properties?.has(name)
      ? readFacts(
          name,
          properties.getConfig(name),
          `disasterRecovery.clusterProperties.${name}`,
        )
      : readFacts(name, inline.length > 0 ? config : undefined, configKey),
  };
}

/** A standby must stand in for a configured production cluster. */
function checkStandbys(clusters: ClusterConfig[]) {
  const byName = new Map(clusters.map(c => [c.name, c]));
  for (const { facts, configKey } of clusters) {
    if (facts.standbyFor === undefined) continue;
    const primary = byName.get(facts.standbyFor);
    if (primary?.facts.role !== 'production') {
      throw new InputError(
        `Cluster '${facts.name}' (${configKey}.standbyFor) stands in for '${
          facts.standbyFor
        }', which is ${
          primary
            ? `a ${primary.facts.role} cluster`
            : 'not a configured cluster'
        }; a standby stands in for a production cluster`,
      );
    }
  }
}

/**
 * The clusters to collect from: `kubernetes.clusterLocatorMethods` entries of
 * type `config` (so a portal with the Kubernetes plugin needs no new config)
 * plus `disasterRecovery.clusters`, minus `disasterRecovery.excludeClusters`.
 * Each cluster's role and placement come from its own entry or from
 * `disasterRecovery.clusterProperties.<name>`; a cluster without a role is a
 * production cluster. Throws on unsupported auth providers, duplicate names,
 * unknown roles, properties of clusters that are not configured and standbys
 * of no production cluster, naming the cluster and the key.
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

  const properties = rootConfig.getOptionalConfig(
    'disasterRecovery.clusterProperties',
  );
  const clusters = new Map<string, ClusterConfig>();
  for (const { config, configKey } of candidates) {
    if (excluded.has(config.getString('name'))) {
      continue;
    }
    const cluster = readCluster(config, configKey, properties);
    const existing = clusters.get(cluster.name);
    if (existing) {
      throw new InputError(
        `Cluster name '${cluster.name}' is used by both ${existing.configKey} and ${configKey}; cluster names must be unique`,
      );
    }
    clusters.set(cluster.name, cluster);
  }
  for (const name of properties?.keys() ?? []) {
    if (!clusters.has(name) && !excluded.has(name)) {
      throw new InputError(
        `disasterRecovery.clusterProperties.${name} describes a cluster that is not configured; configured clusters: ${
          [...clusters.keys()].join(', ') || 'none'
        }`,
      );
    }
  }
  checkStandbys([...clusters.values()]);
  return [...clusters.values()];
}
