export { EstateRpoTrend } from './EstateRpoTrend';
