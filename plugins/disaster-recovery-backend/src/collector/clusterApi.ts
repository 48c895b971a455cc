import {
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
