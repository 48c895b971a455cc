import type { IncomingMessage } from 'node:http';
import {
  badRequest,
  methodNotSupported,
  resourceNotFound,
} from '../kube/apiStatus.ts';
import { isJsonObject } from '../kube/kubeObject.ts';
import type { SimulatorRuntime } from '../runtime/simulatorRuntime.ts';
import { parseGoDuration } from '../time/goDuration.ts';
import { kubeTimestamp } from '../time/timestamps.ts';
import type { ApiVerb } from './accessControl.ts';
import { readRequestBody } from './httpIo.ts';
import type { KubeApiResponse } from './kubeApiRouter.ts';

/** What the admin API needs besides the runtime. */
export interface AdminContext {
  runtime: SimulatorRuntime;
  /** Base URL of a cluster, for `GET /admin/clusters`. */
  clusterUrl(name: string): string;
}

function clusterSummary(context: AdminContext, name: string) {
  const cluster = context.runtime.cluster(name);
  return {
    name,
    url: context.clusterUrl(name),
    resourceVersion: String(cluster.resourceVersion),
    groups: [...cluster.installedGroups],
    faults: cluster.faults,
    objects: Object.fromEntries(
      cluster
        .servedTypes()
        .map(t => [
          t.group ? `${t.plural}.${t.group}` : t.plural,
          cluster.collection(t).size,
        ]),
    ),
  };
}

function parseAdvance(body: unknown): number {
  if (isJsonObject(body) && typeof body.by === 'string') {
    try {
      return parseGoDuration(body.by);
    } catch {
      throw badRequest(`invalid duration "${body.by}"`);
    }
  }
  if (isJsonObject(body) && typeof body.ms === 'number' && body.ms >= 0) {
    return body.ms;
  }
  throw badRequest(
    'expected {"by": "<Go duration>"} or {"ms": <milliseconds>}',
  );
}

function parseGrant(body: unknown) {
  const verbs: ApiVerb[] = ['get', 'list', 'create', 'update', 'delete'];
  if (
    !isJsonObject(body) ||
    typeof body.token !== 'string' ||
    body.token.length < 8 ||
    (body.resources !== '*' &&
      !(
        Array.isArray(body.resources) &&
        body.resources.every(r => typeof r === 'string')
      )) ||
    (body.verbs !== '*' &&
      !(Array.isArray(body.verbs) && body.verbs.every(v => verbs.includes(v))))
  ) {
    throw badRequest(
      'expected {"token": "<8+ characters>", "user"?: string, "resources": "*" | string[], "verbs": "*" | ("get"|"list"|"create"|"update"|"delete")[]}',
    );
  }
  return {
    token: body.token,
    user:
      typeof body.user === 'string'
        ? body.user
        : 'system:serviceaccount:default:simulated',
    resources: body.resources as '*' | string[],
    verbs: body.verbs as '*' | ApiVerb[],
  };
}

/**
 * The admin API (paths under `/admin`, caller already authenticated):
 *
 * - `GET /admin/clusters`, `GET /admin/clusters/<name>`
 * - `GET|PUT|DELETE /admin/clusters/<name>/faults`
 * - `POST /admin/clusters/<name>/objects` — create or replace (422 if invalid)
 * - `DELETE /admin/clusters/<name>/objects?apiVersion=&kind=&namespace=&name=`
 * - `POST /admin/clusters/<name>/tokens`
 * - `GET /admin/clock`, `POST /admin/clock/advance` with `{"by": "2h"}`
 */
export async function routeAdmin(
  context: AdminContext,
  req: IncomingMessage,
  segments: string[],
  query: URLSearchParams,
): Promise<KubeApiResponse> {
  const { runtime } = context;
  const method = req.method ?? 'GET';
  const [first, name, sub] = segments;
  if (first === 'clock' && segments.length === 1 && method === 'GET') {
    const now = runtime.catchUp();
    return {
      status: 200,
      body: { now: kubeTimestamp(now), speed: runtime.clock.speed },
    };
  }
  if (
    first === 'clock' &&
    name === 'advance' &&
    segments.length === 2 &&
    method === 'POST'
  ) {
    const now = runtime.advanceClock(parseAdvance(await readRequestBody(req)));
    return {
      status: 200,
      body: { now: kubeTimestamp(now), speed: runtime.clock.speed },
    };
  }
  if (first !== 'clusters') {
    throw resourceNotFound();
  }
  if (segments.length === 1 && method === 'GET') {
    runtime.catchUp();
    return {
      status: 200,
      body: {
        clusters: [...runtime.clusters.keys()].map(n =>
          clusterSummary(context, n),
        ),
      },
    };
  }
  runtime.cluster(name ?? '');
  if (segments.length === 2 && method === 'GET') {
    runtime.catchUp();
    return { status: 200, body: clusterSummary(context, name) };
  }
  if (segments.length !== 3) {
    throw resourceNotFound();
  }
  switch (`${method} ${sub}`) {
    case 'GET faults':
      return { status: 200, body: runtime.cluster(name).faults };
    case 'PUT faults':
      return {
        status: 200,
        body: runtime.setFaults(name, (await readRequestBody(req)) ?? {}),
      };
    case 'DELETE faults':
      return { status: 200, body: runtime.setFaults(name, {}) };
    case 'POST objects': {
      const { object, created } = runtime.apply(
        name,
        await readRequestBody(req),
      );
      return { status: created ? 201 : 200, body: object };
    }
    case 'DELETE objects':
      return {
        status: 200,
        body: runtime.remove(name, {
          apiVersion: query.get('apiVersion') ?? '',
          kind: query.get('kind') ?? '',
          namespace: query.get('namespace') ?? undefined,
          name: query.get('name') ?? '',
        }),
      };
    case 'POST tokens': {
      const grant = parseGrant(await readRequestBody(req));
      runtime.grantToken(name, grant);
      return {
        status: 201,
        body: {
          token: grant.token,
          user: grant.user,
          resources: grant.resources,
          verbs: grant.verbs,
        },
      };
    }
    default:
      if (['faults', 'objects', 'tokens'].includes(sub)) {
        throw methodNotSupported(method);
      }
      throw resourceNotFound();
  }
}
