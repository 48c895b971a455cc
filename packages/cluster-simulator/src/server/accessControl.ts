import { forbidden, unauthorized } from '../kube/apiStatus.ts';
import type { ResourceType } from '../kube/resourceCatalog.ts';

/** API verbs the simulator serves. */
export type ApiVerb =
  | 'get'
  | 'list'
  | 'watch'
  | 'create'
  | 'update'
  | 'patch'
  | 'delete'
  | 'deletecollection';

/**
 * What one bearer token may do in a cluster, standing in for a service
 * account and its RBAC role.
 */
export interface TokenGrant {
  token: string;
  /** The user name RBAC messages show, e.g. `system:serviceaccount:dr:collector`. */
  user: string;
  /** `plural.group` (or the plural for core types) names, or `*` for all. */
  resources: '*' | string[];
  /** Verbs allowed on those resources, or `*` for all. */
  verbs: '*' | ApiVerb[];
}

/** Finds the grant for the request's `Authorization: Bearer` header. */
export function authenticate(
  authorization: string | undefined,
  grants: ReadonlyMap<string, TokenGrant>,
): TokenGrant {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '');
  const grant = match ? grants.get(match[1]) : undefined;
  if (!grant) {
    throw unauthorized();
  }
  return grant;
}

/**
 * True when the grant allows the verb on the resource, named `plural.group`
 * (or the plural for the core group), `*` for any.
 */
export function grantAllows(
  grant: TokenGrant,
  verb: string,
  resource: string,
): boolean {
  const resourceAllowed =
    grant.resources === '*' ||
    (resource !== '*' && grant.resources.includes(resource));
  const verbAllowed =
    grant.verbs === '*' ||
    (verb !== '*' && (grant.verbs as string[]).includes(verb));
  return resourceAllowed && verbAllowed;
}

/** Throws 403 Forbidden unless the grant allows the verb on the type. */
export function authorize(
  grant: TokenGrant,
  verb: ApiVerb,
  type: ResourceType,
  namespace?: string,
  name?: string,
): void {
  const resource = type.group ? `${type.plural}.${type.group}` : type.plural;
  if (!grantAllows(grant, verb, resource)) {
    throw forbidden({
      user: grant.user,
      verb,
      group: type.group,
      plural: type.plural,
      namespace,
      name,
    });
  }
}
