import {
  alreadyExists,
  invalidObject,
  objectNotFound,
  resourceNotFound,
} from '../kube/apiStatus.ts';
import { loadCrdVersion, type CrdVersion } from '../kube/crdDefinitions.ts';
import { isJsonObject, type KubeObject } from '../kube/kubeObject.ts';
import {
  qualifiedResourceName,
  resourceTypeForObject,
  RESOURCE_TYPES,
  Types,
  type ApiGroupName,
  type ResourceType,
} from '../kube/resourceCatalog.ts';
import { deterministicUid } from '../random/seededRandom.ts';
import type { TokenGrant } from '../server/accessControl.ts';
import type { FaultSettings } from '../faults/faultSettings.ts';
import { kubeTimestamp } from '../time/timestamps.ts';
import type { ObjectValidator } from '../validation/objectValidator.ts';
import { ObjectCollection } from './objectCollection.ts';
import { WatchLog } from './watchLog.ts';

/** The namespaces every cluster has from the start, as kubeadm creates them. */
export const SYSTEM_NAMESPACES = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

/** A Namespace object as the API server stores a new one. */
function namespaceObject(name: string): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, labels: { 'kubernetes.io/metadata.name': name } },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/**
 * How a write treats an existing object of the same name: `create` refuses
 * it (409), `update` requires it (404), `apply` takes either.
 */
export type WriteMode = 'create' | 'update' | 'apply';

/**
 * One simulated Kubernetes cluster: its installed API groups, its objects
 * (one {@link ObjectCollection} per resource type), its resource-version
 * counter, the tokens it accepts and the faults it injects.
 *
 * Every write goes through {@link SimulatedCluster.write}, which validates the
 * object first, so nothing invalid is ever stored or served.
 */
export class SimulatedCluster {
  private readonly collections = new Map<ResourceType, ObjectCollection>();
  private version = 0;
  readonly grants = new Map<string, TokenGrant>();
  /** Recent changes, for watches. */
  readonly changes = new WatchLog();
  faults: FaultSettings = {};

  readonly name: string;
  readonly installedGroups: ReadonlySet<ApiGroupName>;
  private readonly validator: ObjectValidator;
  private readonly seed: string;

  constructor(
    name: string,
    installedGroups: ReadonlySet<ApiGroupName>,
    validator: ObjectValidator,
    seed: string,
  ) {
    this.name = name;
    this.installedGroups = installedGroups;
    this.validator = validator;
    this.seed = seed;
    for (const type of RESOURCE_TYPES) {
      if (this.serves(type)) {
        this.collections.set(type, new ObjectCollection());
      }
    }
  }

  /** The cluster's current resource version (etcd revision). */
  get resourceVersion(): number {
    return this.version;
  }

  /** True when the type's group is installed (built-in groups always are). */
  serves(type: ResourceType): boolean {
    return type.builtIn || this.installedGroups.has(type.group as ApiGroupName);
  }

  /** The type's CRD version, when the fixtures hold its CRD. */
  definition(type: ResourceType): CrdVersion | undefined {
    const dir = this.validator.fixturesDir;
    return dir ? loadCrdVersion(dir, type) : undefined;
  }

  /** True when the Namespace object exists. */
  hasNamespace(name: string): boolean {
    return this.find(Types.namespace, undefined, name) !== undefined;
  }

  /** Creates the Namespace object unless it exists. */
  ensureNamespace(name: string, at: number): void {
    if (!this.hasNamespace(name)) {
      this.write(namespaceObject(name), at, 'create');
    }
  }

  /** The resource types this cluster serves. */
  servedTypes(): ResourceType[] {
    return [...this.collections.keys()];
  }

  /** The collection of a served type; throws 404 when the group is absent. */
  collection(type: ResourceType): ObjectCollection {
    const collection = this.collections.get(type);
    if (!collection) {
      throw resourceNotFound();
    }
    return collection;
  }

