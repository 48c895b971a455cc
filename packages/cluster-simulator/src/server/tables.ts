import type { PrinterColumn } from '../kube/crdDefinitions.ts';
import type { KubeObject } from '../kube/kubeObject.ts';
import { evaluateJsonPath } from '../kube/simpleJsonPath.ts';
import type { ResourceType } from '../kube/resourceCatalog.ts';
import type { SimulatedCluster } from '../store/simulatedCluster.ts';
import { humanDuration } from '../time/humanDuration.ts';

/** A `meta.k8s.io/v1` TableColumnDefinition. */
interface ColumnDefinition {
  name: string;
  type: string;
  format: string;
  description: string;
  priority: number;
}

type Cell = string | number | boolean | null;

/** How one column's cell is computed. */
interface Column {
  definition: ColumnDefinition;
  cell(object: KubeObject, now: number): Cell;
}

const NAME_DESCRIPTION =
  'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names';

function column(
  name: string,
  type: string,
  cell: Column['cell'],
  options: { format?: string; description?: string; priority?: number } = {},
): Column {
  return {
    definition: {
      name,
      type,
      format: options.format ?? '',
      description: options.description ?? '',
      priority: options.priority ?? 0,
    },
    cell,
  };
}

const nameColumn = column('Name', 'string', o => o.metadata.name, {
  format: 'name',
  description: NAME_DESCRIPTION,
});

/** A timestamp as the age the API server prints, `<unknown>` when unset. */
function age(timestamp: unknown, now: number): string {
  const time = typeof timestamp === 'string' ? Date.parse(timestamp) : NaN;
  return Number.isNaN(time) ? '<unknown>' : humanDuration(now - time);
}

const ageColumn = column(
  'Age',
  'string',
  (o, now) => age(o.metadata.creationTimestamp, now),
  {
    description:
      'CreationTimestamp is a timestamp representing the server time when this object was created.',
  },
);

/** A printer column's cell, converted as the CRD table convertor does. */
function printerCell(
  object: KubeObject,
  spec: PrinterColumn,
  now: number,
): Cell {
  const results = evaluateJsonPath(object, spec.jsonPath);
  if (results.length === 0) {
    return null;
  }
  const value = results[0];
  if (spec.type === 'date') {
    return typeof value === 'string' ? age(value, now) : null;
  }
  if (typeof value === 'object' && value !== null) {
    return JSON.stringify(value);
  }
  return value as Cell;
}

/** Columns of a custom resource: Name, then its printer columns (or Age). */
function customColumns(columns: PrinterColumn[]): Column[] {
  const declared: PrinterColumn[] =
    columns.length > 0
      ? columns
      : [
          {
            name: 'Age',
            type: 'date',
            jsonPath: '.metadata.creationTimestamp',
          },
        ];
  return [
    nameColumn,
    ...declared.map(spec =>
      column(spec.name, spec.type, (o, now) => printerCell(o, spec, now), {
        format: spec.format,
        description: spec.description,
        priority: spec.priority,
      }),
    ),
  ];
}

function field(object: KubeObject, path: string): unknown {
  return evaluateJsonPath(object, path)[0];
}

function orNone(value: unknown): string {
  return typeof value === 'string' && value !== '' ? value : '<none>';
}

