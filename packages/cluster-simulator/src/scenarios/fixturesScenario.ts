import {
  isObjectDocument,
  loadFixtureDocuments,
} from '../fixtures/loadFixtureObjects.ts';
import { isJsonObject, type KubeObject } from '../kube/kubeObject.ts';
import { resourceTypeForObject } from '../kube/resourceCatalog.ts';
import {
  readOnlyGrant,
  staticBehaviour,
  type ClusterSeed,
  type Scenario,
} from './scenario.ts';

/** The token of a fixtures cluster. */
export function fixturesToken(cluster: string): string {
  return `fixtures-token-${cluster}`;
}

/**
 * The `fixtures` scenario: every object of the fixtures directory, served
 * as published. Several examples share a name (three BackupStorageLocations
 * are `velero/default`), so objects are spread over as many clusters as
 * needed (`fixtures-1`, `fixtures-2`, …), each object going to the first
 * cluster where its name is free. The only fields added are those the API
 * server sets on create: `metadata.namespace` (`default`, as `kubectl apply`
 * does) when absent, and uid, resourceVersion and creationTimestamp.
 * Documents without apiVersion/kind (status fragments) are listed as notices.
 * The clock is frozen and no controller runs, so nothing changes.
 */
export function fixturesScenario(options: {
  fixturesDir: string;
  seed: string;
  start: number;
}): Scenario {
  const clusters: ClusterSeed[] = [];
  const taken: Array<Set<string>> = [];
  const notices: string[] = [];
  for (const { file, content } of loadFixtureDocuments(options.fixturesDir)) {
    if (!isObjectDocument(content)) {
      notices.push(
        `fixtures: skipped ${file}: not a Kubernetes object (no apiVersion/kind)`,
      );
      continue;
    }
    const type = resourceTypeForObject(content.apiVersion, content.kind);
    if (!type) {
      notices.push(
        `fixtures: skipped ${file}: ${content.apiVersion} ${content.kind} is not served`,
      );
      continue;
    }
    const metadata = isJsonObject(content.metadata) ? content.metadata : {};
    const object = {
      ...content,
      metadata:
        type.namespaced &&
        (metadata.namespace === undefined || metadata.namespace === null)
          ? { ...metadata, namespace: 'default' }
          : metadata,
    } as KubeObject;
    const key = `${content.apiVersion}/${content.kind}/${
      object.metadata.namespace ?? ''
    }/${String(object.metadata.name)}`;
    let index = taken.findIndex(names => !names.has(key));
    if (index < 0) {
      index = taken.length;
      taken.push(new Set());
      const name = `fixtures-${index + 1}`;
      clusters.push({
        name,
        groups: ['velero.io', 'postgresql.cnpg.io', 'barmancloud.cnpg.io'],
        tokens: [readOnlyGrant(fixturesToken(name))],
        objects: [],
      });
    }
    taken[index].add(key);
    clusters[index].objects.push(object);
  }
  return {
    name: 'fixtures',
    historyStart: options.start,
    clusters,
    behaviour: staticBehaviour(options.seed),
    notices,
  };
}
