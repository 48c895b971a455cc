export { AvailabilityCard, hasAvailability } from './AvailabilityCard';
