import { isJsonObject, type JsonObject } from '../kube/kubeObject.ts';

/** Fields every object has beside what its schema's properties declare. */
const ROOT_FIELDS = new Set(['apiVersion', 'kind', 'metadata']);

/**
 * Removes the fields a structural CRD schema does not declare, as the API
 * server prunes them, and returns their paths (`spec.foo`, `spec.items[0].x`)
 * for `fieldValidation=Strict` (an error) or `Warn` (a warning).
 */
export function pruneUnknownFields(
  object: JsonObject,
  schema: JsonObject,
): string[] {
  const unknown: string[] = [];
  walk(object, schema, '', unknown, true);
  return unknown;
}

function walk(
  value: unknown,
  schema: JsonObject,
  path: string,
  unknown: string[],
  root = false,
): void {
  if (schema['x-kubernetes-preserve-unknown-fields'] === true) {
    return;
  }
  if (Array.isArray(value)) {
    if (isJsonObject(schema.items)) {
      value.forEach((item, i) =>
        walk(item, schema.items as JsonObject, `${path}[${i}]`, unknown),
      );
    }
    return;
  }
  if (!isJsonObject(value)) {
    return;
  }
  const properties = isJsonObject(schema.properties) ? schema.properties : {};
  const additional = schema.additionalProperties;
  for (const key of Object.keys(value)) {
    const child = path === '' ? key : `${path}.${key}`;
    if (root && ROOT_FIELDS.has(key)) {
      continue;
    }
    const declared = properties[key];
    if (isJsonObject(declared)) {
      walk(value[key], declared, child, unknown);
    } else if (isJsonObject(additional)) {
      walk(value[key], additional, child, unknown);
    } else if (additional !== true) {
      unknown.push(child);
      delete value[key];
    }
  }
}
