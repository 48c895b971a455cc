/** An evaluated posture's statuses: overall and per check. */
export function statusesOf(posture: {
  status: string;
  checks: ReadonlyArray<{ id: string; status: string }>;
}): string {
  return [
    posture.status,
    ...posture.checks.map(check => `${check.id}=${check.status}`),
  ].join(' ');
}

/**
 * When the statuses of a posture may change with time alone, its inputs
 * as they are: a backup growing older than the RPO, a drill falling due, a
 * certificate nearing expiry. The posture is judged at the end of the
 * horizon; if anything differs there, the first moment it differs is
 * found by bisection to within `resolutionMs` (the rules' thresholds are
 * ages: once a status has turned, time alone does not turn it back within
 * a horizon). Without a change, the end of the horizon, when it is looked
 * at again.
 */
export function nextStatusChange(options: {
  statusesAt: (at: Date) => string;
  /** The statuses at `now`. */
  current: string;
  now: Date;
  horizonMs: number;
  resolutionMs: number;
}): Date {
  const { statusesAt, current, now, horizonMs, resolutionMs } = options;
  const start = now.getTime();
  let late = start + horizonMs;
  if (statusesAt(new Date(late)) === current) return new Date(late);
  let early = start;
  while (late - early > resolutionMs) {
    const middle = Math.floor((early + late) / 2);
    if (statusesAt(new Date(middle)) === current) early = middle;
    else late = middle;
  }
  return new Date(late);
}
