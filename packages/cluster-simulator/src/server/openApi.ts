import crypto from 'node:crypto';
import { resourceNotFound } from '../kube/apiStatus.ts';
import type { JsonObject } from '../kube/kubeObject.ts';
import { apiVersionOf, type ResourceType } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';

/**
 * OpenAPI v3 as kube-apiserver publishes it: `/openapi/v3` lists one
 * document per group-version, and each document has the types' schemas
 * (from the CRDs) and their paths, with the `fieldValidation` parameter that
 * tells kubectl the server validates fields itself.
 */

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const OBJECT_META_REF = `#/components/schemas/${META}.ObjectMeta`;

const OBJECT_META_SCHEMA = {
  description:
    'ObjectMeta is metadata that all persisted resources must have, which includes all objects users must create.',
  type: 'object',
  properties: {
    annotations: {
      description:
        'Annotations is an unstructured key value map stored with a resource.',
      type: 'object',
      additionalProperties: { type: 'string', default: '' },
    },
    creationTimestamp: {
      description:
        'CreationTimestamp is a timestamp representing the server time when this object was created. Populated by the system. Read-only.',
      type: 'string',
      format: 'date-time',
    },
    finalizers: {
      description:
        'Must be empty before the object is deleted from the registry.',
      type: 'array',
      items: { type: 'string', default: '' },
    },
    generateName: {
      description:
        'GenerateName is an optional prefix, used by the server, to generate a unique name ONLY IF the Name field has not been provided.',
      type: 'string',
    },
    generation: {
      description:
        'A sequence number representing a specific generation of the desired state. Populated by the system. Read-only.',
      type: 'integer',
      format: 'int64',
    },
    labels: {
      description:
        'Map of string keys and values that can be used to organize and categorize (scope and select) objects.',
      type: 'object',
      additionalProperties: { type: 'string', default: '' },
    },
    name: {
      description: 'Name must be unique within a namespace.',
      type: 'string',
    },
    namespace: {
      description:
        'Namespace defines the space within which each name must be unique.',
      type: 'string',
    },
    resourceVersion: {
      description:
        'An opaque value that represents the internal version of this object. Populated by the system. Read-only.',
      type: 'string',
    },
    uid: {
      description:
        'UID is the unique in time and space value for this object. Populated by the system. Read-only.',
      type: 'string',
    },
  },
};

/** `velero.io` → `io.velero`, the prefix of a CRD's schema names. */
function schemaName(type: ResourceType): string {
  let prefix = type.group.split('.').reverse().join('.');
  if (type.builtIn) prefix = `io.k8s.api.${type.group || 'core'}`;
  return `${prefix}.${type.version}.${type.kind}`;
}

function gvk(type: ResourceType) {
  return { group: type.group, version: type.version, kind: type.kind };
}

/** A type's schema with `metadata` pointing at ObjectMeta, as published. */
function typeSchema(cluster: SimulatedCluster, type: ResourceType): JsonObject {
  const crd = cluster.definition(type)?.schema;
  const base: JsonObject = crd
    ? structuredClone(crd)
    : {
        // Without the CRD (or for a core type) the shape is only known to
        // the top level.
        type: 'object',
        description: `${type.kind} (the simulator has no schema for its fields)`,
        properties: {
          spec: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
          status: {
            type: 'object',
            'x-kubernetes-preserve-unknown-fields': true,
          },
        },
      };
  const properties = (base.properties ?? {}) as JsonObject;
  base.properties = {
    ...properties,
    apiVersion: {
      description:
        'APIVersion defines the versioned schema of this representation of an object.',
      type: 'string',
    },
    kind: {
      description:
        'Kind is a string value representing the REST resource this object represents.',
      type: 'string',
    },
    metadata: {
      description:
        "Standard object's metadata. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata",
      allOf: [{ $ref: OBJECT_META_REF }],
    },
  };
  base['x-kubernetes-group-version-kind'] = [gvk(type)];
  return base;
}

const FIELD_VALIDATION = {
  name: 'fieldValidation',
  in: 'query',
  description:
    'fieldValidation instructs the server on how to handle objects in the request (POST/PUT/PATCH) containing unknown or duplicate fields. Valid values are: Ignore, Warn, Strict.',
  schema: { type: 'string', uniqueItems: true },
};

function operation(type: ResourceType, action: string, body: boolean) {
  const ref = { $ref: `#/components/schemas/${schemaName(type)}` };
  return {
    operationId: `${action}${type.kind}`,
    ...(body
      ? {
          requestBody: { content: { '*/*': { schema: ref } }, required: true },
          parameters: [FIELD_VALIDATION],
        }
      : {}),
    responses: {
      '200': {
        description: 'OK',
        content: { 'application/json': { schema: ref } },
      },
    },
    'x-kubernetes-action': action,
    'x-kubernetes-group-version-kind': gvk(type),
  };
}

function pathsOf(type: ResourceType) {
  const prefix = type.group === '' ? '/api/v1' : `/apis/${apiVersionOf(type)}`;
  const scope = type.namespaced ? `${prefix}/namespaces/{namespace}` : prefix;
  return {
    [`${scope}/${type.plural}`]: {
      get: operation(type, 'list', false),
      post: operation(type, 'post', true),
    },
    [`${scope}/${type.plural}/{name}`]: {
      get: operation(type, 'get', false),
      put: operation(type, 'put', true),
      patch: operation(type, 'patch', true),
      delete: operation(type, 'delete', false),
    },
  };
}

/** The served group-versions: `api/v1`, `apis/<group>/<version>`. */
function groupVersions(cluster: SimulatedCluster): Map<string, ResourceType[]> {
  const byPath = new Map<string, ResourceType[]>();
  for (const type of cluster.servedTypes()) {
    const key = type.group === '' ? 'api/v1' : `apis/${apiVersionOf(type)}`;
    byPath.set(key, [...(byPath.get(key) ?? []), type]);
  }
  return byPath;
}

/** `GET /openapi/v3/<api/v1 | apis/group/version>`; 404 when not served. */
export function openApiDocument(cluster: SimulatedCluster, path: string) {
  const types = groupVersions(cluster).get(path);
  if (!types) {
    throw resourceNotFound();
  }
  return {
    openapi: '3.0.0',
    info: { title: 'Kubernetes', version: 'v1.31.0' },
    paths: Object.assign({}, ...types.map(pathsOf)),
    components: {
      schemas: {
        [`${META}.ObjectMeta`]: OBJECT_META_SCHEMA,
        ...Object.fromEntries(
          types.map(t => [schemaName(t), typeSchema(cluster, t)]),
        ),
      },
    },
  };
}

/** `GET /openapi/v3`: the documents, each URL carrying its content hash. */
export function openApiIndex(cluster: SimulatedCluster) {
  const paths: Record<string, { serverRelativeURL: string }> = {};
  for (const path of groupVersions(cluster).keys()) {
    const hash = crypto
      .createHash('sha512')
      .update(JSON.stringify(openApiDocument(cluster, path)))
      .digest('hex')
      .toUpperCase();
    paths[path] = { serverRelativeURL: `/openapi/v3/${path}?hash=${hash}` };
  }
  return { paths };
}
