import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import type { DrillListResponse } from '@dr-posture/plugin-disaster-recovery-common';
import { useCallback, useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { disasterRecoveryApiRef } from '../../api';

/**
 * The entity's drills, page after page as the user asks for older ones
 * (the API's cursor). Reloading starts again from the newest page.
 */
export function useDrillPages(entity: CompoundEntityRef) {
  const api = useApi(disasterRecoveryApiRef);
  const entityKey = stringifyEntityRef(entity);
  const [older, setOlder] = useState<DrillListResponse[]>([]);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error>();
  const first = useAsyncRetry(async () => {
    const page = await api.getDrills(entity);
    setOlder([]);
    setMoreError(undefined);
    return page;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, entityKey]);

  const nextCursor = (older[older.length - 1] ?? first.value)?.nextCursor;
  const drills = useMemo(() => {
    if (!first.value) return undefined;
    const pages = [first.value, ...older];
    return {
      // A drill recorded meanwhile can push one onto the next page too.
      items: [
        ...new Map(
          pages.flatMap(page => page.items).map(d => [d.id, d] as const),
        ).values(),
      ],
      // The same on every page.
      restoreTests: first.value.restoreTests,
      requiredEvidence: first.value.requiredEvidence,
    };
  }, [first.value, older]);

  const loadMore = useCallback(async () => {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const page = await api.getDrills(entity, { cursor: nextCursor });
      setOlder(loaded => [...loaded, page]);
    } catch (error) {
      setMoreError(error as Error);
    } finally {
      setLoadingMore(false);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, entityKey, nextCursor]);

  return {
    loading: first.loading && !first.value,
    error: first.error,
    drills,
    hasMore: Boolean(nextCursor),
    loadMore,
    loadingMore,
    moreError,
    reload: first.retry,
  };
}
