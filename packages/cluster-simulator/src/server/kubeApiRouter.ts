import {
  badRequest,
  methodNotSupported,
  resourceNotFound,
} from '../kube/apiStatus.ts';
import { pruneUnknownFields } from '../validation/unknownFields.ts';
import { selfSubjectAccessReview } from './accessReview.ts';
import { createObject, patchObject, updateObject } from './objectWrites.ts';
import { openApiDocument, openApiIndex } from './openApi.ts';
import {
  includeObjectOf,
  representationOf,
  toTable,
  type IncludeObject,
  type Representation,
} from './tables.ts';
import { isJsonObject, type KubeObject } from '../kube/kubeObject.ts';
import {
  apiVersionOf,
  resourceTypeForPath,
  type ResourceType,
} from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import { authorize, type TokenGrant } from './accessControl.ts';
import {
  apiGroupDocument,
  apiGroupList,
  apiResourceList,
  AUTHORIZATION_GROUP,
  coreApiVersions,
} from './discovery.ts';
import { listObjects, type ContinuePolicy } from './listObjects.ts';

/** A request to one cluster's API, path relative to the cluster's base URL. */
export interface KubeApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  grant: TokenGrant;
  /** Parsed request body (POST, PUT, PATCH). */
  body?: unknown;
  /** Media type of the body, without parameters. */
  contentType: string;
  /** The Accept header, which asks for a Table or metadata only. */
  accept?: string;
  /** Simulated time, for objects created through the API. */
  simulatedNow: number;
  continuePolicy: ContinuePolicy;
  serverAddress: string;
}

/** What the server sends back: a body, or a watch stream to open. */
export type KubeApiResponse =
  | { status: number; body: unknown; watch?: undefined; warnings?: string[] }
  | {
      status: 200;
      watch: WatchRequest;
      body?: undefined;
      warnings?: undefined;
    };

/** The version the simulated clusters report at `/version`. */
const VERSION_INFO = {
  major: '1',
  minor: '31',
  gitVersion: 'v1.31.0',
  platform: 'linux/amd64',
};

interface ResourcePath {
  type: ResourceType;
  namespace?: string;
  name?: string;
  subresource?: 'status';
}

/**
 * Reads the resource, namespace and name from the path segments after
 * `/api/v1` or `/apis/<group>/<version>`; 404 for anything not served.
 */
function parseResourcePath(
  cluster: SimulatedCluster,
  group: string,
  version: string,
  rest: string[],
): ResourcePath {
  let namespace: string | undefined;
  let segments = rest;
  // `/namespaces/<ns>/<plural>...` is a namespaced path; `/namespaces` and
  // `/namespaces/<name>` address the Namespace objects themselves.
  if (segments[0] === 'namespaces' && segments.length >= 3) {
    namespace = segments[1];
    segments = segments.slice(2);
  }
  let subresource: 'status' | undefined;
  if (segments.length === 3 && segments[2] === 'status') {
    const type = resourceTypeForPath(group, version, segments[0]);
    if (!type?.statusSubresource) {
      throw resourceNotFound();
    }
    subresource = 'status';
    segments = segments.slice(0, 2);
  }
  if (segments.length < 1 || segments.length > 2) {
    throw resourceNotFound();
  }
  const type = resourceTypeForPath(group, version, segments[0]);
  if (!type || !cluster.serves(type)) {
    throw resourceNotFound();
  }
  if (namespace !== undefined && !type.namespaced) {
    throw resourceNotFound();
  }
  const name = segments[1];
  if (name !== undefined && type.namespaced && namespace === undefined) {
    throw resourceNotFound();
  }
  return { type, namespace, name, subresource };
}

function queryValue(query: URLSearchParams, key: string): string | undefined {
  return query.get(key) ?? undefined;
}

/** Lists omit `kind`/`apiVersion` on built-in items, as the API server does. */
function listItem(type: ResourceType, object: KubeObject): unknown {
  if (!type.builtIn) {
    return object;
  }
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object;
  return rest;
}

/** A watch the server streams: what to watch and from where. */
export interface WatchRequest {
  type: ResourceType;
  namespace?: string;
  name?: string;
  query: URLSearchParams;
  representation: Representation;
  includeObject: IncludeObject;
}

/**
 * Checks `fieldValidation` and prunes fields the CRD schema does not
 * declare; `Strict` refuses them (kubectl's default), `Warn` (the default)
 * returns them as warnings.
 */
