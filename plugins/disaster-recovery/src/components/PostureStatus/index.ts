export { PostureStatus, postureStatusLabel } from './PostureStatus';
