export type {
  EntityPolicy,
  HaPattern,
  KubernetesRetention,
  PolicySource,
  Resolved,
  TierPolicy,
  Unresolved,
} from './types';
export { DEFAULT_TIER_POLICIES } from './defaultTierPolicies';
export {
  readTierPolicies,
  tierPoliciesConfigSchema,
} from './tierPoliciesConfig';
export { resolveEntityPolicy } from './resolveEntityPolicy';
export { HA_PATTERNS } from './haPatterns';
export type { HaPatternProfile, PlanningRange } from './haPatterns';
