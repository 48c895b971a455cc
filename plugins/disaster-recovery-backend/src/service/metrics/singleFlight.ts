/**
 * A loader whose callers share one run at a time and its result for
 * `ttlMs`: the gauges of one collection read the store once.
 */
export function singleFlight<T>(
  ttlMs: number,
  load: () => Promise<T>,
): () => Promise<T> {
  let inflight: Promise<T> | undefined;
  let cached: { at: number; value: T } | undefined;
  return () => {
    if (inflight) return inflight;
    if (cached && Date.now() - cached.at < ttlMs) {
      return Promise.resolve(cached.value);
    }
    inflight = load()
      .then(value => {
        cached = { at: Date.now(), value };
        return value;
      })
      .finally(() => {
        inflight = undefined;
      });
    return inflight;
  };
}
