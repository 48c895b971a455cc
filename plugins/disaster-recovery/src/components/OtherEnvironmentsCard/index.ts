export { OtherEnvironmentsCard } from './OtherEnvironmentsCard';
