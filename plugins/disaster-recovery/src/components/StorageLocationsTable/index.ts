export { StorageLocationsTable } from './StorageLocationsTable';
