import {
  ApisApi,
  CoreApi,
  CoreV1Api,
  CustomObjectsApi,
  Observable,
  type ConfigurationOptions,
  type KubeConfig,
} from '@kubernetes/client-node';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';

/** One page of a list call. */
export interface ListPage {
  items: unknown[];
  /** The token of the next page; absent on the last one. */
  continueToken?: string;
  /** The list's resourceVersion: a watch from it misses nothing after it. */
  resourceVersion?: string;
}

/**
 * Lists one page of a resource kind across all namespaces; aborting
 * `signal` closes the request's connection.
 */
export type ListPageFn = (
  kind: KubernetesResourceKind,
  limit: number,
  continueToken: string | undefined,
  signal: AbortSignal,
) => Promise<ListPage>;

/** What a listing reads of each object. */
export type ListRepresentation = 'objects' | 'metadata';

/**
 * Asks for metadata only, as client-go's metadata client does; a server
 * that cannot answer so sends the full objects instead, whose metadata is
 * the same.
 */
const METADATA_ACCEPT =
  'application/json;as=PartialObjectMetadataList;g=meta.k8s.io;v=v1,application/json';

/**
 * Per-request options that hand `signal` to the client's fetch, the way the
 * client's own `setHeaderOptions` adds a header (it has no signal option),
 * and, for a metadata listing, ask for metadata only.
 */
function abortedBy(
  signal: AbortSignal,
  representation: ListRepresentation = 'objects',
): ConfigurationOptions {
  return {
    middleware: [
      {
        pre: request => {
          request.setSignal(signal);
          if (representation === 'metadata') {
            request.setHeaderParam('Accept', METADATA_ACCEPT);
          }
          return new Observable(Promise.resolve(request));
        },
        post: response => new Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  };
}

type CoreLister = (
  api: CoreV1Api,
  page: { limit: number; _continue: string | undefined },
  options: ConfigurationOptions,
) => Promise<{
  items: unknown[];
  metadata?: { _continue?: string; resourceVersion?: string };
}>;

/** Core resources have typed calls of their own, unlike custom resources. */
const CORE_LISTERS: Record<string, CoreLister> = {
  namespaces: (api, page, options) => api.listNamespace(page, options),
  nodes: (api, page, options) => api.listNode(page, options),
  pods: (api, page, options) => api.listPodForAllNamespaces(page, options),
  persistentvolumeclaims: (api, page, options) =>
    api.listPersistentVolumeClaimForAllNamespaces(page, options),
};

/**
 * A page lister for one cluster, on @kubernetes/client-node; with
 * `metadata`, its items hold only `metadata` (uid, resourceVersion, names).
 */
export function createListPage(
  kubeConfig: KubeConfig,
  representation: ListRepresentation = 'objects',
): ListPageFn {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  return async (kind, limit, continueToken, signal) => {
    const [group, version] = kind.apiVersion.includes('/')
      ? kind.apiVersion.split('/')
      : ['', kind.apiVersion];
    if (!group) {
      const list = CORE_LISTERS[kind.plural];
      if (!list) {
        throw new Error(
          `Listing core resource '${kind.plural}' is not supported`,
        );
      }
      const page = await list(
        core,
        { limit, _continue: continueToken },
        abortedBy(signal, representation),
      );
      return {
        items: page.items,
        continueToken: page.metadata?._continue || undefined,
        resourceVersion: page.metadata?.resourceVersion || undefined,
      };
    }
    const page = (await custom.listClusterCustomObject(
      { group, version, plural: kind.plural, limit, _continue: continueToken },
      abortedBy(signal, representation),
    )) as {
      items?: unknown[];
      metadata?: { continue?: string; resourceVersion?: string };
    };
    return {
      items: page.items ?? [],
      continueToken: page.metadata?.continue || undefined,
      resourceVersion: page.metadata?.resourceVersion || undefined,
    };
  };
}

/** The group versions a cluster serves (`v1`, `velero.io/v1`, ...). */
export type ServedGroupVersionsFn = (
  signal: AbortSignal,
) => Promise<Set<string>>;

/**
 * Reads API discovery (`/api` and `/apis`), as kubectl does, to tell which
 * kinds a cluster serves. A cluster that does not answer discovery with
 * real lists (a mistyped URL, a proxy's error page) fails the call, so no
 * kind is ever taken for uninstalled because a list answered 404.
 */
export function createServedGroupVersions(
  kubeConfig: KubeConfig,
): ServedGroupVersionsFn {
  const core = kubeConfig.makeApiClient(CoreApi);
  const apis = kubeConfig.makeApiClient(ApisApi);
  return async signal => {
    const [coreVersions, groups] = await Promise.all([
      core.getAPIVersions({}, abortedBy(signal)),
      apis.getAPIVersions({}, abortedBy(signal)),
    ]);
    if (
      !Array.isArray(coreVersions?.versions) ||
      !Array.isArray(groups?.groups)
    ) {
      throw new Error(
        'API discovery answered without version lists; this is not a Kubernetes API server',
      );
    }
    return new Set([
      ...coreVersions.versions,
      ...groups.groups.flatMap(group =>
        (group.versions ?? []).map(version => version.groupVersion),
      ),
    ]);
  };
}
