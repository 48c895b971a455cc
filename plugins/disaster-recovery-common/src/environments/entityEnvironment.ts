import type { Entity } from '@backstage/catalog-model';
import { DR_ANNOTATIONS } from '../annotations';
import type { ClusterRole } from './clusterFacts';

/**
 * The environments an entity can run in.
 *
 * @public
 */
export const ENVIRONMENTS = ['production', 'staging', 'development'] as const;

/**
 * An entity's environment.
 *
 * @public
 */
export type Environment = (typeof ENVIRONMENTS)[number];

/**
 * An entity's environment and where it was read from.
 *
 * @public
 */
export type EntityEnvironment =
  | {
      ok: true;
      environment: Environment;
      source: 'annotation' | 'lifecycle' | 'default';
    }
  | { ok: false; reason: string };

const LIFECYCLE_ENVIRONMENTS: Record<string, Environment> = {
  production: 'production',
  // A deprecated service still runs in production until it is gone.
  deprecated: 'production',
  experimental: 'development',
  development: 'development',
  staging: 'staging',
};

/**
 * The environment whose recovery points count for an entity: the
 * `disaster-recovery/environment` annotation, else the catalog's
 * `spec.lifecycle`. A lifecycle this does not know, or none, counts as
 * production, the strictest reading: only production clusters then hold its
 * recovery points, and nothing from staging can make it look protected. An
 * annotation that names no environment is a problem to report, not a guess.
 *
 * @public
 */
export function entityEnvironment(entity: Entity): EntityEnvironment {
  const annotation =
    entity.metadata.annotations?.[DR_ANNOTATIONS.environment]?.trim();
  if (annotation) {
    if ((ENVIRONMENTS as readonly string[]).includes(annotation)) {
      return {
        ok: true,
        environment: annotation as Environment,
        source: 'annotation',
      };
    }
    return {
      ok: false,
      reason: `The ${
        DR_ANNOTATIONS.environment
      } annotation is "${annotation}"; it must be one of ${ENVIRONMENTS.join(
        ', ',
      )}.`,
    };
  }
  const lifecycle = entity.spec?.lifecycle;
  if (typeof lifecycle === 'string') {
    const environment = LIFECYCLE_ENVIRONMENTS[lifecycle.trim().toLowerCase()];
    if (environment) return { ok: true, environment, source: 'lifecycle' };
  }
  return { ok: true, environment: 'production', source: 'default' };
}

/**
 * Whether a cluster of this role holds recovery points and workloads that
 * count for an entity of this environment. A standby holds copies of
 * production, which count as copies and restore targets, never as the
 * source of production recovery points.
 *
 * @public
 */
export function clusterCountsFor(
  environment: Environment,
  role: ClusterRole,
): boolean {
  return role === environment;
}
