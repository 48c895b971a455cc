import type {
  PodStatusRecord,
  RestartObservation,
  WorkloadRecord,
} from '@dr-posture/plugin-disaster-recovery-common';
import type {
  CollectedRow,
  StoredVersion,
} from '@dr-posture/plugin-disaster-recovery-node';
import type { JsonObject } from '@backstage/types';

/** How far back counts are kept: the hour the rules judge, with room for gaps. */
const KEEP_MS = 3 * 3_600_000;
/** A bound on the history of a pod that restarts at every collection. */
const MAX_OBSERVATIONS = 24;

/**
 * A changed pod's restart history: the stored one, its newest count last
 * seen when its version was, then the new count (extending the newest when
 * unchanged). Counts older than a few hours are dropped but for the newest
 * of them, which still bounds the hour.
 */
export function mergeRestartHistory(
  previous: readonly RestartObservation[],
  previousLastSeenAt: string,
  current: RestartObservation,
): RestartObservation[] {
  const history = previous.map((seen, i) =>
    i === previous.length - 1
      ? { ...seen, lastSeenAt: previousLastSeenAt }
      : seen,
  );
  const newest = history[history.length - 1];
  if (newest && newest.restarts === current.restarts) {
    history[history.length - 1] = {
      ...newest,
      lastSeenAt: current.lastSeenAt,
    };
  } else {
    history.push(current);
  }
  const cutoff = Date.parse(current.lastSeenAt) - KEEP_MS;
  const firstKept = history.findIndex(
    seen => Date.parse(seen.lastSeenAt) >= cutoff,
  );
  const from = Math.max(0, (firstKept === -1 ? history.length : firstKept) - 1);
  return history.slice(from).slice(-MAX_OBSERVATIONS);
}

/**
 * `carryOver` of the Pod kind: the pod's restart count seen now, after the
 * counts seen of its earlier versions.
 */
export function carryPodRestarts(
  row: CollectedRow,
  stored: StoredVersion | undefined,
  seenAt: Date,
): CollectedRow {
  const pod = (row.record as unknown as WorkloadRecord).pod;
  if (!pod) return row;
  const at = seenAt.toISOString();
  const current: RestartObservation = {
    restarts: pod.containers.reduce((sum, c) => sum + c.restarts, 0),
    firstSeenAt: at,
    lastSeenAt: at,
  };
  const previous =
    (stored?.record as unknown as WorkloadRecord | undefined)?.pod
      ?.restartHistory ?? [];
  const merged: PodStatusRecord = {
    ...pod,
    restartHistory: stored
      ? mergeRestartHistory(previous, stored.lastSeenAt, current)
      : [current],
  };
  return {
    ...row,
    record: { ...row.record, pod: merged as unknown as JsonObject },
  };
}
