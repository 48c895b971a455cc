export { usePostureSignal } from './usePostureSignal';
