import {
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
  StructuredMetadataTable,
} from '@backstage/core-components';
import { useApi, useRouteRef } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import { entityRouteRef, useEntity } from '@backstage/plugin-catalog-react';
import { DR_ANNOTATIONS } from '@dr-posture/plugin-disaster-recovery-common';
import Typography from '@material-ui/core/Typography';
import { useMemo } from 'react';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../../api';
import { isNotEvaluated } from '../../api/notEvaluated';
import { DRILL_OUTCOME_STATUS, RelativeTime } from '../../format';
import { PostureStatus } from '../PostureStatus';
import { VerdictSummary } from '../VerdictSummary';

const DRILL_STATUS = { ...DRILL_OUTCOME_STATUS, unknown: 'unknown' } as const;

function CardBody() {
  const { entity } = useEntity();
  const api = useApi(disasterRecoveryApiRef);
  const entityRef = stringifyEntityRef(entity);
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const compoundRef = useMemo(() => getCompoundEntityRef(entity), [entityRef]);
  const { value, loading, error } = useAsync(
    () => api.getEntityPosture(compoundRef),
    [api, compoundRef],
  );

  if (loading) return <Progress />;
  if (isNotEvaluated(error)) {
    return (
      <Typography variant="body2">
        Not evaluated yet; the posture is worked out on a schedule, check again
        in a few minutes.
      </Typography>
    );
  }
  if (error instanceof ResponseError && error.statusCode === 404) {
    return (
      <Typography variant="body2">
        {`No tier declared. Add the ${DR_ANNOTATIONS.tier} annotation to judge its backups and drills.`}
      </Typography>
    );
  }
  if (error) return <ResponseErrorPanel error={error} />;

  const { summary, policy } = value!;
  return (
    <>
      <VerdictSummary posture={value!} />
      <StructuredMetadataTable
        dense
        options={{ titleFormat: (key: string) => key }}
        metadata={{
          Status: <PostureStatus status={summary.status} />,
          Tier: policy.tier.ok ? policy.tier.value.title : 'not declared',
          'Last drill': summary.lastDrillAt ? (
            <PostureStatus
              status={DRILL_STATUS[summary.lastDrillOutcome ?? 'unknown']}
            >
              <RelativeTime time={summary.lastDrillAt} />
              {`, ${summary.lastDrillOutcome ?? 'outcome unknown'}`}
            </PostureStatus>
          ) : (
            'never'
          ),
        }}
      />
    </>
  );
}

/**
 * A card for an entity's overview tab: the verdict first (recoverable within
 * the RPO, RTO proven, the top reason and what to do next), then status,
 * tier and the last drill, with a link to the Disaster Recovery tab.
 *
 * @public
 */
export function EntityDisasterRecoveryCard() {
  const { entity } = useEntity();
  const entityRoute = useRouteRef(entityRouteRef);
  const { kind, namespace, name } = getCompoundEntityRef(entity);
  const link = `${entityRoute({
    kind: kind.toLocaleLowerCase('en-US'),
    namespace: namespace.toLocaleLowerCase('en-US'),
    name,
  })}/disaster-recovery`;
  return (
    <InfoCard
      title="Disaster recovery"
      deepLink={{ title: 'View disaster recovery', link }}
    >
      <CardBody />
    </InfoCard>
  );
}
