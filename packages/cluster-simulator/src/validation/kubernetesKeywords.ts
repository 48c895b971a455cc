import type Ajv from 'ajv';
import type { ErrorObject } from 'ajv';

/**
 * Teaches Ajv the Kubernetes OpenAPI extensions that change what a valid
 * object is:
 * - `x-kubernetes-list-type: set` — items must be unique;
 * - `x-kubernetes-list-type: map` — items must be unique by the
 *   `x-kubernetes-list-map-keys` tuple;
 * - `x-kubernetes-int-or-string` — an integer or a string.
 *
 * The rest are registered as annotations so that Ajv's strict mode accepts the
 * schemas: `x-kubernetes-preserve-unknown-fields` (unknown fields are kept,
 * see the README), `x-kubernetes-map-type` and `x-kubernetes-list-map-keys`
 * (read by the list-type keyword), `x-kubernetes-embedded-resource`, and
 * `x-kubernetes-validations`, whose CEL rules are not evaluated (no CEL
 * engine is used; the README lists this gap).
 */
export function addKubernetesKeywords(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: 'x-kubernetes-list-type',
    schemaType: 'string',
    type: 'array',
    errors: true,
    validate: function validateListType(
      listType: string,
      data: unknown[],
      parentSchema?: Record<string, unknown>,
      dataContext?: { instancePath: string },
    ): boolean {
      const keys = parentSchema?.['x-kubernetes-list-map-keys'] as
        | string[]
        | undefined;
      const seen = new Map<string, number>();
      const errors: Partial<ErrorObject>[] = [];
      data.forEach((item, index) => {
        let identity: string;
        if (listType === 'set') {
          identity = JSON.stringify(item);
        } else if (
          listType === 'map' &&
          keys &&
          typeof item === 'object' &&
          item
        ) {
          identity = JSON.stringify(
            keys.map(k => (item as Record<string, unknown>)[k]),
          );
        } else {
          return;
        }
        if (seen.has(identity)) {
          errors.push({
            keyword: 'x-kubernetes-list-type',
            instancePath: `${dataContext?.instancePath ?? ''}/${index}`,
            message: `Duplicate value: ${identity}`,
            params: { duplicate: item },
          });
        }
        seen.set(identity, index);
      });
      (validateListType as unknown as { errors: unknown }).errors = errors;
      return errors.length === 0;
    },
  });
  ajv.addKeyword({
    keyword: 'x-kubernetes-int-or-string',
    schemaType: 'boolean',
    errors: true,
    validate: function validateIntOrString(
      enabled: boolean,
      data: unknown,
    ): boolean {
      const ok = !enabled || Number.isInteger(data) || typeof data === 'string';
      (validateIntOrString as unknown as { errors: unknown }).errors = ok
        ? []
        : [
            {
              keyword: 'x-kubernetes-int-or-string',
              message: 'must be an integer or a string',
              params: {},
            },
          ];
      return ok;
    },
  });
  for (const annotation of [
    'x-kubernetes-preserve-unknown-fields',
    'x-kubernetes-map-type',
    'x-kubernetes-list-map-keys',
    'x-kubernetes-embedded-resource',
    'x-kubernetes-validations',
  ]) {
    ajv.addKeyword({ keyword: annotation });
  }
}
