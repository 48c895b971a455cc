export {
  disasterRecoveryApiRef,
  type DisasterRecoveryApi,
} from './DisasterRecoveryApi';
export { DisasterRecoveryClient } from './DisasterRecoveryClient';