/** The columns of the core types, as kube-apiserver's printers give them. */
function coreColumns(type: ResourceType): Column[] {
  switch (type.plural) {
    case 'namespaces':
      return [
        nameColumn,
        column(
          'Status',
          'string',
          o => String(field(o, '.status.phase') ?? ''),
          {
            description: 'The status of the namespace',
          },
        ),
        ageColumn,
      ];
    case 'pods':
      return [
        nameColumn,
        column('Ready', 'string', o => {
          const containers = field(o, '.spec.containers');
          const statuses = field(o, '.status.containerStatuses');
          const total = Array.isArray(containers) ? containers.length : 0;
          const ready = Array.isArray(statuses)
            ? statuses.filter(s => s?.ready === true).length
            : 0;
          return `${ready}/${total}`;
        }),
        column('Status', 'string', o =>
          String(field(o, '.status.reason') ?? field(o, '.status.phase') ?? ''),
        ),
        column('Restarts', 'string', o => {
          const statuses = field(o, '.status.containerStatuses');
          const restarts = Array.isArray(statuses)
            ? statuses.reduce(
                (sum, s) => sum + (Number(s?.restartCount) || 0),
                0,
              )
            : 0;
          return String(restarts);
        }),
        ageColumn,
        column('IP', 'string', o => orNone(field(o, '.status.podIP')), {
          priority: 1,
        }),
        column('Node', 'string', o => orNone(field(o, '.spec.nodeName')), {
          priority: 1,
        }),
        column(
          'Nominated Node',
          'string',
          o => orNone(field(o, '.status.nominatedNodeName')),
          { priority: 1 },
        ),
        column('Readiness Gates', 'string', () => '<none>', { priority: 1 }),
      ];
    case 'persistentvolumeclaims':
      return [
        nameColumn,
        column('Status', 'string', o =>
          String(field(o, '.status.phase') ?? ''),
        ),
        column('Volume', 'string', o =>
          String(field(o, '.spec.volumeName') ?? ''),
        ),
        column('Capacity', 'string', o =>
          String(field(o, '.status.capacity.storage') ?? ''),
        ),
        column('Access Modes', 'string', o => {
          const modes = field(o, '.status.accessModes');
          return Array.isArray(modes)
            ? modes.map(accessModeShort).join(',')
            : '';
        }),
        column('StorageClass', 'string', o =>
          String(field(o, '.spec.storageClassName') ?? ''),
        ),
        column('VolumeAttributesClass', 'string', o =>
          orNone(field(o, '.spec.volumeAttributesClassName')),
        ),
        ageColumn,
        column(
          'VolumeMode',
          'string',
          o => String(field(o, '.spec.volumeMode') ?? ''),
          { priority: 1 },
        ),
      ];
    case 'nodes':
      return [
        nameColumn,
        column('Status', 'string', o => {
          const ready = (
            field(o, '.status.conditions') as unknown[] | undefined
          )
            ?.map(c => c as { type?: string; status?: string })
            .find(c => c.type === 'Ready');
          return ready?.status === 'True' ? 'Ready' : 'NotReady';
        }),
        column('Roles', 'string', () => '<none>'),
        ageColumn,
        column('Version', 'string', o =>
          String(field(o, '.status.nodeInfo.kubeletVersion') ?? ''),
        ),
      ];
    case 'deployments':
      return [
        nameColumn,
        column(
          'Ready',
          'string',
          o =>
            `${Number(field(o, '.status.readyReplicas') ?? 0)}/${Number(
              field(o, '.spec.replicas') ?? 1,
            )}`,
        ),
        column('Up-to-date', 'integer', o =>
          Number(field(o, '.status.updatedReplicas') ?? 0),
        ),
        column('Available', 'integer', o =>
          Number(field(o, '.status.availableReplicas') ?? 0),
        ),
        ageColumn,
      ];
    case 'statefulsets':
      return [
        nameColumn,
        column(
          'Ready',
          'string',
          o =>
            `${Number(field(o, '.status.readyReplicas') ?? 0)}/${Number(
              field(o, '.spec.replicas') ?? 1,
            )}`,
        ),
        ageColumn,
      ];
    case 'poddisruptionbudgets':
      return [
        nameColumn,
        column('Min Available', 'string', o =>
          String(field(o, '.spec.minAvailable') ?? 'N/A'),
        ),
        column('Max Unavailable', 'string', o =>
          String(field(o, '.spec.maxUnavailable') ?? 'N/A'),
        ),
        column('Allowed Disruptions', 'integer', o =>
          Number(field(o, '.status.disruptionsAllowed') ?? 0),
        ),
        ageColumn,
      ];
    case 'horizontalpodautoscalers':
      return [
        nameColumn,
        column(
          'Reference',
          'string',
          o =>
            `${String(field(o, '.spec.scaleTargetRef.kind'))}/${String(
              field(o, '.spec.scaleTargetRef.name'),
            )}`,
        ),
        column('Targets', 'string', o => {
          const metrics = field(o, '.spec.metrics');
          if (!Array.isArray(metrics) || metrics.length === 0) return '<none>';
          return metrics
            .map(m => {
              const name = m?.resource?.name ?? m?.type ?? 'metric';
              const target = m?.resource?.target?.averageUtilization;
              return `${name}: <unknown>/${target ?? '<unset>'}%`;
            })
            .join(', ');
        }),
        column('MinPods', 'string', o =>
          String(field(o, '.spec.minReplicas') ?? 1),
        ),
        column('MaxPods', 'integer', o =>
          Number(field(o, '.spec.maxReplicas')),
        ),
        column('Replicas', 'integer', o =>
          Number(field(o, '.status.currentReplicas') ?? 0),
        ),
        ageColumn,
      ];
    default:
      return [nameColumn, ageColumn];
  }
}

