import type { HumanDuration } from '@backstage/types';

export interface Config {
  /** Configuration of the disaster-recovery plugins. */
  disasterRecovery?: {
    /**
     * Clusters only this plugin reads, in the Kubernetes plugin's cluster
     * shape. Clusters from `kubernetes.clusterLocatorMethods` entries of type
     * `config` are read too.
     */
    clusters?: Array<{
      /** Unique cluster name, shown in the UI and stored with every object. */
      name: string;
      /** Base URL of the Kubernetes API server (a path prefix is allowed). */
      url: string;
      /** Only `serviceAccount` is supported. */
      authProvider: string;
      /** @visibility secret */
      serviceAccountToken?: string;
      /** Base64-encoded PEM bundle of the API server's CA. @visibility secret */
      caData?: string;
      /** Path to a PEM file with the API server's CA. */
      caFile?: string;
      skipTLSVerify?: boolean;
    }>;
    /** Names of clusters (from either source) that this plugin must not read. */
    excludeClusters?: string[];
    collection?: {
      /** How often each cluster is collected. Default: 5 minutes. */
      frequency?: HumanDuration | string;
      /** Time budget of one cluster's collection, retries included. Default: 4 minutes. */
      timeout?: HumanDuration | string;
      /** Delay before the first collection after start-up. Default: 10 seconds. */
      initialDelay?: HumanDuration | string;
      /** Objects requested per list page. Default: 500. */
      pageSize?: number;
    };
    /**
     * Tier policies in restore order; replaces the defaults (tiers 1, 2, 3).
     * A tier with a default id fills in what it leaves out.
     */
    tiers?: Array<{
      /** The `disaster-recovery/tier` annotation value, e.g. `1`. */
      id: string;
      title?: string;
      /** Durations are written like `15m`, `2h`, `30d`. */
      rpo?: string;
      rto?: string;
      restoreTestEvery?: string;
      drillEvery?: string;
      fullDrTestEvery?: string;
      retention?: string;
      copies?: number;
      offsiteCopies?: number;
    }>;
    posture?: {
      /** How often every entity's posture is worked out again. Default: 1 minute. */
      evaluationFrequency?: HumanDuration | string;
    };
    history?: {
      /** How long collected history is kept after objects vanish. Default: 400 days. */
      retention?: HumanDuration | string;
    };
  };
}
