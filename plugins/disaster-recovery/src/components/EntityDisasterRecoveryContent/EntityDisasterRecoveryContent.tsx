import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  EmptyState,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { useEntity } from '@backstage/plugin-catalog-react';
import Grid from '@material-ui/core/Grid';
import { useMemo } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { disasterRecoveryApiRef } from '../../api';
import { isNotEvaluated } from '../../api/notEvaluated';
import { BackupFreshnessCard } from '../BackupFreshnessCard';
import { BackupHistoryChart } from '../BackupHistoryChart';
import { BackupSchedulesTable } from '../BackupSchedulesTable';
import { DrillHistoryCard } from '../DrillHistoryCard';
import { NoTierDeclaredAlert } from '../NoTierDeclaredAlert';
import { OtherEnvironmentsCard } from '../OtherEnvironmentsCard';
import { PostgresRecoveryWindowCard } from '../PostgresRecoveryWindowCard';
import { PostureChecksList } from '../PostureChecksList';
import { PostureHeaderCard } from '../PostureHeaderCard';
import { ScorecardChecksCard } from '../ScorecardChecksCard';
import { StaleClustersWarning } from '../StaleClustersWarning';
import { StorageLocationsTable } from '../StorageLocationsTable';

/**
 * The "Disaster Recovery" tab of an entity page: status and targets first,
 * then backup freshness and history, the checks, schedules, storage and
 * drills, with their details a click away.
 *
 * @public
 */
export function EntityDisasterRecoveryContent() {
  const { entity } = useEntity();
  const api = useApi(disasterRecoveryApiRef);
  const entityRef = stringifyEntityRef(entity);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const compoundRef = useMemo(() => getCompoundEntityRef(entity), [entityRef]);
  const posture = useAsyncRetry(
    () => api.getEntityPosture(compoundRef),
    [api, compoundRef],
  );

  if (posture.loading && !posture.value) {
    return <Progress />;
  }
  if (isNotEvaluated(posture.error)) {
    return (
      <EmptyState
        missing="data"
        title="Not evaluated yet"
        description="The disaster-recovery backend works out postures on a schedule, after the catalog has processed the entity and the collector has read its clusters; this entity has not had its turn yet. Check again in a few minutes, or ask the platform team to look at Collection health on the Disaster Recovery page."
      />
    );
  }
  if (
    posture.error instanceof ResponseError &&
    posture.error.statusCode === 404
  ) {
    // No such entity for the backend, or one with neither a tier nor a
    // Kubernetes mapping: declaring a tier is the way in.
    return <NoTierDeclaredAlert />;
  }
  if (posture.error) {
    return <ResponseErrorPanel error={posture.error} />;
  }

  const value = posture.value!;
  const { policy } = value;
  return (
    <Grid container spacing={3}>
      {value.staleClusters.length > 0 && (
        <Grid item xs={12}>
          <StaleClustersWarning clusters={value.staleClusters} />
        </Grid>
      )}
      {!policy.tier.ok && policy.tier.problem === 'missing' && (
        <Grid item xs={12}>
          <NoTierDeclaredAlert reason={policy.tier.reason} />
        </Grid>
      )}
      <Grid item xs={12}>
        <PostureHeaderCard posture={value} />
      </Grid>
      <Grid item xs={12} md={4}>
        <BackupFreshnessCard posture={value} />
      </Grid>
      <Grid item xs={12} md={8}>
        <BackupHistoryChart days={value.backupHistory} />
      </Grid>
      <Grid item xs={12} lg={value.postgresClusters.length ? 7 : 12}>
        <PostureChecksList checks={value.posture.checks} />
      </Grid>
      {value.postgresClusters.length > 0 && (
        <Grid item xs={12} lg={5}>
          <PostgresRecoveryWindowCard clusters={value.postgresClusters} />
        </Grid>
      )}
      <Grid item xs={12}>
        <ScorecardChecksCard checks={value.posture.checks} />
      </Grid>
      <Grid item xs={12}>
        <BackupSchedulesTable schedules={value.schedules} />
      </Grid>
      <Grid item xs={12}>
        <StorageLocationsTable locations={value.storageLocations} />
      </Grid>
      {value.otherEnvironments && value.otherEnvironments.length > 0 && (
        <Grid item xs={12}>
          <OtherEnvironmentsCard environments={value.otherEnvironments} />
        </Grid>
      )}
      <Grid item xs={12}>
        <DrillHistoryCard
          entity={compoundRef}
          rpoMs={policy.rpoMs.ok ? policy.rpoMs.value : undefined}
          rtoMs={policy.rtoMs.ok ? policy.rtoMs.value : undefined}
          onDrillRecorded={posture.retry}
        />
      </Grid>
    </Grid>
  );
}
