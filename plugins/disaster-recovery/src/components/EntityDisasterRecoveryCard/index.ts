export { EntityDisasterRecoveryCard } from './EntityDisasterRecoveryCard';