function accessModeShort(mode: unknown): string {
  const short: Record<string, string> = {
    ReadWriteOnce: 'RWO',
    ReadOnlyMany: 'ROX',
    ReadWriteMany: 'RWX',
    ReadWriteOncePod: 'RWOP',
  };
  return short[String(mode)] ?? String(mode);
}

function columnsFor(cluster: SimulatedCluster, type: ResourceType): Column[] {
  if (type.builtIn) {
    return coreColumns(type);
  }
  return customColumns(cluster.definition(type)?.printerColumns ?? []);
}

/** The `object` of a row: the item's metadata, as `includeObject=Metadata`. */
function partialObjectMetadata(object: KubeObject) {
  return {
    kind: 'PartialObjectMetadata',
    apiVersion: 'meta.k8s.io/v1',
    metadata: object.metadata,
  };
}

/** What `includeObject` asks each row to carry. */
export type IncludeObject = 'None' | 'Metadata' | 'Object';

/**
 * A `meta.k8s.io/v1` Table of objects, the server-side printing kubectl asks
 * for with `as=Table`; ages are counted from the simulated time.
 */
export function toTable(
  cluster: SimulatedCluster,
  type: ResourceType,
  objects: readonly KubeObject[],
  now: number,
  options: {
    includeObject: IncludeObject;
    metadata?: Record<string, unknown>;
    noHeaders?: boolean;
  },
) {
  const columns = columnsFor(cluster, type);
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: options.metadata ?? {},
    ...(options.noHeaders
      ? {}
      : { columnDefinitions: columns.map(c => c.definition) }),
    rows: objects.map(object => ({
      cells: columns.map(c => c.cell(object, now)),
      ...(options.includeObject === 'None'
        ? {}
        : {
            object:
              options.includeObject === 'Object'
                ? object
                : partialObjectMetadata(object),
          }),
    })),
  };
}

/** Reads `includeObject`; 400 for anything else than the three values. */
export function includeObjectOf(
  value: string | null,
): IncludeObject | undefined {
  if (value === null || value === '') {
    return 'Metadata';
  }
  return value === 'None' || value === 'Metadata' || value === 'Object'
    ? value
    : undefined;
}

/** The representation the client's Accept header asks for. */
export type Representation = 'object' | 'Table' | 'PartialObjectMetadata';

/**
 * Reads the first representation the API server can serve from an Accept
 * header such as kubectl's `application/json;as=Table;v=v1;g=meta.k8s.io,
 * application/json`.
 */
export function representationOf(accept: string | undefined): Representation {
  for (const part of (accept ?? '').split(',')) {
    const params = new Map(
      part
        .split(';')
        .slice(1)
        .map(p => p.trim().split('=') as [string, string]),
    );
    const as = params.get('as');
    if (as === undefined) {
      return 'object';
    }
    const servable =
      params.get('g') === 'meta.k8s.io' &&
      (params.get('v') === 'v1' || params.get('v') === 'v1beta1');
    if (
      servable &&
      (as === 'Table' ||
        as === 'PartialObjectMetadata' ||
        as === 'PartialObjectMetadataList')
    ) {
      return as === 'Table' ? 'Table' : 'PartialObjectMetadata';
    }
  }
  return 'object';
}
