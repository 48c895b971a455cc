import type { JsonObject } from '../kube/kubeObject.ts';
import { loadCrdVersion } from '../kube/crdDefinitions.ts';
import type { ResourceType } from '../kube/resourceCatalog.ts';

/**
 * Reads the `openAPIV3Schema` of a resource type's version from its CRD file
 * in the fixtures directory; undefined when the type has no CRD file (core
 * types) or the file does not serve that version.
 */
export function loadCrdSchema(
  fixturesDir: string,
  type: ResourceType,
): JsonObject | undefined {
  return loadCrdVersion(fixturesDir, type)?.schema;
}
