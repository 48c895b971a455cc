export { OverviewTable } from './OverviewTable';
