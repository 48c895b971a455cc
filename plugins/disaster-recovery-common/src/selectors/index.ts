export { parseLabelSelector } from './parseLabelSelector';
export { matchesLabelSelector } from './matchesLabelSelector';
