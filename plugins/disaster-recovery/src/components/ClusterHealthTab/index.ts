export { ClusterHealthTab } from './ClusterHealthTab';
