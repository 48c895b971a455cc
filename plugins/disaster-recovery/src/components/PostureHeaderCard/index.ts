export { PostureHeaderCard } from './PostureHeaderCard';
