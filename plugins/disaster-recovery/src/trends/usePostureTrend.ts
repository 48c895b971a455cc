import { parseEntityRef } from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { PostureHistoryItem } from '@dr-posture/plugin-disaster-recovery-common';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../api';
import { dailyStatusesOf, failingSinceOf } from './postureTrend';

const DAY = 24 * 60 * 60 * 1000;
/** Days in a status strip: today and the 89 before. */
export const STRIP_DAYS = 90;
const PAGE = 200;
/** Pages read at most; an entity changing more often shows fewer days. */
const MAX_PAGES = 5;

/**
 * An entity's last 90 days, day by day, and since when it fails, from its
 * posture history.
 */
export function usePostureTrend(entityRef: string) {
  const api = useApi(disasterRecoveryApiRef);
  return useAsync(async () => {
    const fromDay = new Date(Date.now() - (STRIP_DAYS - 1) * DAY)
      .toISOString()
      .slice(0, 10);
    const items: PostureHistoryItem[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < MAX_PAGES; page++) {
      const answer = await api.getPostureHistory(parseEntityRef(entityRef), {
        from: `${fromDay}T00:00:00Z`,
        cursor,
        limit: PAGE,
      });
      items.push(...answer.items);
      cursor = answer.nextCursor;
      if (!cursor) break;
    }
    // Unread older changes: the days before the oldest read one are not known.
    const knownFrom =
      cursor && items.length
        ? items[items.length - 1].at.slice(0, 10)
        : fromDay;
    const days = dailyStatusesOf(items, fromDay, STRIP_DAYS).map(day =>
      day.date < knownFrom ? { date: day.date } : day,
    );
    return { days, failingSince: failingSinceOf(items, fromDay) };
  }, [api, entityRef]);
}
