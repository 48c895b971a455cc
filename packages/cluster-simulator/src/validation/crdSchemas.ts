import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isJsonObject, type JsonObject } from '../kube/kubeObject.ts';
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
  if (!type.crdFile) {
    return undefined;
  }
  const file = path.join(fixturesDir, type.crdFile);
  if (!fs.existsSync(file)) {
    return undefined;
  }
  const crd = parseYaml(fs.readFileSync(file, 'utf8'));
  const versions: unknown[] = crd?.spec?.versions ?? [];
  const version = versions.find(
    v => isJsonObject(v) && v.name === type.version && v.served === true,
  ) as JsonObject | undefined;
  const schema = (version?.schema as JsonObject | undefined)?.openAPIV3Schema;
  return isJsonObject(schema) ? schema : undefined;
}
