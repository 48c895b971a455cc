import { createPermission } from '@backstage/plugin-permission-common';

/**
 * Allows recording a drill for an entity. Reading anything about an entity
 * needs the catalog's read permission on it instead.
 *
 * @public
 */
export const disasterRecoveryDrillCreatePermission = createPermission({
  name: 'disaster-recovery.drill.create',
  attributes: { action: 'create' },
});

/**
 * Every permission of the disaster-recovery plugins.
 *
 * @public
 */
export const disasterRecoveryPermissions = [
  disasterRecoveryDrillCreatePermission,
];
