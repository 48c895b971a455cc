import type { ScaleEstate } from './infra/simulatorProcess';

/** How much each benchmark does: a quick run or a full one. */
export interface BenchProfile {
  mode: 'quick' | 'full';
  entityPage: {
    clusterCounts: number[];
    latencyMs: number;
    /** Each cluster's estate; the entity is one service in all of them. */
    estatePerCluster: Omit<ScaleEstate, 'clusters'>;
    rounds: number;
  };
  collector: { estate: ScaleEstate; pageSize: number; concurrency: number };
  overviewApi: { sizes: number[]; rounds: number };
  overviewPage: {
    estate: ScaleEstate;
    loads: number;
    /** Rebuild the app even when a production build exists. */
    rebuildApp: boolean;
    screenshot: boolean;
  };
  postureRules: { estate: ScaleEstate; seconds: number };
  backupHistoryApi: {
    clusters: number;
    /** Services per cluster, each running in every cluster. */
    namespaces: number;
    /** Days of hourly backups still in the clusters. */
    days: number;
    /** Days of daily backups before them, gone from the clusters. */
    deletedDays: number;
    /** Services whose history is read, five requests each. */
    rounds: number;
  };
}

/** The sizes: the figures in docs/benchmarks.md. */
export const FULL_PROFILE: BenchProfile = {
  mode: 'full',
  entityPage: {
    clusterCounts: [1, 10, 50],
    latencyMs: 20,
    estatePerCluster: { namespaces: 5, days: 2 },
    rounds: 60,
  },
  collector: {
    // 50 × 20 namespaces × 24 hourly Backups × 9 days = 216,000 Backups.
    estate: { clusters: 50, namespaces: 20, days: 9 },
    pageSize: 500,
    concurrency: 2,
  },
  overviewApi: { sizes: [1000, 5000, 20000], rounds: 40 },
  overviewPage: {
    // 5,000 services: 5 clusters × 1,000 namespaces, daily backups.
    estate: { clusters: 5, namespaces: 1000, days: 2, cron: '0 3 * * *' },
    loads: 5,
    rebuildApp: true,
    screenshot: true,
  },
  postureRules: {
    estate: { clusters: 10, namespaces: 20, days: 9 },
    seconds: 10,
  },
  // The collector's 216,000 Backups, and 400 days of vanished history.
  backupHistoryApi: {
    clusters: 50,
    namespaces: 20,
    days: 9,
    deletedDays: 400,
    rounds: 40,
  },
};

/** Under five minutes on a 2-core machine; each figure at a smaller size. */
export const QUICK_PROFILE: BenchProfile = {
  mode: 'quick',
  entityPage: {
    ...FULL_PROFILE.entityPage,
    clusterCounts: [1, 10],
    rounds: 20,
  },
  collector: {
    ...FULL_PROFILE.collector,
    estate: { clusters: 10, namespaces: 10, days: 2 },
  },
  overviewApi: { sizes: [1000, 5000], rounds: 10 },
  overviewPage: {
    // 1,000 services (5 clusters × 200 namespaces): catalog ingestion of
    // 5,000 takes minutes on 2 cores, more than a quick run has.
    estate: { ...FULL_PROFILE.overviewPage.estate, namespaces: 200 },
    loads: 3,
    rebuildApp: false,
    screenshot: false,
  },
  postureRules: {
    estate: { clusters: 5, namespaces: 20, days: 2 },
    seconds: 3,
  },
  // The size even here: the target is about it.
  backupHistoryApi: { ...FULL_PROFILE.backupHistoryApi, rounds: 20 },
};
