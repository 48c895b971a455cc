import {
  stringifyEntityRef,
  type CompoundEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/core-plugin-api';
import { FINISHED_RUN_PHASES } from '@dr-posture/plugin-disaster-recovery-common';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../api';

/** As many finished backups as one page of the history holds. */
const RECENT_RUNS = 100;

/**
 * The entity's latest finished backups, newest first: what the schedule
 * table judges each schedule's recent runs on.
 */
export function useRecentRuns(entity: CompoundEntityRef) {
  const api = useApi(disasterRecoveryApiRef);
  const entityKey = stringifyEntityRef(entity);
  return useAsync(
    () =>
      api.getBackupHistory(entity, {
        phase: [...FINISHED_RUN_PHASES],
        limit: RECENT_RUNS,
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [api, entityKey],
  );
}
