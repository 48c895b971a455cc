import type { MetricsService } from '@backstage/backend-plugin-api/alpha';
import type { ResourceStore } from '../../database/ResourceStore';
import { METRIC_NAMES } from './metricNames';

/**
 * The store the collector writes through, counting what it records: runs
 * by cluster and outcome, errors by cluster and classified reason, objects
 * written by cluster and kind, and objects a complete run marked deleted.
 * Counting at the store counts what was stored, however the collector got
 * it, with no change to the collector; every other method is the store's.
 */
export function instrumentCollection(
  store: ResourceStore,
  metrics: MetricsService,
): ResourceStore {
  const runs = metrics.createCounter(METRIC_NAMES.collectionRuns, {
    description: 'Collection runs ended, by cluster and outcome',
  });
  const errors = metrics.createCounter(METRIC_NAMES.collectionErrors, {
    description:
      'Collection runs that failed, by cluster and classified reason',
  });
  const written = metrics.createCounter(METRIC_NAMES.objectsWritten, {
    description:
      'Collected objects written new or changed, by cluster and kind',
  });
  const deleted = metrics.createCounter(METRIC_NAMES.objectsDeleted, {
    description:
      'Collected objects a complete run marked deleted (kept as history), by cluster',
  });

  const counting: Partial<ResourceStore> = {
    async upsertPage(cluster, kind, rows, seenAt) {
      const n = await store.upsertPage(cluster, kind, rows, seenAt);
      written.add(n, { cluster, kind });
      return n;
    },
    async completeRun(options) {
      const n = await store.completeRun(options);
      deleted.add(n, { cluster: options.cluster });
      runs.add(1, { cluster: options.cluster, outcome: 'succeeded' });
      return n;
    },
    async failRun(options) {
      await store.failRun(options);
      runs.add(1, { cluster: options.cluster, outcome: 'failed' });
      errors.add(1, { cluster: options.cluster, reason: options.error });
    },
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property in counting) {
        return counting[property as keyof ResourceStore];
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
