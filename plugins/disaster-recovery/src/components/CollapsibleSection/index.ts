export { CollapsibleSection } from './CollapsibleSection';
