export { OverviewFilterBar } from './OverviewFilterBar';
