export { postureAlertOf } from './postureTransitions';
export type { PostureAlertKind } from './postureTransitions';
export {
  entityPostureSignalChannel,
  POSTURE_SIGNAL_CHANNEL,
} from './signalChannels';
