/**
 * Backend plugin of the disaster-recovery suite.
 *
 * @packageDocumentation
 */

export { disasterRecoveryPlugin as default } from './plugin';
