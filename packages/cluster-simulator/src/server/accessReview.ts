import { badRequest } from '../kube/apiStatus.ts';
import { isJsonObject } from '../kube/kubeObject.ts';
import { grantAllows, type TokenGrant } from './accessControl.ts';

/**
 * `POST /apis/authorization.k8s.io/v1/selfsubjectaccessreviews` (what
 * `kubectl auth can-i` sends): answers from the token's grant. A
 * non-resource request (`/healthz`) is allowed, as the `system:discovery`
 * and `system:public-info-viewer` roles allow them to everyone.
 */
export function selfSubjectAccessReview(grant: TokenGrant, body: unknown) {
  if (
    !isJsonObject(body) ||
    body.kind !== 'SelfSubjectAccessReview' ||
    !isJsonObject(body.spec)
  ) {
    throw badRequest(
      'the object provided is unrecognized (must be of type SelfSubjectAccessReview)',
    );
  }
  const attributes = body.spec.resourceAttributes;
  let allowed: boolean;
  if (isJsonObject(attributes)) {
    const group = String(attributes.group ?? '');
    const plural = String(attributes.resource ?? '');
    const subresource = attributes.subresource
      ? `/${attributes.subresource}`
      : '';
    const resource = group && plural !== '*' ? `${plural}.${group}` : plural;
    // RBAC names subresources `backups/status`: a grant of a resource does
    // not cover them unless it covers every resource.
    allowed = grantAllows(
      grant,
      String(attributes.verb ?? ''),
      `${resource}${subresource}`,
    );
  } else if (isJsonObject(body.spec.nonResourceAttributes)) {
    allowed = body.spec.nonResourceAttributes.verb === 'get';
  } else {
    throw badRequest(
      'spec.resourceAttributes or spec.nonResourceAttributes must be set',
    );
  }
  return {
    kind: 'SelfSubjectAccessReview',
    apiVersion: 'authorization.k8s.io/v1',
    metadata: { creationTimestamp: null },
    spec: body.spec,
    status: allowed
      ? {
          allowed,
          reason: `RBAC: allowed by the grant of user "${grant.user}"`,
        }
      : { allowed },
  };
}
