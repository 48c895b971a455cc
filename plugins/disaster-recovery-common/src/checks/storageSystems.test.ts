import type { ClusterFacts } from '../environments';
import {
  offsiteFrom,
  outsideRegionOf,
  type StorageSystem,
} from './storageSystems';

const cluster: ClusterFacts = {
  name: 'prod',
  role: 'production',
  provider: 'aws',
  region: 'eu-west-1',
  account: '111',
};

describe('where a copy is', () => {
  it.each<[string, StorageSystem, string, string]>([
    [
      'same provider, region and account',
      { id: 'a', provider: 'aws', region: 'eu-west-1', account: '111' },
      'no',
      'no',
    ],
    [
      'another region',
      { id: 'b', provider: 'aws', region: 'us-east-1' },
      'yes',
      'yes',
    ],
    ['another provider', { id: 'c', provider: 'gcp' }, 'yes', 'yes'],
    [
      'another account, same region',
      { id: 'd', provider: 'aws', region: 'eu-west-1', account: '222' },
      'yes',
      'no',
    ],
    // An S3-compatible store reports us-east-1 wherever it stands.
    [
      'unknown provider, other region name',
      { id: 'e', region: 'us-east-1' },
      'unknown',
      'unknown',
    ],
    [
      'known provider, no region',
      { id: 'f', provider: 'aws' },
      'unknown',
      'unknown',
    ],
  ])('%s', (_case, system, offsite, outside) => {
    expect(offsiteFrom(system, cluster)).toBe(offsite);
    expect(outsideRegionOf(system, cluster)).toBe(outside);
  });

  it('is unknown without facts about the cluster', () => {
    const system = { id: 'g', provider: 'gcp' };
    expect(offsiteFrom(system, undefined)).toBe('unknown');
    expect(outsideRegionOf(system, undefined)).toBe('unknown');
  });
});
