export { LimitHint } from './LimitHint';
