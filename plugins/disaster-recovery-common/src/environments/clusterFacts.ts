/**
 * What a cluster is for, from config. Only `production` clusters hold a
 * production service's recovery points; a `standby` holds copies and is a
 * restore target; `staging` and `development` never count for production.
 *
 * @public
 */
export const CLUSTER_ROLES = [
  'production',
  'standby',
  'staging',
  'development',
] as const;

/**
 * A cluster's role.
 *
 * @public
 */
export type ClusterRole = (typeof CLUSTER_ROLES)[number];

/**
 * Where a cluster runs and what it is for, as configured: the posture rules
 * judge failure domains (off-site copies, standbys) from these, never from
 * guesses.
 *
 * @public
 */
export interface ClusterFacts {
  /** Cluster name from config. */
  name: string;
  role: ClusterRole;
  /** e.g. `eu-west-1`; absent means unknown, never "the same as the others". */
  region?: string;
  /** e.g. `aws`, `gcp`, `azure`, `on-prem`. */
  provider?: string;
  /** Cloud account, project or subscription. */
  account?: string;
  /** For a standby: the production cluster it stands in for. */
  standbyFor?: string;
}
