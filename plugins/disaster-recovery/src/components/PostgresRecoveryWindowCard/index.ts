export { PostgresRecoveryWindowCard } from './PostgresRecoveryWindowCard';
