export { OverviewSummaryTiles } from './OverviewSummaryTiles';
