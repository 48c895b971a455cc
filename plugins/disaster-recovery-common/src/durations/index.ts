export { parseDuration } from './parseDuration';
export { formatDuration } from './formatDuration';
