import {
  badRequest,
  methodNotSupported,
  resourceNotFound,
} from '../kube/apiStatus.ts';
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
  coreApiVersions,
} from './discovery.ts';
import { listObjects, type ContinuePolicy } from './listObjects.ts';

/** A request to one cluster's API, path relative to the cluster's base URL. */
export interface KubeApiRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  grant: TokenGrant;
  /** Parsed request body (POST). */
  body?: unknown;
  /** Simulated time, for objects created through the API. */
  simulatedNow: number;
  continuePolicy: ContinuePolicy;
  serverAddress: string;
}

/** What the server sends back. */
export interface KubeApiResponse {
  status: number;
  body: unknown;
}

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
  return { type, namespace, name };
}

function queryValue(query: URLSearchParams, key: string): string | undefined {
  return query.get(key) ?? undefined;
}

/** Lists omit `kind`/`apiVersion` on core items, as the API server does. */
function listItem(type: ResourceType, object: KubeObject): unknown {
  if (type.group !== '') {
    return object;
  }
  const { kind: _kind, apiVersion: _apiVersion, ...rest } = object;
  return rest;
}

function handleResource(
  cluster: SimulatedCluster,
  request: KubeApiRequest,
  target: ResourcePath,
): KubeApiResponse {
  const { type, namespace, name } = target;
  const { method, query, grant } = request;
  if (method === 'GET' && name === undefined) {
    if (query.get('watch') === 'true' || query.get('watch') === '1') {
      throw methodNotSupported(
        'watch is not supported by the cluster simulator',
      );
    }
    authorize(grant, 'list', type, namespace);
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
    return {
      status: 200,
      body: {
        apiVersion: apiVersionOf(type),
        kind: `${type.kind}List`,
        metadata: {
          resourceVersion: String(page.resourceVersion),
          ...(page.continueToken ? { continue: page.continueToken } : {}),
          ...(page.remainingItemCount !== undefined
            ? { remainingItemCount: page.remainingItemCount }
            : {}),
        },
        items: page.items.map(item => listItem(type, item)),
      },
    };
  }
  if (method === 'GET') {
    authorize(grant, 'get', type, namespace, name);
    return { status: 200, body: cluster.get(type, namespace, name!) };
  }
  if (method === 'POST' && name === undefined) {
    authorize(grant, 'create', type, namespace);
    const body = request.body;
    if (!isJsonObject(body) || !isJsonObject(body.metadata)) {
      throw badRequest(
        `the object provided is unrecognized (must be of type ${type.kind})`,
      );
    }
    if (type.namespaced) {
      const bodyNamespace = body.metadata.namespace;
      if (
        bodyNamespace !== undefined &&
        bodyNamespace !== '' &&
        bodyNamespace !== namespace
      ) {
        throw badRequest(
          'the namespace of the provided object does not match the namespace sent on the request',
        );
      }
      body.metadata.namespace = namespace;
    }
    if (body.apiVersion !== apiVersionOf(type) || body.kind !== type.kind) {
      throw badRequest(
        `the API version in the data (${String(
          body.apiVersion,
        )}) does not match the expected API version (${apiVersionOf(type)})`,
      );
    }
    return {
      status: 201,
      body: cluster.write(body, request.simulatedNow, 'create'),
    };
  }
  if (method === 'DELETE' && name !== undefined) {
    authorize(grant, 'delete', type, namespace, name);
    return { status: 200, body: cluster.delete(type, namespace, name) };
  }
  throw methodNotSupported(method);
}

/**
 * Answers one request to a simulated cluster's API: discovery, list, get,
 * create and delete. Throws ApiError for every failure.
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
  if (segments[0] === 'apis' && segments.length >= 4) {
    return handleResource(
      cluster,
      request,
      parseResourcePath(cluster, segments[1], segments[2], segments.slice(3)),
    );
  }
  throw resourceNotFound();
}
