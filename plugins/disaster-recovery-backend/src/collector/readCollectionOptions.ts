import { readDurationFromConfig, type Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import type { HumanDuration } from '@backstage/types';
import { Duration } from 'luxon';
import { DEFAULT_MAX_DELETED_SHARE } from './collectCluster';

/** How collection and history pruning are scheduled. */
export interface CollectionOptions {
  frequency: HumanDuration;
  timeout: HumanDuration;
  initialDelay: HumanDuration;
  pageSize: number;
  /** Longest wait between attempts, whatever Retry-After asks. */
  maxRetryDelay: HumanDuration;
  /** Share of a cluster's live objects one run may mark deleted. */
  maxDeletedShare: number;
  historyRetention: HumanDuration;
  /** How often every entity's posture is worked out again. */
  evaluationFrequency: HumanDuration;
}

const DEFAULTS: CollectionOptions = {
  frequency: { minutes: 5 },
  timeout: { minutes: 4 },
  initialDelay: { seconds: 10 },
  pageSize: 500,
  maxRetryDelay: { seconds: 60 },
  maxDeletedShare: DEFAULT_MAX_DELETED_SHARE,
  historyRetention: { days: 400 },
  evaluationFrequency: { minutes: 1 },
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

/** Reads `disasterRecovery.collection` and `.history`, failing on bad values with the key. */
export function readCollectionOptions(rootConfig: Config): CollectionOptions {
  const config = rootConfig.getOptionalConfig('disasterRecovery');
  if (!config) {
    return DEFAULTS;
  }
  const pageSize =
    config.getOptionalNumber('collection.pageSize') ?? DEFAULTS.pageSize;
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 10_000) {
    throw new InputError(
      `disasterRecovery.collection.pageSize must be an integer from 1 to 10000, got ${pageSize}`,
    );
  }
  const maxDeletedShare =
    config.getOptionalNumber('collection.maxDeletedShare') ??
    DEFAULTS.maxDeletedShare;
  if (!(maxDeletedShare > 0 && maxDeletedShare <= 1)) {
    throw new InputError(
      `disasterRecovery.collection.maxDeletedShare must be above 0 and at most 1, got ${maxDeletedShare}`,
    );
  }
  return {
    maxDeletedShare,
    frequency: optionalDuration(
      config,
      'collection.frequency',
      DEFAULTS.frequency,
    ),
    timeout: optionalDuration(config, 'collection.timeout', DEFAULTS.timeout),
    initialDelay: optionalDuration(
      config,
      'collection.initialDelay',
      DEFAULTS.initialDelay,
    ),
    pageSize,
    maxRetryDelay: optionalDuration(
      config,
      'collection.maxRetryDelay',
      DEFAULTS.maxRetryDelay,
    ),
    historyRetention: optionalDuration(
      config,
      'history.retention',
      DEFAULTS.historyRetention,
    ),
    evaluationFrequency: optionalDuration(
      config,
      'posture.evaluationFrequency',
      DEFAULTS.evaluationFrequency,
    ),
  };
}
