import { readDurationFromConfig, type Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { HumanDuration } from '@backstage/types';
import { Duration } from 'luxon';
import { DEFAULT_STALE_AFTER_INTERVALS } from '@dr-posture/plugin-disaster-recovery-common';
import { DEFAULT_MAX_DELETED_SHARE } from './collectCluster';

/** How clusters are watched in `watch` mode. */
export interface WatchOptions {
  /** How long one run holds a cluster's watches before the next run takes over. */
  holdFor: HumanDuration;
  relistFrequency: HumanDuration;
  stallTimeout: HumanDuration;
  batchDelay: HumanDuration;
  batchSize: number;
}

/** How collection and history pruning are scheduled. */
export interface CollectionOptions {
  /** Watch each cluster (resuming on every run) or list it every `frequency`. */
  mode: 'watch' | 'poll';
  watch: WatchOptions;
  frequency: HumanDuration;
  timeout: HumanDuration;
  initialDelay: HumanDuration;
  pageSize: number;
  /** Longest wait between attempts, whatever Retry-After asks. */
  maxRetryDelay: HumanDuration;
  /** Share of a cluster's live objects one run may mark deleted. */
  maxDeletedShare: number;
  /** Collection intervals without a successful run after which data is stale. */
  staleAfterIntervals: number;
  historyRetention: HumanDuration;
}

/** The collection options without any config. */
export const DEFAULT_COLLECTION_OPTIONS: CollectionOptions = {
  mode: 'watch',
  watch: {
    holdFor: { minutes: 30 },
    relistFrequency: { hours: 1 },
    stallTimeout: { minutes: 3 },
    batchDelay: { seconds: 1 },
    batchSize: 200,
  },
  frequency: { minutes: 5 },
  timeout: { minutes: 4 },
  initialDelay: { seconds: 10 },
  pageSize: 500,
  maxRetryDelay: { seconds: 60 },
  maxDeletedShare: DEFAULT_MAX_DELETED_SHARE,
  staleAfterIntervals: DEFAULT_STALE_AFTER_INTERVALS,
  historyRetention: { days: 400 },
};

function optionalDuration(
  config: Config,
  key: string,
  fallback: HumanDuration,
): HumanDuration {
  return config.has(key) ? readDurationFromConfig(config, { key }) : fallback;
}

/** Milliseconds in a duration. */
export function durationMs(duration: HumanDuration): number {
  return Duration.fromObject(duration).toMillis();
}

/**
 * The longest one scheduled run of a cluster lasts (the task's timeout): a
 * watch run holds its cluster for `watch.holdFor`, a poll run `timeout`.
 */
export function runTimeout(options: CollectionOptions): HumanDuration {
  return options.mode === 'watch' ? options.watch.holdFor : options.timeout;
}

/** The age of a cluster's last successful run after which its data is stale. */
export function staleAfterMs(options: CollectionOptions): number {
  return options.staleAfterIntervals * durationMs(options.frequency);
}

/** {@link staleAfterMs} of the default options. */
export const DEFAULT_STALE_AFTER_MS = staleAfterMs(DEFAULT_COLLECTION_OPTIONS);

/** Reads `disasterRecovery.collection` and `.history`, failing on bad values with the key. */
export function readCollectionOptions(rootConfig: Config): CollectionOptions {
  const config = rootConfig.getOptionalConfig('disasterRecovery');
  if (!config) {
    return DEFAULT_COLLECTION_OPTIONS;
  }
  const pageSize =
    config.getOptionalNumber('collection.pageSize') ??
    DEFAULT_COLLECTION_OPTIONS.pageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) {
    throw new InputError(
      `disasterRecovery.collection.pageSize must be an integer from 1 to 10000, got ${pageSize}`,
    );
  }
  const maxDeletedShare =
    config.getOptionalNumber('collection.maxDeletedShare') ??
    DEFAULT_COLLECTION_OPTIONS.maxDeletedShare;
  if (!(maxDeletedShare > 0 && maxDeletedShare <= 1)) {
    throw new InputError(
      `disasterRecovery.collection.maxDeletedShare must be above 0 and at most 1, got ${maxDeletedShare}`,
    );
  }
  const staleAfterIntervals =
    config.getOptionalNumber('collection.staleAfterIntervals') ??
    DEFAULT_COLLECTION_OPTIONS.staleAfterIntervals;
  if (!(staleAfterIntervals >= 1)) {
    throw new InputError(
      `disasterRecovery.collection.staleAfterIntervals must be at least 1, got ${staleAfterIntervals}`,
    );
  }
  const mode =
    config.getOptionalString('collection.mode') ??
    DEFAULT_COLLECTION_OPTIONS.mode;
  if (mode !== 'watch' && mode !== 'poll') {
    throw new InputError(
      `disasterRecovery.collection.mode must be watch or poll, got ${mode}`,
    );
  }
  const batchSize =
    config.getOptionalNumber('collection.watch.batchSize') ??
    DEFAULT_COLLECTION_OPTIONS.watch.batchSize;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) {
    throw new InputError(
      `disasterRecovery.collection.watch.batchSize must be an integer from 1 to 10000, got ${batchSize}`,
    );
  }
  const watch: WatchOptions = {
    batchSize,
    holdFor: optionalDuration(
      config,
      'collection.watch.holdFor',
      DEFAULT_COLLECTION_OPTIONS.watch.holdFor,
    ),
    relistFrequency: optionalDuration(
      config,
      'collection.watch.relistFrequency',
      DEFAULT_COLLECTION_OPTIONS.watch.relistFrequency,
    ),
    stallTimeout: optionalDuration(
      config,
      'collection.watch.stallTimeout',
      DEFAULT_COLLECTION_OPTIONS.watch.stallTimeout,
    ),
    batchDelay: optionalDuration(
      config,
      'collection.watch.batchDelay',
      DEFAULT_COLLECTION_OPTIONS.watch.batchDelay,
    ),
  };
  for (const key of [
    'holdFor',
    'relistFrequency',
    'stallTimeout',
    'batchDelay',
  ] as const) {
    if (!(durationMs(watch[key]) > 0)) {
      throw new InputError(
        `disasterRecovery.collection.watch.${key} must be a positive duration`,
      );
    }
  }
  // A run relists only when it starts, so a longer hold would stretch the
  // safety net.
  if (durationMs(watch.holdFor) > durationMs(watch.relistFrequency)) {
    throw new InputError(
      'disasterRecovery.collection.watch.holdFor must not be longer than collection.watch.relistFrequency: a watch relists only when a run starts',
    );
  }
  return {
    mode,
    watch,
    maxDeletedShare,
    staleAfterIntervals,
    frequency: optionalDuration(
      config,
      'collection.frequency',
      DEFAULT_COLLECTION_OPTIONS.frequency,
    ),
    timeout: optionalDuration(
      config,
      'collection.timeout',
      DEFAULT_COLLECTION_OPTIONS.timeout,
    ),
    initialDelay: optionalDuration(
      config,
      'collection.initialDelay',
      DEFAULT_COLLECTION_OPTIONS.initialDelay,
    ),
    pageSize,
    maxRetryDelay: optionalDuration(
      config,
      'collection.maxRetryDelay',
      DEFAULT_COLLECTION_OPTIONS.maxRetryDelay,
    ),
    historyRetention: optionalDuration(
      config,
      'history.retention',
      DEFAULT_COLLECTION_OPTIONS.historyRetention,
    ),
  };
}
