import { InfoCard, Link } from '@backstage/core-components';
import {
  formatDuration,
  type EntityPostureResponse,
  type Resolved,
} from '@dr-posture/plugin-disaster-recovery-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import type { ReactNode } from 'react';
import { formatAge } from '../../format';
import { PostureStatus } from '../PostureStatus';

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={6} sm={4} md={2}>
      <Typography variant="overline" color="textSecondary" component="dt">
        {props.label}
      </Typography>
      <Typography variant="body1" component="dd" style={{ margin: 0 }}>
        {props.children}
      </Typography>
    </Grid>
  );
}

function Source(props: { resolved: Resolved<unknown> }) {
  const { resolved } = props;
  if (!resolved.ok) return null;
  return (
    <Typography variant="caption" color="textSecondary" display="block">
      {resolved.source === 'annotation' ? 'set by annotation' : 'tier default'}
    </Typography>
  );
}

function ResolvedValue<T>(props: {
  resolved: Resolved<T>;
  render: (value: T) => ReactNode;
}) {
  const { resolved, render } = props;
  if (resolved.ok) {
    return (
      <>
        {render(resolved.value)}
        <Source resolved={resolved} />
      </>
    );
  }
  return (
    <PostureStatus status={resolved.problem === 'missing' ? 'unknown' : 'fail'}>
      {resolved.problem === 'missing' ? 'not declared' : resolved.reason}
    </PostureStatus>
  );
}

/**
 * The first thing on the Disaster Recovery tab: overall status, tier,
 * objectives with where they came from, HA pattern and runbook.
 */
export function PostureHeaderCard(props: { posture: EntityPostureResponse }) {
  const { summary, policy } = props.posture;
  const problems = summary.failingChecks.length;
  return (
    <InfoCard
      title="Disaster-recovery posture"
      subheader={`Evaluated ${formatAge(summary.evaluatedAt)}`}
    >
      <Grid container spacing={2} component="dl" style={{ margin: 0 }}>
        <Fact label="Status">
          <PostureStatus status={summary.status}>
            {summary.status === 'pass' || summary.status === 'unknown'
              ? undefined
              : `${problems} check${problems === 1 ? '' : 's'} need${
                  problems === 1 ? 's' : ''
                } attention`}
          </PostureStatus>
        </Fact>
        <Fact label="Tier">
          <ResolvedValue resolved={policy.tier} render={tier => tier.title} />
        </Fact>
        <Fact label="RPO target">
          <ResolvedValue resolved={policy.rpoMs} render={formatDuration} />
        </Fact>
        <Fact label="RTO target">
          <ResolvedValue resolved={policy.rtoMs} render={formatDuration} />
        </Fact>
        <Fact label="HA pattern">
          <ResolvedValue resolved={policy.pattern} render={p => p} />
        </Fact>
        <Fact label="Runbook">
          <ResolvedValue
            resolved={policy.runbookUrl}
            render={url => <Link to={url}>Open runbook</Link>}
          />
        </Fact>
      </Grid>
    </InfoCard>
  );
}