  /** Looks an object up; undefined when absent. */
  find(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject | undefined {
    return this.collections
      .get(type)
      ?.get(type.namespaced ? namespace : undefined, name);
  }

  /** Looks an object up; throws 404 NotFound when absent. */
  get(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const object = this.find(type, namespace, name);
    if (!object) {
      throw objectNotFound(type.group, type.plural, name);
    }
    return object;
  }

  /**
   * Validates and stores an object, filling in the fields the API server
   * sets (uid, creationTimestamp, generation, resourceVersion). The caller
   * hands the object over and must not change it afterwards.
   *
   * @param at - simulated time of the write, for `creationTimestamp`.
   * @throws ApiError 422 Invalid, 404 when the type is not served here, 409
   *   for `create` of an existing name.
   */
  write(input: unknown, at: number, mode: WriteMode = 'apply'): KubeObject {
    const type = isJsonObject(input)
      ? resourceTypeForObject(String(input.apiVersion), String(input.kind))
      : undefined;
    if (!type) {
      const kind = isJsonObject(input) ? String(input.kind) : 'Object';
      throw invalidObject({
        kind,
        group: '',
        name:
          isJsonObject(input) && isJsonObject(input.metadata)
            ? String(input.metadata.name)
            : '',
        causes: [
          {
            reason: 'FieldValueNotSupported',
            message: `Unsupported value: no resource type for apiVersion "${
              isJsonObject(input) ? String(input.apiVersion) : ''
            }" and kind "${kind}"`,
            field: 'kind',
          },
        ],
      });
    }
    const collection = this.collection(type);
    const object = input as KubeObject;
    const causes = this.validator.validate(type, object);
    if (causes.length > 0) {
      throw invalidObject({
        kind: type.kind,
        group: type.group,
        name: String(object.metadata?.name ?? ''),
        causes,
      });
    }
    const namespace = type.namespaced ? object.metadata.namespace : undefined;
    if (namespace !== undefined) {
      // Scenario seeds and controllers write into namespaces that exist on
      // a real cluster; the API path refuses missing ones before this.
      this.ensureNamespace(namespace, at);
    }
    const existing = collection.get(namespace, object.metadata.name);
    if (existing && mode === 'create') {
      throw alreadyExists(type.group, type.plural, object.metadata.name);
    }
    if (!existing && mode === 'update') {
      throw objectNotFound(type.group, type.plural, object.metadata.name);
    }
    this.version++;
    const specChanged =
      existing !== undefined &&
      JSON.stringify(existing.spec) !== JSON.stringify(object.spec);
    const metadata = object.metadata;
    object.metadata = {
      ...metadata,
      uid:
        metadata.uid ??
        existing?.metadata.uid ??
        deterministicUid(
          this.seed,
          this.name,
          qualifiedResourceName(type),
          namespace ?? '',
          metadata.name,
          at,
        ),
      resourceVersion: String(this.version),
      generation: existing
        ? (existing.metadata.generation ?? 1) + (specChanged ? 1 : 0)
        : metadata.generation ?? 1,
      creationTimestamp:
        metadata.creationTimestamp ??
        existing?.metadata.creationTimestamp ??
        kubeTimestamp(at),
    };
    collection.put(object, this.version);
    this.changes.record({
      type: existing ? 'MODIFIED' : 'ADDED',
      resource: type,
      object,
      resourceVersion: this.version,
    });
    return object;
  }

  /**
   * Deletes an object; throws 404 when absent. Deleting a Namespace deletes
   * everything in it first (at once, where a real cluster goes through
   * `Terminating`).
   */
  delete(
    type: ResourceType,
    namespace: string | undefined,
    name: string,
  ): KubeObject {
    const key = type.namespaced ? namespace : undefined;
    if (!this.collection(type).get(key, name)) {
      throw objectNotFound(type.group, type.plural, name);
    }
    if (type === Types.namespace) {
      for (const [contained, collection] of this.collections) {
        if (!contained.namespaced) {
          continue;
        }
        const inside = [...collection.values()].filter(
          o => o.metadata.namespace === name,
        );
        for (const object of inside) {
          this.delete(contained, name, object.metadata.name);
        }
      }
    }
    this.version++;
    const removed = this.collection(type).remove(key, name, this.version)!;
    // The DELETED event carries the deletion's resource version.
    const deleted = {
      ...removed,
      metadata: { ...removed.metadata, resourceVersion: String(this.version) },
    };
    this.changes.record({
      type: 'DELETED',
      resource: type,
      object: deleted,
      resourceVersion: this.version,
    });
    return deleted;
  }
}
