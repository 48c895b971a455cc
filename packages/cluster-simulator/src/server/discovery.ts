import { resourceNotFound } from '../kube/apiStatus.ts';
import type { ResourceType } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';

/**
 * Verbs in the order kube-apiserver lists them: alphabetical for built-in
 * types (with deletecollection where the type has it), and the CRD
 * handler's own order for custom resources.
 */
const CUSTOM_RESOURCE_VERBS = [
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'create',
  'update',
  'watch',
];
const CORE_VERBS = [
  'create',
  'delete',
  'deletecollection',
  'get',
  'list',
  'patch',
  'update',
  'watch',
];
// Namespaces are deleted one by one (their finalizer), never as a collection.
const NAMESPACE_VERBS = CORE_VERBS.filter(v => v !== 'deletecollection');
const STATUS_VERBS = ['get', 'patch', 'update'];

/** The group of `SelfSubjectAccessReview`, which every cluster serves. */
export const AUTHORIZATION_GROUP = 'authorization.k8s.io';

interface GroupVersions {
  name: string;
  versions: string[];
}

/** The built-in groups served, in kube-apiserver's priority order. */
const BUILT_IN_GROUPS = ['apps', AUTHORIZATION_GROUP, 'autoscaling', 'policy'];

function groupsOf(cluster: SimulatedCluster): GroupVersions[] {
  // Built-in groups come first (their priority is higher); the CRD groups
  // share one priority and are ordered by name.
  const groups = new Map<string, string[]>([[AUTHORIZATION_GROUP, ['v1']]]);
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
  const builtIn = BUILT_IN_GROUPS.flatMap(name => {
    const versions = groups.get(name);
    return versions ? [[name, versions] as const] : [];
  });
  const custom = [...groups].filter(
    ([name]) => !BUILT_IN_GROUPS.includes(name),
  );
  custom.sort(([a], [b]) => (a < b ? -1 : 1));
  return [...builtIn, ...custom].map(([name, versions]) => ({
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

function verbsOf(type: ResourceType): string[] {
  if (!type.builtIn) {
    return CUSTOM_RESOURCE_VERBS;
  }
  return type.plural === 'namespaces' ? NAMESPACE_VERBS : CORE_VERBS;
}

/** A type's discovery entries: the resource, then its status subresource. */
function apiResources(type: ResourceType) {
  const resource = {
    name: type.plural,
    singularName: type.singular,
    namespaced: type.namespaced,
    kind: type.kind,
    verbs: verbsOf(type),
    ...(type.shortNames ? { shortNames: type.shortNames } : {}),
  };
  if (!type.statusSubresource) {
    return [resource];
  }
  return [
    resource,
    {
      name: `${type.plural}/status`,
      singularName: '',
      namespaced: type.namespaced,
      kind: type.kind,
      verbs: STATUS_VERBS,
    },
  ];
}

const ACCESS_REVIEW_RESOURCE = {
  name: 'selfsubjectaccessreviews',
  singularName: 'selfsubjectaccessreview',
  namespaced: false,
  kind: 'SelfSubjectAccessReview',
  verbs: ['create'],
};

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
    .filter(t => t.group === group && t.version === version)
    .sort((a, b) => (a.plural < b.plural ? -1 : 1));
  const resources =
    group === AUTHORIZATION_GROUP && version === 'v1'
      ? [ACCESS_REVIEW_RESOURCE]
      : types.flatMap(apiResources);
  if (resources.length === 0) {
    throw resourceNotFound();
  }
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: group ? `${group}/${version}` : version,
    resources,
  };
}