function fieldValidation(
  cluster: SimulatedCluster,
  type: ResourceType,
  body: unknown,
  query: URLSearchParams,
): string[] {
  const directive = query.get('fieldValidation') ?? 'Warn';
  if (!['Ignore', 'Warn', 'Strict'].includes(directive)) {
    throw badRequest(
      `fieldValidation parameter unsupported: ${directive}. Valid values are: Ignore, Warn, Strict`,
    );
  }
  const schema = cluster.definition(type)?.schema;
  if (!schema || !isJsonObject(body)) {
    return [];
  }
  const unknown = pruneUnknownFields(body, schema);
  if (unknown.length > 0 && directive === 'Strict') {
    throw badRequest(
      `${type.kind} in version "${type.version}" cannot be handled as a ${
        type.kind
      }: strict decoding error: ${unknown
        .map(f => `unknown field "${f}"`)
        .join(', ')}`,
    );
  }
  return directive === 'Warn' ? unknown.map(f => `unknown field "${f}"`) : [];
}

function render(
  cluster: SimulatedCluster,
  request: KubeApiRequest,
  type: ResourceType,
  object: KubeObject,
): unknown {
  const representation = representationOf(request.accept);
  if (representation === 'Table') {
    return toTable(cluster, type, [object], request.simulatedNow, {
      includeObject:
        includeObjectOf(request.query.get('includeObject')) ?? 'Metadata',
      metadata: { resourceVersion: object.metadata.resourceVersion },
    });
  }
  if (representation === 'PartialObjectMetadata') {
    return {
      kind: 'PartialObjectMetadata',
      apiVersion: 'meta.k8s.io/v1',
      metadata: object.metadata,
    };
  }
  return object;
}

function listBody(
  cluster: SimulatedCluster,
  request: KubeApiRequest,
  type: ResourceType,
  namespace: string | undefined,
) {
  const { query } = request;
  const page = listObjects(
    cluster.collection(type),
    cluster.resourceVersion,
    {
      namespace,
      labelSelector: queryValue(query, 'labelSelector'),
      fieldSelector: queryValue(query, 'fieldSelector'),
      limit: queryValue(query, 'limit'),
      continue: queryValue(query, 'continue'),
      resourceVersion: queryValue(query, 'resourceVersion'),
    },
    request.continuePolicy,
  );
  const metadata = {
    resourceVersion: String(page.resourceVersion),
    ...(page.continueToken ? { continue: page.continueToken } : {}),
    ...(page.remainingItemCount !== undefined
      ? { remainingItemCount: page.remainingItemCount }
      : {}),
  };
  const representation = representationOf(request.accept);
  if (representation === 'Table') {
    const includeObject = includeObjectOf(query.get('includeObject'));
    if (!includeObject) {
      throw badRequest(`includeObject must be one of None, Metadata or Object`);
    }
    return toTable(cluster, type, page.items, request.simulatedNow, {
      includeObject,
      metadata,
    });
  }
  if (representation === 'PartialObjectMetadata') {
    return {
      kind: 'PartialObjectMetadataList',
      apiVersion: 'meta.k8s.io/v1',
      metadata,
      items: page.items.map(item => ({
        kind: 'PartialObjectMetadata',
        apiVersion: 'meta.k8s.io/v1',
        metadata: item.metadata,
      })),
    };
  }
  return {
    apiVersion: apiVersionOf(type),
    kind: `${type.kind}List`,
    metadata,
    items: page.items.map(item => listItem(type, item)),
  };
}

