export { DisasterRecoveryPage } from './DisasterRecoveryPage';
