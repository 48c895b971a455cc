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
import { useMemo, useState } from 'react';
import useAsyncRetry from 'react-use/esm/useAsyncRetry';
import { disasterRecoveryApiRef } from '../../api';
import { usePostureSignal } from '../../signals';
import { isNotEvaluated } from '../../api/notEvaluated';
import { RecordDrillButton } from '../DrillHistoryCard';
import { NoTierDeclaredAlert } from '../NoTierDeclaredAlert';
import { PostureChecksList } from '../PostureChecksList';
import { PostureHeaderCard } from '../PostureHeaderCard';
import { StaleClustersWarning } from '../StaleClustersWarning';
import { DetailSections, type SectionId } from './DetailSections';

/**
 * The "Disaster Recovery" tab of an entity page: the verdict first (with
 * "Record drill"), then the checks worst first, then folded sections for
 * backup history, schedules, storage, drills and availability.
 *
 * @public
 */
export function EntityDisasterRecoveryContent() {
  const { entity } = useEntity();
  const api = useApi(disasterRecoveryApiRef);
  const entityRef = stringifyEntityRef(entity);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const compoundRef = useMemo(() => getCompoundEntityRef(entity), [entityRef]);
  // Refetched when the backend signals that the posture changed.
  const changed = usePostureSignal(entityRef);
  const [expanded, setExpanded] = useState<Partial<Record<SectionId, boolean>>>(
    {},
  );
  const [recording, setRecording] = useState(false);
  const posture = useAsyncRetry(
    () => api.getEntityPosture(compoundRef),
    [api, compoundRef, changed],
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
        <PostureHeaderCard
          posture={value}
          action={
            <RecordDrillButton
              entity={compoundRef}
              onClick={() => {
                setExpanded(open => ({ ...open, drills: true }));
                setRecording(true);
              }}
            />
          }
        />
      </Grid>
      <Grid item xs={12}>
        <PostureChecksList checks={value.posture.checks} policy={policy} />
      </Grid>
      <Grid item xs={12}>
        <DetailSections
          posture={value}
          entity={compoundRef}
          expanded={expanded}
          onExpandedChange={(section, open) =>
            setExpanded(all => ({ ...all, [section]: open }))
          }
          recording={{ open: recording, onOpenChange: setRecording }}
          onDrillsChanged={posture.retry}
        />
      </Grid>
    </Grid>
  );
}
