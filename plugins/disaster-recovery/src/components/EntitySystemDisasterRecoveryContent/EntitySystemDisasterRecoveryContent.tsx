import { parseEntityRef, stringifyEntityRef } from '@backstage/catalog-model';
import {
  InfoCard,
  Progress,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { useApi } from '@backstage/core-plugin-api';
import {
  EntityRefLink,
  humanizeEntityRef,
  useEntity,
} from '@backstage/plugin-catalog-react';
import {
  formatDuration,
  type CheckStatus,
} from '@dr-posture/plugin-disaster-recovery-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import useAsync from 'react-use/esm/useAsync';
import { disasterRecoveryApiRef } from '../../api';
import {
  systemRestoreEstimateOf,
  type SystemRestoreEstimate,
} from '../../systems/systemRestoreEstimate';
import { useEntityVerdicts } from '../../systems/useEntityVerdicts';
import { PostureStatus } from '../PostureStatus';
import { VerdictsTable } from '../VerdictsTable';

const ESTIMATE_STATUS: Record<SystemRestoreEstimate['answer'], CheckStatus> = {
  within: 'pass',
  over: 'fail',
  unknown: 'unknown',
};

function EstimateLine(props: { estimate: SystemRestoreEstimate }) {
  const { answer, estimatedMs, targetMs, reason } = props.estimate;
  const time =
    estimatedMs === undefined ? 'unknown' : formatDuration(estimatedMs);
  const target = targetMs === undefined ? 'unknown' : formatDuration(targetMs);
  return (
    <>
      <Typography variant="h6" component="p">
        <PostureStatus status={ESTIMATE_STATUS[answer]}>
          {`Estimated restore time ${time} against RTO ${target}`}
        </PostureStatus>
      </Typography>
      <Typography variant="body2" color="textSecondary">
        {reason}
      </Typography>
    </>
  );
}

/**
 * A System's disaster-recovery tab: each component's verdict worst first,
 * the order to restore them in and whether that fits the system's RTO.
 */
export function EntitySystemDisasterRecoveryContent() {
  const { entity } = useEntity();
  const api = useApi(disasterRecoveryApiRef);
  const systemRef = stringifyEntityRef(entity);
  const data = useAsync(async () => {
    const [posture, plan] = await Promise.all([
      api.getSystemPosture({
        namespace: entity.metadata.namespace ?? 'default',
        name: entity.metadata.name,
      }),
      api.getRestorePlan({ system: systemRef }),
    ]);
    return { posture, plan };
  }, [api, systemRef]);
  const refs = data.value?.posture.components.map(c => c.entityRef);
  const verdicts = useEntityVerdicts(refs);

  if (data.loading) return <Progress />;
  if (data.error) return <ResponseErrorPanel error={data.error} />;
  const { posture, plan } = data.value!;
  if (posture.components.length === 0) {
    return (
      <InfoCard title="Disaster recovery">
        <Typography variant="body2">
          No component of this system has disaster-recovery data yet. Give its
          components a <code>disaster-recovery/tier</code> annotation or map
          them to Kubernetes workloads.
        </Typography>
      </InfoCard>
    );
  }
  const inPlan = new Set(plan.steps.map(s => s.entityRef));
  // The plan's order, then any component the plan left out.
  const ordered = [
    ...plan.steps.map(s => s.entityRef),
    ...posture.components.map(c => c.entityRef).filter(r => !inPlan.has(r)),
  ].filter(ref => posture.components.some(c => c.entityRef === ref));
  const nameOf = (ref: string) =>
    plan.entities[ref]?.title ??
    humanizeEntityRef(parseEntityRef(ref), { defaultKind: 'component' });
  const estimate = verdicts.value
    ? systemRestoreEstimateOf(
        ordered.map(ref => ({
          entityRef: ref,
          name: nameOf(ref),
          verdict: verdicts.value!.get(ref)?.verdict,
        })),
      )
    : undefined;

  return (
    <Grid container spacing={3}>
      <Grid item xs={12}>
        <InfoCard
          title="System disaster recovery"
          subheader={`${posture.components.length} components; the system is as recoverable as its least recoverable component`}
        >
          <Typography variant="h5" component="p" gutterBottom>
            <PostureStatus status={posture.status} />
          </Typography>
          {estimate ? <EstimateLine estimate={estimate} /> : <Progress />}
        </InfoCard>
      </Grid>
      <Grid item xs={12} xl={8}>
        <InfoCard title="Components, worst first">
          <VerdictsTable
            label="Components of the system by verdict"
            withTrend
            rows={posture.components.map(c => ({
              entityRef: c.entityRef,
              title: plan.entities[c.entityRef]?.title,
              status: c.status,
              verdict: verdicts.value?.get(c.entityRef),
            }))}
          />
        </InfoCard>
      </Grid>
      <Grid item xs={12} xl={4}>
        <InfoCard title="Restore order">
          <ol aria-label="Restore order">
            {ordered.map(ref => {
              const step = plan.steps.find(s => s.entityRef === ref);
              const drill =
                verdicts.value?.get(ref)?.verdict?.recoveryTime.drill;
              return (
                <li key={ref}>
                  <EntityRefLink entityRef={ref} title={nameOf(ref)} />
                  <Typography variant="body2" color="textSecondary">
                    {step?.reason ?? 'Not in the restore plan.'}
                    {drill
                      ? ` Its last measured drill restored it in ${formatDuration(
                          drill.achievedRtoMs,
                        )}.`
                      : ' No drill measured its restore time.'}
                  </Typography>
                </li>
              );
            })}
          </ol>
        </InfoCard>
      </Grid>
    </Grid>
  );
}
