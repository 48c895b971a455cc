export { EntitySystemDisasterRecoveryContent } from './EntitySystemDisasterRecoveryContent';
