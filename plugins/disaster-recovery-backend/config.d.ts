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
      /**
       * What the cluster is for: `production` (the default), `standby`,
       * `staging` or `development`. Only production clusters hold a
       * production service's recovery points.
       */
      role?: 'production' | 'standby' | 'staging' | 'development';
      /** Region the cluster runs in, e.g. `eu-west-1`; unknown when absent. */
      region?: string;
      /** Provider, e.g. `aws`, `gcp`, `azure`, `on-prem`; unknown when absent. */
      provider?: string;
      /** Cloud account, project or subscription; unknown when absent. */
      account?: string;
      /** For a standby: the name of the production cluster it stands in for. */
      standbyFor?: string;
    }>;
    /**
     * Role and placement of clusters configured elsewhere (for example in
     * `kubernetes.clusterLocatorMethods`), keyed by cluster name, with the
     * same meaning as the keys of `disasterRecovery.clusters` entries.
     */
    clusterProperties?: {
      [clusterName: string]: {
        role?: 'production' | 'standby' | 'staging' | 'development';
        region?: string;
        provider?: string;
        account?: string;
        standbyFor?: string;
      };
    };
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
      /**
       * Longest wait before retrying a throttled or failed request, even when
       * the API server's Retry-After asks for more. Default: 60 seconds.
       */
      maxRetryDelay?: HumanDuration | string;
      /**
       * The share (above 0, at most 1) of a cluster's live objects one
       * collection may mark deleted. A run that would mark more fails as
       * suspicious and deletes nothing. Default: 0.5.
       */
      maxDeletedShare?: number;
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
      /**
       * How long backups must be kept. Defaults: Velero backups of schedules
       * running at least hourly 48h, at least daily 7d, rarer 30d;
       * PostgreSQL (CloudNativePG retention and recovery window) 30d.
       * One duration (`30d`) sets the weekly and PostgreSQL retention.
       */
      retention?:
        | string
        | {
            hourly?: string;
            daily?: string;
            weekly?: string;
            postgres?: string;
          };
      /** Longest time between CloudNativePG base backups. Default: 1d. */
      baseBackupEvery?: string;
      copies?: number;
      offsiteCopies?: number;
    }>;
    posture?: {
      /** How often every entity's posture is worked out again. Default: 1 minute. */
      evaluationFrequency?: HumanDuration | string;
      /** How late a scheduled backup may start before it counts as overdue. Default: 1 hour. */
      scheduleGrace?: HumanDuration | string;
      /** An Available storage location last validated longer ago warns. Default: 1 hour. */
      storageValidationWarnAfter?: HumanDuration | string;
      /** An Available storage location last validated longer ago fails. Default: 24 hours. */
      storageValidationFailAfter?: HumanDuration | string;
      /**
       * Share of the RPO (above 0, at most 1) after which the age of the last
       * clean backup warns, unless a backup is running. Default: 0.75.
       */
      freshnessWarnShare?: number;
      /**
       * Tier ids whose 3-2-1 check warns without a copy known to be
       * immutable (a BackupStorageLocation annotated
       * `disaster-recovery/immutable: "true"`). Default: ['1']; [] asks none.
       */
      immutableCopyTiers?: string[];
    };
    history?: {
      /** How long collected history is kept after objects vanish. Default: 400 days. */
      retention?: HumanDuration | string;
    };
  };
}
