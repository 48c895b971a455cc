export { UrlLink } from './UrlLink';
