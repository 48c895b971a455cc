import {
  STATUSES_WORST_FIRST,
  type CheckStatus,
  type PostureHistoryItem,
} from '@dr-posture/plugin-disaster-recovery-common';

const DAY = 24 * 60 * 60 * 1000;

/** When the entity's current failure began. */
export type FailingSince =
  | { at: string }
  /** It already failed when the history read begins. */
  | { before: string };

/**
 * When the entity started failing, from its posture changes (newest
 * first); undefined unless it fails now.
 */
export function failingSinceOf(
  items: PostureHistoryItem[],
  from: string,
): FailingSince | undefined {
  for (const item of items) {
    if (item.status !== 'fail') return undefined;
    if (item.previousStatus !== 'fail') return { at: item.at };
  }
  return items.length ? { before: from } : undefined;
}

function worse(a: CheckStatus | undefined, b: CheckStatus | undefined) {
  if (!a) return b;
  if (!b) return a;
  return STATUSES_WORST_FIRST.indexOf(a) <= STATUSES_WORST_FIRST.indexOf(b)
    ? a
    : b;
}

/**
 * The worst status of each UTC day from `from` for `days` days, from the
 * posture changes (newest first); undefined on days the entity was not
 * evaluated or before the first change read, when nothing tells.
 */
export function dailyStatusesOf(
  items: PostureHistoryItem[],
  from: string,
  days: number,
): Array<{ date: string; status?: CheckStatus }> {
  const changes = [...items].reverse();
  const start = Date.parse(`${from}T00:00:00Z`);
  // The status in effect when the window opens: the first change's previous one.
  let current: CheckStatus | undefined = changes[0]?.previousStatus;
  let next = 0;
  return Array.from({ length: days }, (_, index) => {
    const dayStart = start + index * DAY;
    const dayEnd = dayStart + DAY;
    let worst = current;
    while (next < changes.length && Date.parse(changes[next].at) < dayEnd) {
      current = changes[next].status;
      worst = worse(worst, current);
      next += 1;
    }
    return {
      date: new Date(dayStart).toISOString().slice(0, 10),
      status: worst,
    };
  });
}
