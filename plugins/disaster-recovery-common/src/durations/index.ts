export { parseDuration } from './parseDuration';
export { parseGoDuration } from './parseGoDuration';
export type { GoDuration } from './parseGoDuration';
export { formatDuration } from './formatDuration';
