/**
 * Catalog annotations read by the disaster-recovery plugins.
 *
 * @public
 */
export const DR_ANNOTATIONS = {
  /** Tier id, e.g. `1`, `2`, `3`. */
  tier: 'disaster-recovery/tier',
  /** Recovery point objective override, e.g. `15m`. */
  rpo: 'disaster-recovery/rpo',
  /** Recovery time objective override, e.g. `2h`. */
  rto: 'disaster-recovery/rto',
  /** HA pattern: `cloud-native`, `hot-warm`, `hot-cold` or `hot-hot`. */
  pattern: 'disaster-recovery/pattern',
  /** URL of the recovery runbook. */
  runbook: 'disaster-recovery/runbook',
  /** Explicit Velero schedules, comma-separated `cluster/namespace/name`. */
  veleroSchedules: 'disaster-recovery/velero-schedules',
  /** Explicit CloudNativePG clusters, comma-separated `cluster/namespace/name`. */
  postgresClusters: 'disaster-recovery/postgres-clusters',
  /** `production`, `staging` or `development`; else read from `spec.lifecycle`. */
  environment: 'disaster-recovery/environment',
} as const;

/**
 * The Kubernetes plugin's workload-mapping annotations, reused as they are so
 * that an entity already on the Kubernetes tab needs nothing more.
 *
 * @public
 */
export const KUBERNETES_ANNOTATIONS = {
  id: 'backstage.io/kubernetes-id',
  namespace: 'backstage.io/kubernetes-namespace',
  labelSelector: 'backstage.io/kubernetes-label-selector',
} as const;
