/**
 * New Frontend System plugin of the disaster-recovery suite.
 *
 * @packageDocumentation
 */

export { default } from './alpha/plugin';
