import { RESOURCE_TYPE_CATALOG_ENTITY } from '@backstage/plugin-catalog-common/alpha';
import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows recording a drill for an entity: a catalog-entity resource
 * permission, authorized for the entity of the request and every other
 * entity the drill names, so that a policy can decide per entity (for
 * example owners only, with the catalog's `isEntityOwner` rule). Reading
 * anything about an entity needs the catalog's read permission on it
 * instead.
 *
 * @public
 */
export const disasterRecoveryDrillCreatePermission = createPermission({
  name: 'disaster-recovery.drill.create',
  attributes: { action: 'create' },
  resourceType: RESOURCE_TYPE_CATALOG_ENTITY,
});

/**
 * Allows voiding or superseding any drill; without it only whoever
 * recorded a drill may correct it.
 *
 * @public
 */
export const disasterRecoveryDrillAdminPermission = createPermission({
  name: 'disaster-recovery.drill.admin',
  attributes: { action: 'update' },
});

/**
 * Allows reading collection health per cluster (`GET /clusters`): cluster
 * names, run history and error detail, which may hold internal URLs and
 * upstream answers. For the platform team; everyone else sees how old the
 * data of an entity's clusters is in the entity's posture.
 *
 * @public
 */
export const disasterRecoveryClustersReadPermission = createPermission({
  name: 'disaster-recovery.clusters.read',
  attributes: { action: 'read' },
});

/**
 * Every permission of the disaster-recovery plugins.
 *
 * @public
 */
export const disasterRecoveryPermissions = [
  disasterRecoveryDrillCreatePermission,
  disasterRecoveryDrillAdminPermission,
  disasterRecoveryClustersReadPermission,
];
