import { isJsonObject, type JsonObject } from '../kube/kubeObject.ts';

/** True when a null occurs anywhere in the value (cheap, no copying). */
function containsNull(value: unknown): boolean {
  if (value === null) {
    return true;
  }
  if (typeof value !== 'object') {
    return false;
  }
  for (const child of Array.isArray(value)
    ? value
    : Object.values(value as object)) {
    if (child === null || (typeof child === 'object' && containsNull(child))) {
      return true;
    }
  }
  return false;
}

/**
 * The API server drops `null` values of fields whose schema is not
 * `nullable: true` before it validates an object (CRD structural schema
 * rules). Returns a copy with those nulls removed, for validation; the
 * stored object is left as it was given.
 */
export function pruneNonNullableNulls(
  value: unknown,
  schema: unknown,
): unknown {
  return containsNull(value) ? pruneNulls(value, schema) : value;
}

function pruneNulls(value: unknown, schema: unknown): unknown {
  if (!isJsonObject(value) || !isJsonObject(schema)) {
    if (
      Array.isArray(value) &&
      isJsonObject(schema) &&
      isJsonObject(schema.items)
    ) {
      return value.map(item => pruneNulls(item, schema.items));
    }
    return value;
  }
  const properties = isJsonObject(schema.properties)
    ? schema.properties
    : undefined;
  const additional = isJsonObject(schema.additionalProperties)
    ? schema.additionalProperties
    : undefined;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) {
    const childSchema = (properties?.[key] ?? additional) as
      | JsonObject
      | undefined;
    if (child === null && childSchema && childSchema.nullable !== true) {
      continue;
    }
    out[key] = childSchema ? pruneNulls(child, childSchema) : child;
  }
  return out;
}
