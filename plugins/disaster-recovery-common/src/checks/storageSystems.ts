import type { ClusterFacts } from '../environments';
import type { BackupStorageLocationRecord } from '../records';

/**
 * A storage system holding a copy, and the failure domain it sits in. Two
 * locations with the same `id` are one copy, however many objects name them.
 */
export interface StorageSystem {
  /** Provider, endpoint or account, bucket and prefix. */
  id: string;
  /** Absent when it cannot be told (an S3-compatible endpoint, say). */
  provider?: string;
  region?: string;
  account?: string;
}

const AWS_ENDPOINT =
  /^(?:[a-z0-9.-]+\.)?s3[.-](?:([a-z0-9-]+)\.)?amazonaws\.com$/i;
const AZURE_BLOB = /^([a-z0-9]+)\.blob\.core\.windows\.net$/i;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Velero names providers `aws` or `velero.io/aws`; cluster facts say `aws`. */
export function normalisedProvider(provider: string): string {
  return provider
    .trim()
    .toLowerCase()
    .replace(/^velero\.io\//, '');
}

/**
 * Provider and region an S3 endpoint reveals: AWS's own hosts carry the
 * region; any other host is an S3-compatible store whose operator and
 * placement the object does not say.
 */
function placeOfEndpoint(endpoint: string): {
  provider?: string;
  region?: string;
} {
  const host = hostOf(endpoint);
  const aws = host ? AWS_ENDPOINT.exec(host) : null;
  if (aws) return { provider: 'aws', region: aws[1] };
  if (host && AZURE_BLOB.test(host)) return { provider: 'azure' };
  return {};
}

/** The storage system a BackupStorageLocation writes to. */
export function systemOfLocation(
  location: BackupStorageLocationRecord,
): StorageSystem {
  const provider = normalisedProvider(location.provider);
  const place = location.endpoint
    ? placeOfEndpoint(location.endpoint)
    : { provider, region: location.region };
  const where = location.endpoint ?? location.account ?? '';
  return {
    id: `${provider}|${where}|${location.bucket ?? location.name}/${
      location.prefix ?? ''
    }`,
    provider: place.provider,
    // An AWS endpoint without a region in its host still has the config's.
    region: place.region ?? (place.provider ? location.region : undefined),
    account: location.account,
  };
}

/**
 * The storage system of a barman object store destination (`s3://bucket/path`,
 * `gs://bucket/path`, `https://account.blob.core.windows.net/container/path`),
 * with the store's endpoint when it sets one. A destination names no region
 * unless its endpoint is one of AWS's regional hosts.
 */
export function systemOfDestination(
  destinationPath: string,
  endpoint: string | undefined,
): StorageSystem {
  const scheme = /^([a-z0-9]+):\/\//i.exec(destinationPath)?.[1]?.toLowerCase();
  let place: { provider?: string; region?: string } = {};
  if (endpoint) place = placeOfEndpoint(endpoint);
  else if (scheme === 's3') place = { provider: 'aws' };
  else if (scheme === 'gs') place = { provider: 'gcp' };
  else place = placeOfEndpoint(destinationPath);
  return {
    id: `${endpoint ?? ''}|${destinationPath.replace(/\/+$/, '')}`,
    ...place,
  };
}

/** Whether a copy is off-site from the cluster holding the data. */
export type Offsite = 'yes' | 'no' | 'unknown';

/**
 * Whether a copy is at another provider or in another region than the
 * cluster. Region names are compared only within one known provider: an
 * S3-compatible store of unknown provider often reports `us-east-1`
 * wherever it stands.
 */
function providerOrRegionDiffers(
  system: StorageSystem,
  cluster: ClusterFacts,
): Offsite {
  const clusterProvider = cluster.provider
    ? normalisedProvider(cluster.provider)
    : undefined;
  if (!system.provider || !clusterProvider) return 'unknown';
  if (system.provider !== clusterProvider) return 'yes';
  if (!system.region || !cluster.region) return 'unknown';
  return system.region === cluster.region ? 'no' : 'yes';
}

/**
 * Off-site means another failure domain than the cluster holding the data:
 * another provider, account or region. A second bucket in the same account
 * and region is not off-site; what is not known cannot be off-site.
 */
export function offsiteFrom(
  system: StorageSystem,
  cluster: ClusterFacts | undefined,
): Offsite {
  if (!cluster) return 'unknown';
  if (system.account && cluster.account && system.account !== cluster.account) {
    return 'yes';
  }
  return providerOrRegionDiffers(system, cluster);
}

/**
 * Whether a copy is outside the region of the cluster holding the data:
 * at another provider, or in another region of the same one. Another
 * account in the same region is off-site, but not outside the region.
 */
export function outsideRegionOf(
  system: StorageSystem,
  cluster: ClusterFacts | undefined,
): Offsite {
  return cluster ? providerOrRegionDiffers(system, cluster) : 'unknown';
}
