import type { WorkloadRecord } from '../records';

/**
 * How many times a pod restarted within a window ending now, as tightly as
 * its observations allow: exactly when its count was seen at the window's
 * start (or it was created after it), otherwise between two bounds.
 *
 * @public
 */
export interface RestartCount {
  /** At least this many restarts happened in the window. */
  atLeast: number;
  /** At most this many; equal to `atLeast` when exact. */
  atMost: number;
}

/**
 * Bounds the restarts of a pod in the `windowMs` before `now` from its
 * restart counts over past collections and its containers' states:
 * - a pod created within the window restarted exactly its whole count;
 * - a count seen at the window's start gives the exact difference; one
 *   seen only before and after it bounds the difference;
 * - a container running (or ended) since before the window did not
 *   restart in it, whatever its count.
 * Undefined when the pod carries no status (collected before it was kept).
 */
export function restartsWithin(
  pod: WorkloadRecord,
  now: Date,
  windowMs: number,
): RestartCount | undefined {
  const status = pod.pod;
  if (!status) return undefined;
  const start = now.getTime() - windowMs;
  // A started pod reports every container; none reported tells nothing.
  if (status.containers.length === 0 && status.phase !== 'Pending') {
    return undefined;
  }
  const total = status.containers.reduce((sum, c) => sum + c.restarts, 0);
  // A container quiet since before the window did not restart in it.
  let atMost = status.containers.reduce(
    (sum, c) =>
      c.quietSince !== undefined && Date.parse(c.quietSince) <= start
        ? sum
        : sum + c.restarts,
    0,
  );
  let atLeast = 0;
  if (pod.createdAt !== undefined && Date.parse(pod.createdAt) >= start) {
    const exact = Math.min(total, atMost);
    return { atLeast: exact, atMost: exact };
  }
  const history = status.restartHistory;
  const lastSeen = (index: number) =>
    index === history.length - 1 ? pod.lastSeenAt : history[index].lastSeenAt;
  for (let i = history.length - 1; i >= 0; i--) {
    const seen = history[i];
    if (Date.parse(seen.firstSeenAt) > start) {
      // Seen only after the window began: what came since is in it.
      atLeast = Math.max(atLeast, total - seen.restarts);
      continue;
    }
    if (Date.parse(lastSeen(i)) >= start) {
      // The count at the window's start was seen; a container quiet since
      // before the window still caps it, so that the two never disagree.
      const exact = Math.min(total - seen.restarts, atMost);
      return { atLeast: exact, atMost: exact };
    }
    // Seen before the window only: at most everything since then.
    atMost = Math.min(atMost, total - seen.restarts);
    break;
  }
  atMost = Math.max(atMost, atLeast);
  return { atLeast, atMost };
}
