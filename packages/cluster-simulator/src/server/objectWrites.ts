import crypto from 'node:crypto';
import {
  badRequest,
  conflict,
  namespaceNotFound,
  unsupportedMediaType,
} from '../kube/apiStatus.ts';
import {
  isJsonObject,
  type JsonObject,
  type KubeObject,
} from '../kube/kubeObject.ts';
import { apiVersionOf, type ResourceType } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';

/** Metadata only the server sets; what a client sends there is dropped. */
const SERVER_SET_METADATA = [
  'uid',
  'creationTimestamp',
  'generation',
  'resourceVersion',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'selfLink',
];

/** The random suffix `generateName` gets (five of the API server's letters). */
function nameSuffix(): string {
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  return Array.from(
    crypto.randomBytes(5),
    byte => alphabet[byte % alphabet.length],
  ).join('');
}

function checkKind(type: ResourceType, body: JsonObject): void {
  if (body.apiVersion !== apiVersionOf(type) || body.kind !== type.kind) {
    throw badRequest(
      `the API version in the data (${String(
        body.apiVersion,
      )}) does not match the expected API version (${apiVersionOf(type)})`,
    );
  }
}

function checkNamespace(
  cluster: SimulatedCluster,
  type: ResourceType,
  body: JsonObject & { metadata: JsonObject },
  namespace: string | undefined,
): void {
  if (!type.namespaced) {
    return;
  }
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
  // The NamespaceLifecycle admission plugin refuses writes into a namespace
  // that does not exist.
  if (!cluster.hasNamespace(namespace!)) {
    throw namespaceNotFound(namespace!);
  }
}

function objectBody(
  type: ResourceType,
  body: unknown,
): JsonObject & { metadata: JsonObject } {
  if (!isJsonObject(body) || !isJsonObject(body.metadata)) {
    throw badRequest(
      `the object provided is unrecognized (must be of type ${type.kind})`,
    );
  }
  return body as JsonObject & { metadata: JsonObject };
}

/**
 * `POST`: the server names (`generateName`), stamps uid, creation time,
 * generation and resourceVersion, refuses a resourceVersion set by the
 * client, and drops status where status is a subresource.
 */
export function createObject(
  cluster: SimulatedCluster,
  type: ResourceType,
  namespace: string | undefined,
  input: unknown,
  now: number,
): KubeObject {
  const body = objectBody(type, input);
  checkKind(type, body);
  if (body.metadata.resourceVersion) {
    throw badRequest(
      'resourceVersion should not be set on objects to be created',
    );
  }
  checkNamespace(cluster, type, body, namespace);
  if (
    (body.metadata.name === undefined || body.metadata.name === '') &&
    typeof body.metadata.generateName === 'string' &&
    body.metadata.generateName !== ''
  ) {
    body.metadata.name = `${body.metadata.generateName}${nameSuffix()}`;
  }
  const metadata = { ...body.metadata };
  for (const key of SERVER_SET_METADATA) {
    delete metadata[key];
  }
  const object: JsonObject = {
    ...body,
    metadata: { ...metadata, uid: crypto.randomUUID() },
  };
  if (type.statusSubresource) {
    delete object.status;
  }
  return cluster.write(object, now, 'create');
}

/**
 * `PUT` of the main resource or of `/status`. A resourceVersion in the body
 * must be the stored one (409 Conflict otherwise); server-set metadata stays
 * the server's; with a status subresource, the main resource keeps the
 * stored status and `/status` changes nothing but status.
 */
export function updateObject(
  cluster: SimulatedCluster,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  input: unknown,
  now: number,
  subresource: 'status' | undefined,
): KubeObject {
  const existing = cluster.get(type, namespace, name);
  const body = objectBody(type, input);
  checkKind(type, body);
  checkNamespace(cluster, type, body, namespace);
  if (body.metadata.name !== name) {
    throw badRequest(
      `the name of the object (${String(
        body.metadata.name,
      )}) does not match the name on the URL (${name})`,
    );
  }
  const sentVersion = body.metadata.resourceVersion;
  if (
    sentVersion !== undefined &&
    sentVersion !== '' &&
    sentVersion !== existing.metadata.resourceVersion
  ) {
    throw conflict(type.group, type.plural, name);
  }
  let next: JsonObject;
  if (subresource === 'status') {
    next = { ...existing, status: body.status };
    if (body.status === undefined) {
      delete next.status;
    }
  } else {
    next = { ...body };
    if (type.statusSubresource) {
      if (existing.status === undefined) {
        delete next.status;
      } else {
        next.status = existing.status;
      }
    }
    // The cluster's write counts the generation from the stored object.
    const metadata: JsonObject = { ...body.metadata };
    for (const key of SERVER_SET_METADATA) {
      metadata[key] = existing.metadata[key];
      if (metadata[key] === undefined) {
        delete metadata[key];
      }
    }
    next.metadata = metadata;
  }
  return cluster.write(next, now, 'update');
}

/** RFC 7386 JSON merge patch. */
function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isJsonObject(patch)) {
    return patch;
  }
  const result: JsonObject = isJsonObject(target) ? { ...target } : {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) {
      delete result[key];
    } else {
      result[key] = mergePatch(result[key], value);
    }
  }
  return result;
}

/**
 * `PATCH` with a JSON merge patch (or a strategic merge patch, applied as a
 * merge patch: the simulator serves no type with patch strategies that
 * matter to its clients), then the same rules as an update.
 */
export function patchObject(
  cluster: SimulatedCluster,
  type: ResourceType,
  namespace: string | undefined,
  name: string,
  contentType: string,
  patch: unknown,
  now: number,
  subresource: 'status' | undefined,
): KubeObject {
  if (
    contentType !== 'application/merge-patch+json' &&
    contentType !== 'application/strategic-merge-patch+json'
  ) {
    throw unsupportedMediaType(contentType);
  }
  const existing = cluster.get(type, namespace, name);
  const patched = mergePatch(existing, patch);
  return updateObject(
    cluster,
    type,
    namespace,
    name,
    patched,
    now,
    subresource,
  );
}
