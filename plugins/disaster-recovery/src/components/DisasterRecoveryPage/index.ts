export { DisasterRecoveryPage } from './DisasterRecoveryPage';
export { DisasterRecoveryTab } from './DisasterRecoveryTab';
