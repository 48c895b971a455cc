export { NoTierDeclaredAlert } from './NoTierDeclaredAlert';
