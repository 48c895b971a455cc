export { DisclosureButton } from './DisclosureButton';
