export { PostureChecksList } from './PostureChecksList';
