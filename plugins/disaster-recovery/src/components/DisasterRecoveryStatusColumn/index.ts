export { createDisasterRecoveryStatusColumn } from './DisasterRecoveryStatusColumn';
