export { StaleClustersWarning } from './StaleClustersWarning';
