export { EntityTeamDisasterRecoveryCard } from './EntityTeamDisasterRecoveryCard';
