import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { StatusCause } from '../kube/apiStatus.ts';
import { isJsonObject, type JsonObject } from '../kube/kubeObject.ts';
import {
  apiVersionOf,
  qualifiedResourceName,
  type ResourceType,
} from '../kube/resourceCatalog.ts';
import { loadCrdSchema } from './crdSchemas.ts';
import { addKubernetesKeywords } from './kubernetesKeywords.ts';
import { objectMetaCauses } from './objectMetaValidation.ts';
import { pruneNonNullableNulls } from './pruneNulls.ts';

interface CompiledSchema {
  schema: JsonObject;
  validate: ValidateFunction;
}

/**
 * Validates objects the way the API server does before it stores them:
 * ObjectMeta rules for every type, plus the CRD `openAPIV3Schema` for custom
 * resources when the fixtures directory holds the CRD. Without fixtures only
 * the ObjectMeta rules apply ({@link ObjectValidator.schemaValidation} says
 * which).
 */
export class ObjectValidator {
  readonly fixturesDir: string | undefined;
  private readonly ajv: Ajv;
  private readonly compiled = new Map<string, CompiledSchema | null>();

  /**
   * @param fixturesDir - where the CRDs are; undefined disables schema
   *   validation (a clone without fixtures).
   */
  constructor(fixturesDir: string | undefined) {
    this.fixturesDir = fixturesDir;
    this.ajv = new Ajv({
      allErrors: true,
      strict: false,
      validateFormats: true,
      // Keeps the offending value on each error, for the API-server wording.
      verbose: true,
    });
    addFormats(this.ajv, [
      'date-time',
      'byte',
      'int32',
      'int64',
      'double',
      'float',
    ]);
    addKubernetesKeywords(this.ajv);
  }

  /** True when CRD schemas are available for validation. */
  get schemaValidation(): boolean {
    return this.fixturesDir !== undefined;
  }

  /** True when the type's CRD schema was found and is used. */
  hasSchema(type: ResourceType): boolean {
    return this.schemaFor(type) !== undefined;
  }

  /** The reasons the object is invalid for its type; empty when valid. */
  validate(type: ResourceType, object: unknown): StatusCause[] {
    if (!isJsonObject(object)) {
      return [
        {
          reason: 'FieldValueInvalid',
          message: 'Invalid value: object expected',
        },
      ];
    }
    const causes: StatusCause[] = [];
    const expectedApiVersion = apiVersionOf(type);
    if (object.apiVersion !== expectedApiVersion) {
      causes.push(
        unsupported('apiVersion', object.apiVersion, [expectedApiVersion]),
      );
    }
    if (object.kind !== type.kind) {
      causes.push(unsupported('kind', object.kind, [type.kind]));
    }
    causes.push(...objectMetaCauses(object.metadata, type.namespaced));
    const compiled = this.schemaFor(type);
    if (compiled) {
      const pruned = pruneNonNullableNulls(object, compiled.schema);
      if (!compiled.validate(pruned)) {
        causes.push(...(compiled.validate.errors ?? []).map(toStatusCause));
      }
    }
    return causes;
  }

  private schemaFor(type: ResourceType): CompiledSchema | undefined {
    const key = `${qualifiedResourceName(type)}/${type.version}`;
    if (!this.compiled.has(key)) {
      const schema = this.fixturesDir
        ? loadCrdSchema(this.fixturesDir, type)
        : undefined;
      this.compiled.set(
        key,
        schema ? { schema, validate: this.ajv.compile(schema) } : null,
      );
    }
    return this.compiled.get(key) ?? undefined;
  }
}

const sharedValidators = new Map<string, ObjectValidator>();

/**
 * The validator of a fixtures directory, shared by every simulator in the
 * process: compiling the CloudNativePG Cluster schema takes seconds.
 */
export function validatorFor(fixturesDir: string | undefined): ObjectValidator {
  const key = fixturesDir ?? '';
  let validator = sharedValidators.get(key);
  if (!validator) {
    validator = new ObjectValidator(fixturesDir);
    sharedValidators.set(key, validator);
  }
  return validator;
}

/** `/spec/items/0/name` → `spec.items[0].name`, the API server's field paths. */
function fieldPath(instancePath: string, child?: string): string {
  const segments = instancePath.split('/').slice(1);
  if (child !== undefined) {
    segments.push(child);
  }
  return segments
    .map(s => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((acc, segment) => {
      if (/^\d+$/.test(segment)) {
        return `${acc}[${segment}]`;
      }
      return acc ? `${acc}.${segment}` : segment;
    }, '');
}

function jsonValue(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : JSON.stringify(value);
}

function unsupported(
  field: string,
  value: unknown,
  supported: unknown[],
): StatusCause {
  return {
    reason: 'FieldValueNotSupported',
    message: `Unsupported value: ${jsonValue(
      value,
    )}: supported values: ${supported.map(jsonValue).join(', ')}`,
    field,
  };
}

function typeName(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return Number.isInteger(value) ? 'integer' : 'number';
  }
  return typeof value;
}

/** Words an Ajv error the way the API server words the same failure. */
function toStatusCause(error: ErrorObject): StatusCause {
  const field = fieldPath(error.instancePath);
  switch (error.keyword) {
    case 'required':
      return {
        reason: 'FieldValueRequired',
        message: 'Required value',
        field: fieldPath(error.instancePath, error.params.missingProperty),
      };
    case 'enum':
      return unsupported(field, error.data, error.params.allowedValues);
    case 'type': {
      const actual = typeName(error.data);
      return {
        reason: 'FieldValueTypeInvalid',
        message: `Invalid value: "${actual}": ${field} in body must be of type ${error.params.type}: "${actual}"`,
        field,
      };
    }
    case 'x-kubernetes-list-type':
      return {
        reason: 'FieldValueDuplicate',
        message: error.message ?? 'Duplicate value',
        field,
      };
    default:
      return {
        reason: 'FieldValueInvalid',
        message: `Invalid value: ${jsonValue(error.data)}: ${field} in body ${
          error.message
        }`,
        field,
      };
  }
}
