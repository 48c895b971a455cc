export { formatAge } from './formatAge';
export { formatDateTime } from './formatDateTime';
