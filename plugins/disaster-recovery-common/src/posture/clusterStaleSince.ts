/**
 * How many collection intervals may pass without a successful run before a
 * cluster's data counts as stale.
 *
 * @public
 */
export const DEFAULT_STALE_AFTER_INTERVALS = 3;

/**
 * Since when a cluster's collected data is stale, or `undefined` while it is
 * current. Judged from the age of the last successful run alone, whatever
 * the latest run did: a run that failed, hangs or died with its process
 * never refreshed anything. Data is stale once the last success is more than
 * `staleAfterMs` old; a cluster never collected completely holds at most a
 * partial listing, stale from its first attempt on.
 *
 * @public
 */
export function clusterStaleSince(options: {
  /** ISO time of the last successful run, if any. */
  lastSuccessAt?: string;
  /** ISO time the cluster was first collected (attempted). */
  firstSeenAt: string;
  now: Date;
  /** The age of the last success after which data is stale. */
  staleAfterMs: number;
}): string | undefined {
  const { lastSuccessAt, firstSeenAt, now, staleAfterMs } = options;
  if (lastSuccessAt === undefined) {
    return firstSeenAt;
  }
  const staleAt = Date.parse(lastSuccessAt) + staleAfterMs;
  return now.getTime() > staleAt ? new Date(staleAt).toISOString() : undefined;
}
