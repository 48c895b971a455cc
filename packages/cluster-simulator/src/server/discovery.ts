import { resourceNotFound } from '../kube/apiStatus.ts';
import type { ResourceType } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';

/** The verbs discovery advertises: the ones the simulator implements. */
const SERVED_VERBS = ['create', 'delete', 'get', 'list'];

interface GroupVersions {
  name: string;
  versions: string[];
}

function groupsOf(cluster: SimulatedCluster): GroupVersions[] {
  const groups = new Map<string, string[]>();
  for (const type of cluster.servedTypes()) {
    if (type.group === '') {
      continue;
    }
    const versions = groups.get(type.group) ?? [];
    if (!versions.includes(type.version)) {
      versions.push(type.version);
    }
    groups.set(type.group, versions);
  }
  return [...groups].map(([name, versions]) => ({
    name,
    // v1 first: the first version is the preferred one.
    versions: [
      ...versions.filter(v => v === 'v1'),
      ...versions.filter(v => v !== 'v1').sort(),
    ],
  }));
}

function apiGroup(group: GroupVersions) {
  const versions = group.versions.map(version => ({
    groupVersion: `${group.name}/${version}`,
    version,
  }));
  return { name: group.name, versions, preferredVersion: versions[0] };
}

function apiResource(type: ResourceType) {
  return {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: SERVED_VERBS,
    ...(type.shortNames ? { shortNames: type.shortNames } : {}),
  };
}

/** `GET /api`: the core group's versions. */
export function coreApiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

/** `GET /apis`: the installed groups. */
export function apiGroupList(cluster: SimulatedCluster) {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groupsOf(cluster).map(apiGroup),
  };
}

/** `GET /apis/<group>`; 404 when the group is not installed. */
export function apiGroupDocument(cluster: SimulatedCluster, name: string) {
  const group = groupsOf(cluster).find(g => g.name === name);
  if (!group) {
    throw resourceNotFound();
  }
  return { kind: 'APIGroup', apiVersion: 'v1', ...apiGroup(group) };
}

/** `GET /api/v1` or `/apis/<group>/<version>`; 404 when not installed. */
export function apiResourceList(
  cluster: SimulatedCluster,
  group: string,
  version: string,
) {
  const types = cluster
    .servedTypes()
    .filter(t => t.group === group && t.version === version);
  if (types.length === 0) {
    throw resourceNotFound();
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources: types.map(apiResource),
  };
}
