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
      /**
       * `watch` (the default): each cluster is listed once, then watched
       * from the list's resourceVersion; one scheduled run holds a cluster's
       * watches for `watch.holdFor` and the next run, on whichever replica
       * claims it, resumes them from where the store stands. `poll`: each
       * cluster is listed again every `frequency`.
       * @visibility backend
       */
      mode?: 'watch' | 'poll';
      /**
       * How often each cluster is listed (`poll`); with `watch`, the interval
       * that `staleAfterIntervals` counts. Default: 5 minutes.
       * @visibility backend
       */
      frequency?: HumanDuration | string;
      /**
       * Time budget of one cluster's collection, retries included; with
       * `watch`, how long a failed run waits before the cluster is tried
       * again. Default: 4 minutes.
       * @visibility backend
       */
      timeout?: HumanDuration | string;
      /** How clusters are watched (`mode: watch`). */
      watch?: {
        /**
         * How long one scheduled run holds a cluster's watches before the
         * next run, on whichever replica claims it, resumes them. Handing
         * over reopens every stream, so a longer hold costs less CPU; a
         * replica that dies without shutting down keeps its clusters until
         * the hold ends (they show as stale after `staleAfterIntervals`
         * meanwhile). At most `relistFrequency`, since a run relists only
         * when it starts. Default: 30 minutes.
         * @visibility backend
         */
        holdFor?: HumanDuration | string;
        /**
         * A complete listing at least this often, as a safety net (a
         * watch's 410 Gone lists at once). Default: 1 hour.
         * @visibility backend
         */
        relistFrequency?: HumanDuration | string;
        /**
         * A watch stream that sends nothing, not even a bookmark, for this
         * long is reopened from the last version seen (API servers send a
         * bookmark about every minute). Default: 3 minutes.
         * @visibility backend
         */
        stallTimeout?: HumanDuration | string;
        /**
         * The longest an event waits before it is written. Default: 1 second.
         * @visibility backend
         */
        batchDelay?: HumanDuration | string;
        /**
         * Events written in one batch at most. Default: 200.
         * @visibility backend
         */
        batchSize?: number;
      };
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
      /**
       * How many collection intervals (`frequency`) may pass without a
       * successful run before a cluster's data is stale, whatever its latest
       * run did (failed, hung or died with its process). Checks that rely on
       * a stale cluster are never a pass. At least 1. Default: 3.
       */
      staleAfterIntervals?: number;
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
      /** Defaults: tier 1 `7d`, tier 2 `30d`, tier 3 `90d`. */
      restoreTestEvery?: string;
      /** Default `90d` for every tier. */
      drillEvery?: string;
      /** Default `365d` for every tier. */
      fullDrTestEvery?: string;
      /** For entities declaring the hot-warm pattern. Default `90d` for every tier. */
      failoverDrillEvery?: string;
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
    drills?: {
      /**
       * The evidence a drill kind needs to count as succeeded (else it is
       * `incomplete`), replacing that kind's default. Keys: `restore-test`,
       * `dr-drill`, `full-dr-test`, `failover-drill`; values from
       * `backup`, `restoreTargetTime`, `namespaceInventory`, `healthChecks`,
       * `applicationHealthChecks`, `reconciliation`, `objectVersionCheck`,
       * `database`, `achievedRto`, `achievedRpo`.
       */
      requiredEvidence?: {
        [kind: string]: string[];
      };
    };
    /**
     * How posture is evaluated: after a full evaluation, the entities that
     * collected changes, drills and catalog changes touch are evaluated
     * again within seconds, and those whose statuses time alone turns (a
     * backup growing older than the RPO) when it does.
     */
    evaluation?: {
      /**
       * How long changes gather before the entities they touch are
       * evaluated again. Default: 2 seconds.
       * @visibility backend
       */
      debounce?: HumanDuration | string;
      /**
       * A full evaluation of every entity at least this often, as a safety
       * net; also how far ahead time-driven status changes are looked for.
       * Default: `posture.evaluationFrequency` when set, else 1 hour.
       * @visibility backend
       */
      fullFrequency?: HumanDuration | string;
      /**
       * How often the catalog is read for added, changed and removed
       * entities. Default: 1 minute.
       * @visibility backend
       */
      catalogFrequency?: HumanDuration | string;
    };
    posture?: {
      /**
       * Superseded by `evaluation.fullFrequency`, which it stands for when
       * that is not set (it was how often every entity was evaluated).
       * @visibility backend
       */
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
      /**
       * Tier ids whose workloads must survive the loss of a pod or a node:
       * they need two ready replicas and database HA, and their replica,
       * placement, probe and disruption-budget gaps fail (for other tiers
       * they warn). Default: ['1', '2'].
       */
      highAvailabilityTiers?: string[];
      /** More restarts of one pod than this within the last hour warn. Default: 5. */
      maxRestartsPerHour?: number;
      /** A pod not ready for longer than this warns. Default: 5 minutes. */
      notReadyWarnAfter?: HumanDuration | string;
      /** A pod not ready for longer than this fails. Default: 30 minutes. */
      notReadyFailAfter?: HumanDuration | string;
      /** A cert-manager Certificate expiring within this warns; expired fails. Default: 14 days. */
      certificateWarnWithin?: HumanDuration | string;
    };
    /**
     * Secret from which the key that seals page cursors is derived (any
     * length; at least 32 random characters are enough). Every replica must
     * have the same. Without it, the first replica generates a key and
     * stores it in the plugin database for all of them.
     * @visibility secret
     */
    cursorSecret?: string;
    history?: {
      /**
       * How long collected history is kept after objects vanish, and posture
       * changes after they were superseded. Default: 400 days.
       */
      retention?: HumanDuration | string;
    };
    /**
     * Notifications to an entity's owner when one of its checks fails,
     * recovers from a failure, or warns that the RPO is about to be
     * breached: once per change, never on an entity's first evaluation.
     */
    notifications?: {
      /**
       * Whether to notify at all. Default: true.
       * @visibility backend
       */
      enabled?: boolean;
      /**
       * Tier ids whose entities notify (`none`: entities without a tier).
       * Default: every tier.
       * @visibility backend
       */
      tiers?: string[];
      /**
       * Check ids that notify, e.g. `backup-freshness`. Default: every check.
       * @visibility backend
       */
      checks?: string[];
    };
  };
}
