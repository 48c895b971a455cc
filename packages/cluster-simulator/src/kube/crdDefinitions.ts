import fs from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isJsonObject, type JsonObject } from './kubeObject.ts';
import type { ResourceType } from './resourceCatalog.ts';

/** A CRD `additionalPrinterColumns` entry. */
export interface PrinterColumn {
  name: string;
  type: string;
  jsonPath: string;
  format?: string;
  description?: string;
  priority?: number;
}

/** What the simulator reads from one served version of a CRD. */
export interface CrdVersion {
  schema?: JsonObject;
  printerColumns: PrinterColumn[];
  statusSubresource: boolean;
}

const cache = new Map<string, CrdVersion | null>();

function printerColumnsOf(version: JsonObject): PrinterColumn[] {
  const columns = version.additionalPrinterColumns;
  if (!Array.isArray(columns)) {
    return [];
  }
  return columns.filter(
    (c): c is PrinterColumn =>
      isJsonObject(c) &&
      typeof c.name === 'string' &&
      typeof c.type === 'string' &&
      typeof c.jsonPath === 'string',
  );
}

/**
 * Reads a resource type's served version from its CRD file in the fixtures
 * directory (cached per file and version); undefined for core types, a
 * missing file or a version the CRD does not serve.
 */
export function loadCrdVersion(
  fixturesDir: string,
  type: ResourceType,
): CrdVersion | undefined {
  if (!type.crdFile) {
    return undefined;
  }
  const file = path.join(fixturesDir, type.crdFile);
  const key = `${file}#${type.version}`;
  if (!cache.has(key)) {
    cache.set(key, readCrdVersion(file, type.version) ?? null);
  }
  return cache.get(key) ?? undefined;
}

function readCrdVersion(file: string, name: string): CrdVersion | undefined {
  if (!fs.existsSync(file)) {
    return undefined;
  }
  const crd = parseYaml(fs.readFileSync(file, 'utf8'));
  const versions: unknown[] = crd?.spec?.versions ?? [];
  const version = versions.find(
    v => isJsonObject(v) && v.name === name && v.served === true,
  ) as JsonObject | undefined;
  if (!version) {
    return undefined;
  }
  const schema = (version.schema as JsonObject | undefined)?.openAPIV3Schema;
  const subresources = version.subresources;
  return {
    schema: isJsonObject(schema) ? schema : undefined,
    printerColumns: printerColumnsOf(version),
    statusSubresource:
      isJsonObject(subresources) && isJsonObject(subresources.status),
  };
}
