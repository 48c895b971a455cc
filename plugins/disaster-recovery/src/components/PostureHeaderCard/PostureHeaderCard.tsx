import { InfoCard } from '@backstage/core-components';
import {
  formatDuration,
  type EntityPostureResponse,
  type Resolved,
} from '@dr-posture/plugin-disaster-recovery-common';
import Grid from '@material-ui/core/Grid';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import type { ReactNode } from 'react';
import { RelativeTime } from '../../format';
import { PostureStatus } from '../PostureStatus';
import { UrlLink } from '../UrlLink';
import { VerdictSummary } from '../VerdictSummary';

const useStyles = makeStyles(theme => ({
  facts: {
    margin: theme.spacing(2, 0, 0),
    paddingTop: theme.spacing(1),
    borderTop: `1px solid ${theme.palette.divider}`,
  },
}));

function Fact(props: { label: string; children: ReactNode }) {
  return (
    <Grid item xs={6} sm={4} md={2}>
      <Typography variant="overline" color="textSecondary" component="dt">
        {props.label}
      </Typography>
      <Typography variant="body2" component="dd" style={{ margin: 0 }}>
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
 * The first thing on the Disaster Recovery tab: the verdict (recoverable
 * within the RPO, RTO proven, the top reason and what to do next), the
 * action to record a drill, and below it the overall status, tier,
 * objectives with where they came from, HA pattern and runbook.
 */
export function PostureHeaderCard(props: {
  posture: EntityPostureResponse;
  /** Shown in the card's header: the "Record drill" button. */
  action?: ReactNode;
}) {
  const { posture, action } = props;
  const { summary, policy } = posture;
  const classes = useStyles();
  const problems = summary.failingChecks.length;
  return (
    <InfoCard
      title="Disaster-recovery posture"
      subheader={
        // One inline element: the subheader lays its children out as flex items.
        <span>
          Evaluated <RelativeTime time={summary.evaluatedAt} />
        </span>
      }
      action={action}
    >
      <VerdictSummary posture={posture} />
      <Grid container spacing={2} component="dl" className={classes.facts}>
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
            render={url => <UrlLink url={url}>Open runbook</UrlLink>}
          />
        </Fact>
      </Grid>
    </InfoCard>
  );
}
