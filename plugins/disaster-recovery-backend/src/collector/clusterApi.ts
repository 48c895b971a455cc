import {
  ApisApi,
  CoreApi,
  CoreV1Api,
  CustomObjectsApi,
  type KubeConfig,
} from '@kubernetes/client-node';
import type { KubernetesResourceKind } from '@dr-posture/plugin-disaster-recovery-node';

/** One page of a list call. */
export interface ListPage {
  items: unknown[];
  /** The token of the next page; absent on the last one. */
  continueToken?: string;
}

/** Lists one page of a resource kind across all namespaces. */
export type ListPageFn = (
  kind: KubernetesResourceKind,
  limit: number,
  continueToken: string | undefined,
) => Promise<ListPage>;

type CoreLister = (
  api: CoreV1Api,
  limit: number,
  continueToken: string | undefined,
) => Promise<{ items: unknown[]; metadata?: { _continue?: string } }>;

/** Core resources have typed calls of their own, unlike custom resources. */
const CORE_LISTERS: Record<string, CoreLister> = {
  namespaces: (api, limit, _continue) =>
    api.listNamespace({ limit, _continue }),
  pods: (api, limit, _continue) =>
    api.listPodForAllNamespaces({ limit, _continue }),
  persistentvolumeclaims: (api, limit, _continue) =>
    api.listPersistentVolumeClaimForAllNamespaces({ limit, _continue }),
};

/** A page lister for one cluster, on @kubernetes/client-node. */
export function createListPage(kubeConfig: KubeConfig): ListPageFn {
  const custom = kubeConfig.makeApiClient(CustomObjectsApi);
  const core = kubeConfig.makeApiClient(CoreV1Api);
  return async (kind, limit, continueToken) => {
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
      const page = await list(core, limit, continueToken);
      return {
        items: page.items,
        continueToken: page.metadata?._continue || undefined,
      };
    }
    const page = (await custom.listClusterCustomObject({
      group,
      version,
      plural: kind.plural,
      limit,
      _continue: continueToken,
    })) as { items?: unknown[]; metadata?: { continue?: string } };
    return {
      items: page.items ?? [],
      continueToken: page.metadata?.continue || undefined,
    };
  };
}

/** The group versions a cluster serves (`v1`, `velero.io/v1`, ...). */
export type ServedGroupVersionsFn = () => Promise<Set<string>>;

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
  return async () => {
    const [coreVersions, groups] = await Promise.all([
      core.getAPIVersions(),
      apis.getAPIVersions(),
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