function handleResource(
  cluster: SimulatedCluster,
  request: KubeApiRequest,
  target: ResourcePath,
): KubeApiResponse {
  const { type, namespace, name, subresource } = target;
  const { method, query, grant } = request;
  const watching = query.get('watch') === 'true' || query.get('watch') === '1';
  if (subresource !== undefined && !['GET', 'PUT', 'PATCH'].includes(method)) {
    throw methodNotSupported(method);
  }
  if (method === 'GET' && (name === undefined || watching)) {
    if (watching) {
      authorize(grant, 'watch', type, namespace);
      return {
        status: 200,
        watch: {
          type,
          namespace,
          name,
          query,
          representation: representationOf(request.accept),
          includeObject:
            includeObjectOf(query.get('includeObject')) ?? 'Metadata',
        },
      };
    }
    authorize(grant, 'list', type, namespace);
    return { status: 200, body: listBody(cluster, request, type, namespace) };
  }
  if (method === 'GET') {
    authorize(grant, 'get', type, namespace, name);
    return {
      status: 200,
      body: render(cluster, request, type, cluster.get(type, namespace, name!)),
    };
  }
  const now = request.simulatedNow;
  if (method === 'POST' && name === undefined) {
    authorize(grant, 'create', type, namespace);
    const warnings = fieldValidation(cluster, type, request.body, query);
    const created = createObject(cluster, type, namespace, request.body, now);
    return {
      status: 201,
      body: render(cluster, request, type, created),
      warnings,
    };
  }
  if (method === 'PUT' && name !== undefined) {
    authorize(grant, 'update', type, namespace, name);
    const warnings = fieldValidation(cluster, type, request.body, query);
    const updated = updateObject(
      cluster,
      type,
      namespace,
      name,
      request.body,
      now,
      subresource,
    );
    return {
      status: 200,
      body: render(cluster, request, type, updated),
      warnings,
    };
  }
  if (method === 'PATCH' && name !== undefined) {
    authorize(grant, 'patch', type, namespace, name);
    const patched = patchObject(
      cluster,
      type,
      namespace,
      name,
      request.contentType,
      request.body,
      now,
      subresource,
    );
    return { status: 200, body: render(cluster, request, type, patched) };
  }
  if (method === 'DELETE' && name !== undefined) {
    authorize(grant, 'delete', type, namespace, name);
    return {
      status: 200,
      body: render(
        cluster,
        request,
        type,
        cluster.delete(type, namespace, name),
      ),
    };
  }
  if (method === 'DELETE' && type.plural !== 'namespaces') {
    authorize(grant, 'deletecollection', type, namespace);
    const body = listBody(
      cluster,
      { ...request, accept: undefined },
      type,
      namespace,
    ) as {
      items: KubeObject[];
    };
    const deleted = body.items.map(item =>
      cluster.delete(
        type,
        item.metadata.namespace ?? namespace,
        item.metadata.name,
      ),
    );
    return {
      status: 200,
      body: { ...body, items: deleted.map(o => listItem(type, o)) },
    };
  }
  throw methodNotSupported(method);
}

/**
 * Answers one request to a simulated cluster's API: discovery, OpenAPI,
 * access reviews, list, watch, get, create, update, patch and delete.
 * Throws ApiError for every failure.
 */
export function routeKubeApi(
  cluster: SimulatedCluster,
  request: KubeApiRequest,
): KubeApiResponse {
  const segments = request.path
    .split('/')
    .filter(s => s.length > 0)
    .map(decodeURIComponent);
  if (request.method === 'GET') {
    if (segments[0] === 'openapi' && segments[1] === 'v3') {
      return {
        status: 200,
        body:
          segments.length === 2
            ? openApiIndex(cluster)
            : openApiDocument(cluster, segments.slice(2).join('/')),
      };
    }
    if (segments.length === 1 && segments[0] === 'version') {
      return { status: 200, body: VERSION_INFO };
    }
    if (segments.length === 1 && segments[0] === 'api') {
      return { status: 200, body: coreApiVersions(request.serverAddress) };
    }
    if (segments.length === 2 && segments[0] === 'api') {
      return { status: 200, body: apiResourceList(cluster, '', segments[1]) };
    }
    if (segments.length === 1 && segments[0] === 'apis') {
      return { status: 200, body: apiGroupList(cluster) };
    }
    if (segments.length === 2 && segments[0] === 'apis') {
      return { status: 200, body: apiGroupDocument(cluster, segments[1]) };
    }
    if (segments.length === 3 && segments[0] === 'apis') {
      return {
        status: 200,
        body: apiResourceList(cluster, segments[1], segments[2]),
      };
    }
  }
  if (segments[0] === 'api' && segments.length >= 3) {
    return handleResource(
      cluster,
      request,
      parseResourcePath(cluster, '', segments[1], segments.slice(2)),
    );
  }
  if (
    request.method === 'POST' &&
    segments.join('/') ===
      `apis/${AUTHORIZATION_GROUP}/v1/selfsubjectaccessreviews`
  ) {
    return {
      status: 201,
      body: selfSubjectAccessReview(request.grant, request.body),
    };
  }
  if (segments[0] === 'apis' && segments.length >= 4) {
    return handleResource(
      cluster,
      request,
      parseResourcePath(cluster, segments[1], segments[2], segments.slice(3)),
    );
  }
  throw resourceNotFound();
}
