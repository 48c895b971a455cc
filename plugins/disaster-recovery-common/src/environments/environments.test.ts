import type { Entity } from '@backstage/catalog-model';
import { CLUSTER_ROLES } from './clusterFacts';
import { clusterCountsFor, entityEnvironment } from './entityEnvironment';

function entity(lifecycle?: unknown, annotation?: string): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: 'svc',
      annotations: annotation
        ? { 'disaster-recovery/environment': annotation }
        : {},
    },
    spec: lifecycle === undefined ? {} : { lifecycle },
  } as Entity;
}

describe('entityEnvironment', () => {
  it.each([
    [undefined, undefined, 'production', 'default'],
    ['production', undefined, 'production', 'lifecycle'],
    ['deprecated', undefined, 'production', 'lifecycle'],
    ['experimental', undefined, 'development', 'lifecycle'],
    ['Staging', undefined, 'staging', 'lifecycle'],
    ['beta', undefined, 'production', 'default'],
    [42, undefined, 'production', 'default'],
    ['experimental', 'production', 'production', 'annotation'],
    ['production', ' staging ', 'staging', 'annotation'],
  ])(
    'lifecycle %p, annotation %p → %s from %s',
    (lifecycle, annotation, environment, source) => {
      expect(entityEnvironment(entity(lifecycle, annotation))).toEqual({
        ok: true,
        environment,
        source,
      });
    },
  );

  it('reports an annotation that names no environment', () => {
    expect(entityEnvironment(entity('production', 'prod'))).toEqual({
      ok: false,
      reason: expect.stringContaining('"prod"'),
    });
  });
});

describe('clusterCountsFor', () => {
  it('counts only clusters of the same role, never a standby for production', () => {
    const counted = CLUSTER_ROLES.filter(role =>
      clusterCountsFor('production', role),
    );
    expect(counted).toEqual(['production']);
    expect(clusterCountsFor('staging', 'staging')).toBe(true);
    expect(clusterCountsFor('staging', 'production')).toBe(false);
  });
});
